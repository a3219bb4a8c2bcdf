import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment, Consultation } from '@compact/core';
import { useLocale } from '../i18n/useLanguage.js';
import { formatConsultation } from './consultation.js';
import { formatDate, formatPartialDate, formatPeriod } from './date.js';
import { formatNumber } from './number.js';
import { formatPledge } from './pledge.js';

/** The pure formatters bound to the active language, re-created only when the language changes. */
export function useFormatters() {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(
    () => ({
      locale,
      date: (iso: string | null | undefined) => (iso ? formatDate(iso, locale) : t('common.unknown')),
      partialDate: (value: string) => formatPartialDate(value, locale),
      period: (period: { from: string; to: string }) =>
        formatPeriod(period, locale, (from, to) => t('common.dateRange', { from, to })),
      number: (value: number) => formatNumber(value, locale),
      pledge: (commitment: Pick<Commitment, 'money' | 'quantity' | 'shareOfGdp'>) =>
        formatPledge(commitment, locale, t),
      consultation: (consultation: Consultation | null | undefined) =>
        formatConsultation(consultation, locale, t),
      list: (items: readonly string[]) => items.join(t('common.listSeparator')),
    }),
    [locale, t],
  );
}

export type Formatters = ReturnType<typeof useFormatters>;
