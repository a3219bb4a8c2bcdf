import { useCallback } from 'react';
import type { AgreementView } from '../../api/types.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { usePartnerName } from '../partners/queries.js';

/** A bilateral agreement goes by its partner's name; others by their title, in the active language. */
export function useAgreementName(): (
  agreement: Pick<AgreementView, 'partner' | 'title' | 'titleUk'>,
) => string {
  const partnerName = usePartnerName();
  const language = useLanguage();
  return useCallback(
    (agreement) => {
      if (agreement.partner) return partnerName(agreement.partner);
      return (language === 'uk' ? agreement.titleUk : undefined) ?? agreement.title;
    },
    [partnerName, language],
  );
}
