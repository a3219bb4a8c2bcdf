import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoalitionView, PartnerView } from '../../api/types.js';
import { CopyButton } from './CopyButton.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { areasTarget, embedSnippet, embedUrl, parseScope, portalPath, type BriefingScope, type EmbedTarget } from './links.js';
import { ScopeOptions } from './ScopeOptions.js';

type EmbedKind = 'partner' | 'coalition' | 'areas';
const KINDS: readonly EmbedKind[] = ['partner', 'coalition', 'areas'];

function targetOf(kind: EmbedKind, choice: string): EmbedTarget | null {
  if (choice === '') return null;
  const scope = parseScope(choice);
  if (kind === 'areas') return areasTarget(scope);
  if (kind === 'partner' && scope.kind === 'partner') return scope;
  if (kind === 'coalition' && scope.kind === 'coalition') return scope;
  return null;
}

/**
 * Cards and a chart other sites may embed: choose one, see it, copy its HTML. Nothing is fetched
 * until a choice is made, so the page itself asks for no image.
 */
export function EmbedsSection({
  partners,
  coalitions,
}: {
  partners: readonly PartnerView[] | undefined;
  coalitions: readonly CoalitionView[] | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const scopeName = (scope: BriefingScope): string => {
    if (scope.kind === 'partner') {
      const partner = partners?.find((item) => item.code === scope.code);
      return partner ? ((language === 'uk' ? partner.nameUk : undefined) ?? partner.name) : scope.code;
    }
    if (scope.kind === 'coalition') {
      const coalition = coalitions?.find((item) => item.id === scope.id);
      return coalition ? ((language === 'uk' ? coalition.nameUk : undefined) ?? coalition.name) : scope.id;
    }
    return t('public.data.wholeNetwork');
  };
  const [kind, setKind] = useState<EmbedKind>('partner');
  const [choice, setChoice] = useState('');
  const target = targetOf(kind, choice);
  const address = target ? embedUrl(target) : null;
  const alt = target ? t(`public.embeds.alt.${kind}`, { name: scopeName(parseScope(choice)) }) : '';
  const snippet = address ? embedSnippet(window.location.origin, address, alt, portalPath.home) : '';

  return (
    <section aria-labelledby="portal-embeds-heading" className="portal-section">
      <h2 id="portal-embeds-heading">{t('public.embeds.heading')}</h2>
      <p>{t('public.embeds.intro')}</p>
      <form className="controls embed-form" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>{t('public.embeds.kind')}</legend>
          {KINDS.map((value) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name={`${id}-kind`}
                value={value}
                checked={kind === value}
                onChange={() => {
                  setKind(value);
                  setChoice('');
                }}
              />{' '}
              {t(`public.embeds.kinds.${value}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-choice`}>{t(`public.embeds.choose.${kind}`)}</label>
          <select id={`${id}-choice`} value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">{t('public.embeds.pick')}</option>
            {kind === 'areas' ? <option value="network">{t('public.data.wholeNetwork')}</option> : null}
            <ScopeOptions
              partners={kind === 'coalition' ? undefined : partners}
              coalitions={kind === 'partner' ? undefined : coalitions}
            />
          </select>
        </div>
      </form>
      {address ? (
        <div className="embed-preview">
          <figure>
            <img src={address} alt={alt} className="embed-preview__image" />
            <figcaption>
              <a href={address}>
                <code>{address}</code>
              </a>
            </figcaption>
          </figure>
          <div className="field">
            <label htmlFor={`${id}-snippet`}>{t('public.embeds.snippet')}</label>
            <textarea id={`${id}-snippet`} readOnly rows={3} value={snippet} className="embed-snippet" />
          </div>
          <CopyButton text={snippet} label={t('public.embeds.copy')} />
        </div>
      ) : (
        <p className="muted">{t('public.embeds.none')}</p>
      )}
    </section>
  );
}
