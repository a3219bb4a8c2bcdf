import { useTranslation } from 'react-i18next';
import type { Source } from '@compact/core';
import { ConfidenceBadge } from './ConfidenceBadge.js';
import { safeHref, sourceLabel } from './sourceLink.js';

export function SourceLinks({ sources, className }: { sources: readonly Source[]; className?: string }) {
  const { t } = useTranslation();
  if (sources.length === 0) return <span className="muted">{t('common.none')}</span>;
  return (
    <ul className={['sources', className].filter(Boolean).join(' ')}>
      {sources.map((source, index) => {
        const href = safeHref(source.url);
        const label = sourceLabel(source, t('common.sourceFallback'));
        return (
          <li key={`${source.url ?? source.title ?? ''}-${index}`}>
            {href ? (
              <a href={href} rel="noreferrer" target="_blank" title={source.url}>
                {label}
                <span className="visually-hidden"> {t('common.opensInNewTab')}</span>
              </a>
            ) : (
              <span>{label}</span>
            )}{' '}
            <ConfidenceBadge confidence={source.confidence} />
          </li>
        );
      })}
    </ul>
  );
}
