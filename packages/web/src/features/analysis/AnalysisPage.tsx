import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BaselineSources } from './BaselineSources.js';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import type { RequirementView } from '../../api/types.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { localIsoDate } from '../../format/date.js';
import { useFormatters } from '../../format/useFormatters.js';
import { AnalysisControlsForm } from './AnalysisControlsForm.js';
import { CellPanel } from './CellPanel.js';
import { CoverageHeatmap, HeatmapLegend } from './CoverageHeatmap.js';
import { FindingsSection } from './FindingsSection.js';
import { beneficiariesOf, buildHeatmap, cellFindings, cellKey, type HeatmapCell } from './heatmap.js';
import { CAPABILITY_ORDER } from './labels.js';
import { controlsToParams, parseControls, type AnalysisControls } from './params.js';
import { useAnalysis, useRequirements } from './queries.js';
import { useNames } from './useNames.js';

function IllustrativeBanner({ requirements }: { requirements: readonly RequirementView[] }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner--illustrative" role="note">
      <p>
        <strong>{t('analysis.illustrativeBanner')}</strong>
      </p>
      <p>{t('analysis.illustrativeExplained')}</p>
      <BaselineSources requirements={requirements} />
    </div>
  );
}

export function AnalysisPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('analysis.title'));
  const format = useFormatters();
  const names = useNames();
  const panelId = useId();
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => localIsoDate(new Date()), []);
  const controls = parseControls(params, today);
  const analysis = useAnalysis(controls);
  const requirements = useRequirements();
  const requirementItems = useMemo(() => requirements.data?.items ?? [], [requirements.data]);
  const illustrative = requirementItems.some((requirement) => requirement.basis === 'illustrative');

  const coverage = useMemo(() => analysis.data?.coverage ?? [], [analysis.data]);
  const findings = useMemo(() => analysis.data?.findings ?? [], [analysis.data]);
  const beneficiaries = useMemo(() => beneficiariesOf(coverage), [coverage]);
  const [beneficiary, setBeneficiary] = useState<string | null>(null);
  const chosen =
    beneficiary && beneficiaries.includes(beneficiary) ? beneficiary : (beneficiaries[0] ?? null);
  const heatmap = useMemo(
    () => buildHeatmap(coverage, requirementItems, { beneficiary: chosen, areaOrder: CAPABILITY_ORDER }),
    [coverage, requirementItems, chosen],
  );

  const [selected, setSelected] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const selectedCell = selected ? (heatmap.cells.get(selected) ?? null) : null;
  const selectedFindings = useMemo(
    () => (selectedCell ? cellFindings(findings, selectedCell, heatmap.beneficiary) : []),
    [findings, selectedCell, heatmap.beneficiary],
  );

  const onSelect = (cell: HeatmapCell, button: HTMLButtonElement) => {
    const key = cellKey(cell.area, cell.year);
    trigger.current = button;
    setSelected((previous) => (previous === key ? null : key));
  };
  const closePanel = () => {
    setSelected(null);
    trigger.current?.focus();
  };

  const change = (next: AnalysisControls) =>
    setParams((previous) => controlsToParams(next, today, previous), { replace: true });

  const unavailable = analysis.error instanceof ApiError && analysis.error.status === 404;
  const currency = analysis.data?.currency ?? controls.currency;

  return (
    <>
      <h1>{t('analysis.title')}</h1>
      <p className="lead">{t('analysis.intro')}</p>
      <AnalysisControlsForm controls={controls} onChange={change} />
      {illustrative ? <IllustrativeBanner requirements={requirementItems} /> : null}
      {analysis.isPending ? <Loading /> : null}
      {unavailable ? (
        <div className="error" role="alert">
          <p>{t('analysis.unavailable')}</p>
          <button type="button" onClick={() => void analysis.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : analysis.isError ? (
        <ErrorMessage error={analysis.error} onRetry={() => void analysis.refetch()} />
      ) : null}
      {requirements.isError ? (
        <ErrorMessage error={requirements.error} onRetry={() => void requirements.refetch()} />
      ) : null}
      {analysis.data ? (
        <div
          className={analysis.isPlaceholderData ? 'results results--stale' : 'results'}
          aria-busy={analysis.isPlaceholderData}
        >
          <p className="summary" aria-live="polite">
            {t('analysis.summary', {
              date: format.date(analysis.data.asOf),
              currency,
            })}
            {analysis.data.natoAccession
              ? ` · ${t('analysis.summaryNato', { date: format.date(analysis.data.natoAccession) })}`
              : ''}
          </p>
          <section aria-labelledby={`${panelId}-coverage`} className="coverage">
            <h2 id={`${panelId}-coverage`}>{t('analysis.coverageHeading')}</h2>
            <p className="lead">{t('analysis.coverageIntro')}</p>
            {beneficiaries.length > 1 ? (
              <div className="field field--inline">
                <label htmlFor={`${panelId}-beneficiary`}>{t('analysis.beneficiary')}</label>
                <select
                  id={`${panelId}-beneficiary`}
                  value={chosen ?? ''}
                  onChange={(event) => {
                    setBeneficiary(event.target.value);
                    setSelected(null);
                  }}
                >
                  {beneficiaries.map((code) => (
                    <option key={code} value={code}>
                      {names.partner(code)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {heatmap.areas.length === 0 && !heatmap.hasUnassigned ? (
              <p className="empty">{t('analysis.noCoverage')}</p>
            ) : (
              <div className={selectedCell ? 'coverage-layout coverage-layout--open' : 'coverage-layout'}>
                <div className="coverage-map">
                  <HeatmapLegend
                    illustrative={[...heatmap.cells.values()].some(
                      (c) => c.basis === 'illustrative' || c.basis === 'mixed',
                    )}
                  />
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
                    findings={selectedFindings}
                    names={names}
                    onClose={closePanel}
                  />
                ) : null}
              </div>
            )}
          </section>
          <FindingsSection findings={findings} names={names} currency={currency} />
        </div>
      ) : null}
    </>
  );
}
