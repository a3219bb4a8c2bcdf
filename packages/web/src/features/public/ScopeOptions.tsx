import { useTranslation } from 'react-i18next';
import type { CoalitionView, PartnerView } from '../../api/types.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { scopeValue } from './links.js';

/** <option>s of partners and of coalitions (grouped), named in the active language. */
export function ScopeOptions({
  partners,
  coalitions,
}: {
  partners?: readonly PartnerView[] | undefined;
  coalitions?: readonly CoalitionView[] | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const locale = language === 'uk' ? 'uk' : 'en';
  const partnerName = (partner: PartnerView) => (language === 'uk' ? partner.nameUk : undefined) ?? partner.name;
  const coalitionName = (coalition: CoalitionView) => (language === 'uk' ? coalition.nameUk : undefined) ?? coalition.name;
  return (
    <>
      {partners && partners.length > 0 ? (
        <optgroup label={t('public.data.partnersGroup')}>
          {[...partners]
            .filter((partner) => partner.code !== 'UA')
            .sort((a, b) => partnerName(a).localeCompare(partnerName(b), locale))
            .map((partner) => (
              <option key={partner.code} value={scopeValue({ kind: 'partner', code: partner.code })}>
                {partnerName(partner)}
              </option>
            ))}
        </optgroup>
      ) : null}
      {coalitions && coalitions.length > 0 ? (
        <optgroup label={t('public.data.coalitionsGroup')}>
          {coalitions.map((coalition) => (
            <option key={coalition.id} value={scopeValue({ kind: 'coalition', id: coalition.id })}>
              {coalitionName(coalition)}
            </option>
          ))}
        </optgroup>
      ) : null}
    </>
  );
}
