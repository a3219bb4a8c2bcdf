import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoalitionView, PartnerView } from '../../api/types.js';
import { isIsoDate, localIsoDate } from '../../format/date.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { briefingUrl, parseScope, type BriefingLanguage } from './links.js';
import { ScopeOptions } from './ScopeOptions.js';

const LANGUAGES: readonly BriefingLanguage[] = ['en', 'uk'];

/** Briefings to download (PDF or Markdown): for the whole network, a partner or a coalition, in either language. */
export function BriefingsSection({
  partners,
  coalitions,
}: {
  partners: readonly PartnerView[] | undefined;
  coalitions: readonly CoalitionView[] | undefined;
}) {
  const { t } = useTranslation();
  const active = useLanguage();
  const id = useId();
  const today = useMemo(() => localIsoDate(new Date()), []);
  const [scope, setScope] = useState('network');
  const [lang, setLang] = useState<BriefingLanguage>(active === 'uk' ? 'uk' : 'en');
  const [asOf, setAsOf] = useState(today);
  const day = isIsoDate(asOf) && asOf !== today ? asOf : undefined;
  const chosen = parseScope(scope);

  return (
    <section aria-labelledby="portal-briefings-heading" className="portal-section">
      <h2 id="portal-briefings-heading">{t('public.briefings.heading')}</h2>
      <p>{t('public.briefings.intro')}</p>
      <form className="controls briefing-form" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-scope`}>{t('public.briefings.scope')}</label>
          <select id={`${id}-scope`} value={scope} onChange={(event) => setScope(event.target.value)}>
            <option value="network">{t('public.data.wholeNetwork')}</option>
            <ScopeOptions partners={partners} coalitions={coalitions} />
          </select>
        </div>
        <fieldset>
          <legend>{t('public.briefings.language')}</legend>
          {LANGUAGES.map((value) => (
            <label key={value} className="radio">
              <input type="radio" name={`${id}-lang`} value={value} checked={lang === value} onChange={() => setLang(value)} />{' '}
              <span lang={value}>{t(`language.${value}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-asof`}>{t('analysis.asOf')}</label>
          <input id={`${id}-asof`} type="date" value={asOf} max={today} onChange={(event) => setAsOf(event.target.value)} />
        </div>
      </form>
      <ul className="download-list briefing-links">
        <li>
          <a href={briefingUrl('pdf', chosen, lang, day)} download>
            {t('public.briefings.pdf')}
          </a>
        </li>
        <li>
          <a href={briefingUrl('md', chosen, lang, day)} download>
            {t('public.briefings.md')}
          </a>
        </li>
      </ul>
    </section>
  );
}
