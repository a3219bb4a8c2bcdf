import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toAgreementView } from '../../api/agreementView.js';
import type { AgreementView } from '../../api/types.js';
import { localIsoDate } from '../../format/date.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { isFindingCode } from '../analysis/findings.js';
import { isCapability } from '../analysis/labels.js';
import type { Names } from '../analysis/useNames.js';
import { usePublicAgreements, usePublicCoalitions, usePublicCommitments, usePublicPartners } from './queries.js';

/** Names partners in the active language from the public partners; the code when unknown. */
export function usePublicPartnerName(): (code: string | null | undefined) => string {
  const partners = usePublicPartners();
  const language = useLanguage();
  const byCode = useMemo(() => new Map((partners.data ?? []).map((partner) => [partner.code, partner])), [partners.data]);
  return useCallback(
    (code) => {
      if (!code) return '';
      const partner = byCode.get(code);
      if (!partner) return code;
      return (language === 'uk' ? partner.nameUk : undefined) ?? partner.name;
    },
    [byCode, language],
  );
}

/** A bilateral agreement by its partner's name, others by their title, in the active language. */
export function usePublicAgreementName(): (agreement: Pick<AgreementView, 'partner' | 'title' | 'titleUk'>) => string {
  const partnerName = usePublicPartnerName();
  const language = useLanguage();
  return useCallback(
    (agreement) => {
      if (agreement.partner) return partnerName(agreement.partner);
      return (language === 'uk' ? agreement.titleUk : undefined) ?? agreement.title;
    },
    [partnerName, language],
  );
}

/** The public agreements with their status today (the home page computes other days itself). */
export function usePublicAgreementViews() {
  const agreements = usePublicAgreements();
  const today = useMemo(() => localIsoDate(new Date()), []);
  const views = useMemo(
    () => (agreements.data ?? []).map((agreement) => toAgreementView(agreement, today)),
    [agreements.data, today],
  );
  return { query: agreements, views, today };
}

/** What the analysis' components need to name things, from the public API alone. */
export function usePublicNames(): Names {
  const { t } = useTranslation();
  const language = useLanguage();
  const partner = usePublicPartnerName();
  const nameOfAgreement = usePublicAgreementName();
  const { views } = usePublicAgreementViews();
  const commitments = usePublicCommitments();
  const coalitions = usePublicCoalitions();

  const agreementsById = useMemo(() => new Map(views.map((view) => [view.id, view])), [views]);
  const commitmentAgreement = useMemo(
    () => new Map((commitments.data ?? []).map((commitment) => [commitment.id, commitment.agreementId ?? null])),
    [commitments.data],
  );
  const coalitionsById = useMemo(
    () => new Map((coalitions.data ?? []).map((coalition) => [coalition.id, coalition])),
    [coalitions.data],
  );

  return useMemo(
    () => ({
      partner: (value: string) => partner(value),
      agreement: (id: string) => {
        const found = agreementsById.get(id);
        return found ? nameOfAgreement(found) : id;
      },
      agreementTitle: (id: string) => {
        const found = agreementsById.get(id);
        if (!found) return undefined;
        return (language === 'uk' ? found.titleUk : undefined) ?? found.title;
      },
      isKnownAgreement: (id: string) => agreementsById.has(id),
      commitmentAgreement: (id: string) => commitmentAgreement.get(id) ?? null,
      coalition: (id: string) => {
        const found = coalitionsById.get(id);
        if (!found) return id;
        return (language === 'uk' ? found.nameUk : undefined) ?? found.name;
      },
      area: (value: string | null) => {
        if (value === null) return t('analysis.unassigned');
        return isCapability(value) ? t(`capability.${value}`) : value;
      },
      code: (value: string) => (isFindingCode(value) ? t(`analysis.code.${value}`) : value),
    }),
    [t, language, partner, nameOfAgreement, agreementsById, commitmentAgreement, coalitionsById],
  );
}
