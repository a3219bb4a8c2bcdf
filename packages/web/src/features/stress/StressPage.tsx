import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { StressResult, StressSide } from '@compact/core';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useFormatters } from '../../format/useFormatters.js';
import { CAPABILITY_ORDER, isCapability } from '../analysis/labels.js';
import { FanChart, type FanLabels } from './FanChart.js';
import { useStartStress, useStressProgress, useStressRun, useStressRuns } from './queries.js';
import {
  CHANGE_KINDS,
  emptyChange,
  fanSeries,
  toScenario,
  type ChangeDraft,
  type ChangeKind,
} from './scenario.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;

function ChangeEditor({
  draft,
  onChange,
  onRemove,
}: {
  draft: ChangeDraft;
  onChange: (next: ChangeDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="stress-change">
      <legend>{t(`stress.change.${draft.kind}`)}</legend>
      {'partner' in draft ? (
        <label>
          {t('stress.partner')}
          <input
            value={draft.partner}
            maxLength={2}
            size={3}
            required
            pattern="[A-Za-z]{2}"
            onChange={(e) => onChange({ ...draft, partner: e.target.value })}
          />
        </label>
      ) : null}
      {'months' in draft ? (
        <label>
          {t('stress.months')}
          <input
            type="number"
            min={0}
            max={12}
            value={draft.months}
            onChange={(e) => onChange({ ...draft, months: Number(e.target.value) })}
          />
        </label>
      ) : null}
      {draft.kind === 'add-pledge' ? (
        <>
          <label>
            {t('stress.area')}
            <select
              value={draft.capabilityArea}
              onChange={(e) => onChange({ ...draft, capabilityArea: e.target.value })}
            >
              {CAPABILITY_ORDER.map((area) => (
                <option key={area} value={area}>
                  {t(`capability.${area}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('stress.amountEur')}
            <input
              value={draft.amount}
              required
              inputMode="numeric"
              onChange={(e) => onChange({ ...draft, amount: e.target.value })}
            />
          </label>
          <label>
            {t('stress.year')}
            <input
              type="number"
              min={2000}
              max={2100}
              value={draft.year}
              onChange={(e) => onChange({ ...draft, year: Number(e.target.value) })}
            />
          </label>
        </>
      ) : null}
      {draft.kind === 'nato-accession' ? (
        <label>
          {t('stress.date')}
          <input
            type="date"
            value={draft.date}
            required
            onChange={(e) => onChange({ ...draft, date: e.target.value })}
          />
        </label>
      ) : null}
      <button type="button" onClick={onRemove}>
        {t('stress.removeChange')}
      </button>
    </fieldset>
  );
}

function Deterrence({ side }: { side: StressSide }) {
  const { t } = useTranslation();
  const d = side.deterrence;
  return (
    <section className="stress-deterrence">
      <h3>{t('stress.deterrence.title')}</h3>
      <p>
        <strong>{d.index.toFixed(3)}</strong> = {d.weights.denial} × {t('stress.deterrence.denial')}{' '}
        {d.denial.score.toFixed(3)} + {d.weights.punishment} × {t('stress.deterrence.punishment')}{' '}
        {d.punishment.score.toFixed(3)}
      </p>
      <dl className="stress-parts">
        <dt>{t('stress.deterrence.expectedCoverage')}</dt>
        <dd>{pct(d.denial.expectedCoverage)}</dd>
        <dt>{t('stress.deterrence.breadth')}</dt>
        <dd>
          {d.punishment.breadth.toFixed(3)} (
          {t('stress.deterrence.guarantors', {
            count: d.punishment.guarantors,
            of: d.punishment.potentialGuarantors,
          })}
          )
        </dd>
        <dt>{t('stress.deterrence.speed')}</dt>
        <dd>{d.punishment.speed.toFixed(3)}</dd>
        <dt>{t('stress.deterrence.bindingness')}</dt>
        <dd>{d.punishment.bindingness.toFixed(3)}</dd>
        <dt>{t('stress.deterrence.sanctions')}</dt>
        <dd>{d.punishment.sanctions.toFixed(3)}</dd>
      </dl>
      <p className="muted">{t('stress.deterrence.assumptions')}</p>
    </section>
  );
}

function Criticality({ side }: { side: StressSide }) {
  const { t } = useTranslation();
  if (!side.criticality || side.criticality.length === 0) return null;
  return (
    <section>
      <h3>{t('stress.criticality.title')}</h3>
      <p className="muted">{t('stress.criticality.explained')}</p>
      <div className="table-scroll">
        <DownloadCsv>
          <table className="compact-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('stress.criticality.kind')}</th>
                <th scope="col">{t('stress.criticality.id')}</th>
                <th scope="col">{t('stress.criticality.removed')}</th>
                <th scope="col">{t('stress.criticality.certain')}</th>
                <th scope="col">{t('stress.criticality.networkRemoved')}</th>
                <th scope="col">{t('stress.criticality.networkCertain')}</th>
              </tr>
            </thead>
            <tbody>
              {side.criticality.slice(0, 25).map((entry) => (
                <tr key={`${entry.kind}:${entry.id}`}>
                  <td>{entry.rank}</td>
                  <td>{t(`stress.criticality.${entry.kind}`)}</td>
                  <td>{entry.id}</td>
                  <td className="num">{signed(entry.removed)}</td>
                  <td className="num">{signed(entry.certain)}</td>
                  <td className="num">{signed(entry.networkRemoved)}</td>
                  <td className="num">{signed(entry.networkCertain)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </DownloadCsv>
      </div>
    </section>
  );
}

function Results({ result }: { result: StressResult }) {
  const { t } = useTranslation();
  const labels: FanLabels = useMemo(
    () => ({
      band90: t('stress.fan.band90'),
      band50: t('stress.fan.band50'),
      median: t('stress.fan.median'),
      mean: t('stress.fan.mean'),
      threshold: t('stress.fan.threshold'),
    }),
    [t],
  );
  const baseline = useMemo(() => fanSeries(result.baseline.cells, CAPABILITY_ORDER), [result]);
  const scenario = useMemo(
    () => (result.scenario ? fanSeries(result.scenario.cells, CAPABILITY_ORDER) : null),
    [result],
  );
  const areaName = (area: string) => (isCapability(area) ? t(`capability.${area}`) : area);
  return (
    <div className="stress-results">
      <p>
        {t('stress.summary', {
          trials: result.model.trials,
          seed: result.model.seed,
          threshold: pct(result.model.threshold),
          baseRate: result.model.baseRate,
          prior: result.model.prior,
        })}
      </p>
      <p>
        {t('stress.network', {
          probability: pct(result.baseline.network.probabilityAllCritical),
          count: result.baseline.network.criticalCells,
        })}
        {result.comparison
          ? ` → ${pct(result.comparison.networkScenario)} (${result.scenario?.name ?? ''})`
          : ''}
      </p>
      <div className={result.scenario ? 'stress-sides' : undefined}>
        <Deterrence side={result.baseline} />
        {result.scenario ? <Deterrence side={result.scenario} /> : null}
      </div>
      <section>
        <h3>{t('stress.fan.title')}</h3>
        <p className="muted">{t('stress.fan.explained')}</p>
        <div className="fan-grid">
          {baseline.map((fan) => {
            const other = scenario?.find((s) => s.area === fan.area);
            return (
              <figure key={fan.area} className="fan-figure">
                <figcaption>
                  {areaName(fan.area)}
                  {fan.critical ? ` (${t('stress.critical')})` : ''}
                </figcaption>
                <div className={other ? 'stress-sides' : undefined}>
                  <div>
                    {other ? <p className="muted">{t('stress.baseline')}</p> : null}
                    <FanChart
                      fan={fan}
                      threshold={result.model.threshold}
                      labels={labels}
                      title={`${areaName(fan.area)}: ${t('stress.baseline')}`}
                    />
                  </div>
                  {other ? (
                    <div>
                      <p className="muted">{result.scenario?.name}</p>
                      <FanChart
                        fan={other}
                        threshold={result.model.threshold}
                        labels={labels}
                        title={`${areaName(fan.area)}: ${result.scenario?.name ?? ''}`}
                      />
                    </div>
                  ) : null}
                </div>
              </figure>
            );
          })}
        </div>
      </section>
      {result.comparison ? (
        <section>
          <h3>{t('stress.comparison.title')}</h3>
          <div className="table-scroll">
            <DownloadCsv>
              <table className="compact-table">
                <thead>
                  <tr>
                    <th scope="col">{t('stress.area')}</th>
                    <th scope="col">{t('stress.year')}</th>
                    <th scope="col">{t('stress.comparison.meanBaseline')}</th>
                    <th scope="col">{t('stress.comparison.meanScenario')}</th>
                    <th scope="col">{t('stress.comparison.probabilityBaseline')}</th>
                    <th scope="col">{t('stress.comparison.probabilityScenario')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.comparison.cells.map((cell) => (
                    <tr key={`${cell.capabilityArea}:${cell.year}`}>
                      <td>{areaName(cell.capabilityArea)}</td>
                      <td>{cell.year}</td>
                      <td className="num">{pct(cell.baselineMean)}</td>
                      <td className="num">{pct(cell.scenarioMean)}</td>
                      <td className="num">{pct(cell.baselineProbability)}</td>
                      <td className="num">{pct(cell.scenarioProbability)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </DownloadCsv>
          </div>
        </section>
      ) : null}
      <Criticality side={result.baseline} />
    </div>
  );
}

export function StressPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('stress.title'));
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const runs = useStressRuns();
  const run = useStressRun(runId);
  const start = useStartStress();
  const running = run.data?.status === 'queued' || run.data?.status === 'running';
  const progress = useStressProgress(runId, running);

  const [trials, setTrials] = useState(10000);
  const [seed, setSeed] = useState(1);
  const [threshold, setThreshold] = useState(80);
  const [denial, setDenial] = useState(0.5);
  const [punishment, setPunishment] = useState(0.5);
  const [name, setName] = useState('');
  const [drafts, setDrafts] = useState<ChangeDraft[]>([]);
  const [kind, setKind] = useState<ChangeKind>('remove-partner');
  const year = new Date().getFullYear();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate(
      {
        trials,
        seed,
        threshold: threshold / 100,
        weights: { denial, punishment },
        scenario: toScenario(name, drafts),
      },
      { onSuccess: (created) => setParams({ run: created.id }) },
    );
  };

  return (
    <div className="page stress-page">
      <h1>{t('stress.title')}</h1>
      <p>{t('stress.intro')}</p>
      <div className="banner banner--illustrative" role="note">
        <p>{t('stress.honesty')}</p>
      </div>
      <form className="stress-form" onSubmit={submit}>
        <fieldset>
          <legend>{t('stress.settings')}</legend>
          <label>
            {t('stress.trials')}
            <input
              type="number"
              min={100}
              max={1000000}
              step={100}
              value={trials}
              onChange={(e) => setTrials(Number(e.target.value))}
            />
          </label>
          <label>
            {t('stress.seed')}
            <input
              type="number"
              min={0}
              max={4294967295}
              value={seed}
              onChange={(e) => setSeed(Number(e.target.value))}
            />
          </label>
          <label>
            {t('stress.threshold')}
            <input
              type="number"
              min={0}
              max={200}
              value={threshold}
              onChange={(e) => setThreshold(Number(e.target.value))}
            />
          </label>
          <label>
            {t('stress.weightDenial')}
            <input
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={denial}
              onChange={(e) => setDenial(Number(e.target.value))}
            />
          </label>
          <label>
            {t('stress.weightPunishment')}
            <input
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={punishment}
              onChange={(e) => setPunishment(Number(e.target.value))}
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('stress.scenario')}</legend>
          <label>
            {t('stress.scenarioName')}
            <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </label>
          {drafts.map((draft, index) => (
            <ChangeEditor
              key={index}
              draft={draft}
              onChange={(next) => setDrafts(drafts.map((d, i) => (i === index ? next : d)))}
              onRemove={() => setDrafts(drafts.filter((_, i) => i !== index))}
            />
          ))}
          <div className="stress-add">
            <select
              value={kind}
              aria-label={t('stress.changeKind')}
              onChange={(e) => setKind(e.target.value as ChangeKind)}
            >
              {CHANGE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`stress.change.${k}`)}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => setDrafts([...drafts, emptyChange(kind, year)])}>
              {t('stress.addChange')}
            </button>
          </div>
        </fieldset>
        <button type="submit" disabled={start.isPending}>
          {t('stress.run')}
        </button>
        {start.error ? <ErrorMessage error={start.error} /> : null}
      </form>

      {runId ? (
        <section className="stress-run" aria-live="polite">
          <h2>{t('stress.result')}</h2>
          {run.isPending ? <Loading /> : null}
          {run.error ? <ErrorMessage error={run.error} onRetry={() => void run.refetch()} /> : null}
          {running ? (
            <p>
              <progress
                value={progress?.done ?? run.data?.progress.done ?? 0}
                max={progress?.total ?? run.data?.progress.total ?? 1}
              />{' '}
              {t('stress.progress', {
                done: format.number(progress?.done ?? 0),
                total: format.number(progress?.total ?? run.data?.progress.total ?? 0),
              })}
            </p>
          ) : null}
          {run.data?.status === 'failed' ? (
            <p className="error">{t('stress.failed', { message: run.data.error ?? '' })}</p>
          ) : null}
          {run.data?.result ? <Results result={run.data.result} /> : null}
        </section>
      ) : null}

      <section>
        <h2>{t('stress.previous')}</h2>
        {runs.error ? <ErrorMessage error={runs.error} /> : null}
        <ul className="stress-runs">
          {(runs.data?.items ?? []).map((item) => (
            <li key={item.id}>
              <button type="button" onClick={() => setParams({ run: item.id })}>
                {format.date(item.createdAt.slice(0, 10))} {item.createdAt.slice(11, 16)} —{' '}
                {t(`stress.status.${item.status}`)}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
