import type { Source } from '@compact/core';
import { useTranslation } from 'react-i18next';
import type { RequirementView } from '../../api/types.js';
import { SourceLinks } from '../../components/SourceLinks.js';

/** The sources of the illustrative requirements' baseline, each once. */
export function baselineSources(requirements: readonly RequirementView[]): Source[] {
  const seen = new Map<string, Source>();
  for (const requirement of requirements) {
    if (requirement.basis !== 'illustrative') continue;
    for (const source of requirement.sources) seen.set(source.url ?? source.title ?? '', source);
  }
  return [...seen.values()];
}

/** "Baseline sources: …" under a notice that requirements are illustrative; nothing when there are none. */
export function BaselineSources({ requirements }: { requirements: readonly RequirementView[] }) {
  const { t } = useTranslation();
  const sources = baselineSources(requirements);
  if (sources.length === 0) return null;
  return (
    <div className="banner-sources">
      <span>{t('analysis.baselineSources')}:</span> <SourceLinks sources={sources} className="sources--inline" />
    </div>
  );
}
