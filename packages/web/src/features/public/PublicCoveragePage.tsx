import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BaselineSources } from '../analysis/BaselineSources.js';
import { SEVERITIES, type RequirementView } from '../../api/types.js';
import { AsOfField } from '../../components/AsOfField.js';
import { useAsOfParam } from '../../components/useAsOfParam.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useFormatters } from '../../format/useFormatters.js';
import { CellPanel } from '../analysis/CellPanel.js';
import { CoverageHeatmap, HeatmapLegend } from '../analysis/CoverageHeatmap.js';
import { buildHeatmap, cellFindings, cellKey, type HeatmapCell } from '../analysis/heatmap.js';
import { CAPABILITY_ORDER } from '../analysis/labels.js';
import { parseAsOf } from '../agreements/rows.js';
import { topFindings } from '../overview/partnerStatus.js';
import { PublicFindingCard } from './PublicFindingCard.js';
import { usePublicAnalysis, usePublicRequirements } from './queries.js';
import { RequirementsTable } from './RequirementsTable.js';
import { usePublicNames } from './usePublicNames.js';

const TOP_FINDINGS = 8;

function IllustrativeNotice({ requirements }: { requirements: readonly RequirementView[] }) {
  const { t } = useTranslation();
  const count = requirements.filter((requirement) => requirement.basis === 'illustrative').length;
  return (
    <div className="banner banner--illustrative portal-illustrative" role="note" aria-labelledby="portal-illustrative-title">
      <p id="portal-illustrative-title">
        <strong>
          {t('public.coverage.illustrativeTitle')} {t('public.coverage.illustrativeCount', { count, total: requirements.length })}
        </strong>
      </p>
      <p>{t('analysis.illustrativeBanner')}</p>
      <p>{t('analysis.illustrativeExplained')}</p>
      <BaselineSources requirements={requirements} />
    </div>
  );
}

/** Coverage by capability and year from public records, with illustrative requirements marked as such. */
export function PublicCoveragePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('public.coverage.title'));
  const format = useFormatters();
  const names = usePublicNames();
  const panelId = useId();
  const { asOf, setAsOf } = useAsOfParam(parseAsOf);
  const analysis = usePublicAnalysis(asOf);
  const requirements = usePublicRequirements();
  const requirementItems = useMemo(() => requirements.data ?? [], [requirements.data]);
  const illustrative = requirementItems.some((requirement) => requirement.basis === 'illustrative');
  const findings = useMemo(() => analysis.data?.findings ?? [], [analysis.data]);
  const heatmap = useMemo(
    () => buildHeatmap(analysis.data?.coverage ?? [], requirementItems, { beneficiary: 'UA', areaOrder: CAPABILITY_ORDER }),
    [analysis.data, requirementItems],
  );
  const top = useMemo(() => topFindings(findings, SEVERITIES, TOP_FINDINGS), [findings]);
  const [selected, setSelected] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const selectedCell = selected ? (heatmap.cells.get(selected) ?? null) : null;
  const currency = analysis.data?.currency ?? 'EUR';

  const onSelect = (cell: HeatmapCell, button: HTMLButtonElement) => {
    const key = cellKey(cell.area, cell.year);
    trigger.current = button;
    setSelected((previous) => (previous === key ? null : key));
  };
  const closePanel = () => {
    setSelected(null);
    trigger.current?.focus();
  };

  return (
    <>
      <h1>{t('public.coverage.title')}</h1>
      <p className="lead">{t('public.coverage.intro')}</p>
      {illustrative ? <IllustrativeNotice requirements={requirementItems} /> : null}
      <form className="controls" onSubmit={(event) => event.preventDefault()}>
        <AsOfField value={asOf} onChange={setAsOf} />
      </form>
      {analysis.isPending || requirements.isPending ? <Loading /> : null}
      {analysis.isError ? <ErrorMessage error={analysis.error} onRetry={() => void analysis.refetch()} /> : null}
      {requirements.isError ? <ErrorMessage error={requirements.error} onRetry={() => void requirements.refetch()} /> : null}
      {analysis.data ? (
        <div className={analysis.isPlaceholderData ? 'results results--stale' : 'results'} aria-busy={analysis.isPlaceholderData}>
          <section aria-labelledby={`${panelId}-coverage`} className="coverage">
            <h2 id={`${panelId}-coverage`}>{t('analysis.coverageHeading')}</h2>
            <p className="summary" aria-live="polite">
              {t('analysis.summary', { date: format.date(analysis.data.asOf), currency })}
            </p>
            <p className="lead">{t('analysis.coverageIntro')}</p>
            {heatmap.areas.length === 0 && !heatmap.hasUnassigned ? (
              <p className="empty">{t('analysis.noCoverage')}</p>
            ) : (
              <div className={selectedCell ? 'coverage-layout coverage-layout--open' : 'coverage-layout'}>
                <div className="coverage-map">
                  <HeatmapLegend illustrative={[...heatmap.cells.values()].some((c) => c.basis === 'illustrative' || c.basis === 'mixed')} />
                  <CoverageHeatmap
                    heatmap={heatmap}
                    currency={currency}
                    names={names}
                    selected={selectedCell ? selected : null}
                    onSelect={onSelect}
                    panelId={panelId}
                  />
                  <p className="hint">{t('analysis.heatmapHint')}</p>
                </div>
                {selectedCell ? (
                  <CellPanel
                    id={panelId}
                    cell={selectedCell}
                    currency={currency}
                    findings={cellFindings(findings, selectedCell, heatmap.beneficiary)}
                    names={names}
                    onClose={closePanel}
                    renderFinding={(finding) => <PublicFindingCard finding={finding} names={names} />}
                  />
                ) : null}
              </div>
            )}
          </section>
          <section aria-labelledby="portal-findings-heading" className="portal-findings">
            <h2 id="portal-findings-heading">{t('public.coverage.findingsHeading')}</h2>
            <p className="lead">{t('public.coverage.findingsIntro', { shown: top.length, total: findings.length })}</p>
            {top.length === 0 ? <p className="empty">{t('analysis.noFindings')}</p> : null}
            <ul className="finding-list">
              {top.map((finding) => (
                <li key={finding.id}>
                  <PublicFindingCard finding={finding} names={names} />
                </li>
              ))}
            </ul>
          </section>
        </div>
      ) : null}
      {requirementItems.length > 0 ? (
        <section aria-labelledby="portal-requirements-heading">
          <h2 id="portal-requirements-heading">{t('public.coverage.requirementsHeading')}</h2>
          <p>{t('public.coverage.requirementsIntro')}</p>
          <details className="portal-details">
            <summary>{t('public.coverage.showRequirements', { count: requirementItems.length })}</summary>
            <RequirementsTable requirements={requirementItems} names={names} />
          </details>
        </section>
      ) : null}
    </>
  );
}
