import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView } from '../../api/types.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { useAgreements, useCommitments } from '../agreements/queries.js';
import { useAgreementName } from '../agreements/useAgreementName.js';
import { useCoalitions } from '../coalitions/queries.js';
import { usePartnerName } from '../partners/queries.js';
import { isCapability } from './labels.js';
import { isFindingCode } from './findings.js';

/** Names for what findings refer to by id, in the active language; an id stays itself when unknown. */
export function useNames() {
  const { t } = useTranslation();
  const language = useLanguage();
  const partner = usePartnerName();
  const nameOfAgreement = useAgreementName();
  const agreements = useAgreements();
  const commitments = useCommitments();
  const coalitions = useCoalitions();

  const agreementsById = useMemo(
    () => new Map<string, AgreementView>((agreements.data?.items ?? []).map((a) => [a.id, a])),
    [agreements.data],
  );
  const commitmentAgreement = useMemo(
    () => new Map((commitments.data?.items ?? []).map((c) => [c.id, c.agreementId ?? null])),
    [commitments.data],
  );
  const coalitionsById = useMemo(
    () => new Map((coalitions.data?.items ?? []).map((c) => [c.id, c])),
    [coalitions.data],
  );

  const agreement = useCallback(
    (id: string) => {
      const found = agreementsById.get(id);
      return found ? nameOfAgreement(found) : id;
    },
    [agreementsById, nameOfAgreement],
  );
  /** The agreement's full title, for a link's tooltip. */
  const agreementTitle = useCallback(
    (id: string) => {
      const found = agreementsById.get(id);
      if (!found) return undefined;
      return (language === 'uk' ? found.titleUk : undefined) ?? found.title;
    },
    [agreementsById, language],
  );
  const coalition = useCallback(
    (id: string) => {
      const found = coalitionsById.get(id);
      if (!found) return id;
      return (language === 'uk' ? found.nameUk : undefined) ?? found.name;
    },
    [coalitionsById, language],
  );
  const area = useCallback(
    (value: string | null) => {
      if (value === null) return t('analysis.unassigned');
      return isCapability(value) ? t(`capability.${value}`) : value;
    },
    [t],
  );
  const code = useCallback(
    (value: string) => (isFindingCode(value) ? t(`analysis.code.${value}`) : value),
    [t],
  );

  return useMemo(
    () => ({
      partner: (value: string) => partner(value),
      agreement,
      agreementTitle,
      isKnownAgreement: (id: string) => agreementsById.has(id),
      commitmentAgreement: (id: string) => commitmentAgreement.get(id) ?? null,
      coalition,
      area,
      code,
    }),
    [partner, agreement, agreementTitle, agreementsById, commitmentAgreement, coalition, area, code],
  );
}

export type Names = ReturnType<typeof useNames>;
