import { useTranslation } from 'react-i18next';
import type { AgreementStatus } from '@compact/core';

export function StatusBadge({ status }: { status: AgreementStatus | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return <span className="muted">{t('common.unknown')}</span>;
  return <span className={`status status--${status}`}>{t(`status.${status}`)}</span>;
}
