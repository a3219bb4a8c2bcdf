import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DownloadCsv } from '../../components/DownloadCsv.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { isIsoDate, localIsoDate } from '../../format/date.js';
import { useFormatters } from '../../format/useFormatters.js';
import { formatInstant } from '../crisis/datetime.js';
import { daysBefore, portalPathOf } from './links.js';
import { usePublicChanges } from './queries.js';

const ENTITIES = ['partners', 'agreements', 'clauses', 'commitments', 'coalitions', 'requirements', 'flows'] as const;
type Entity = (typeof ENTITIES)[number];
const isEntity = (value: string): value is Entity => (ENTITIES as readonly string[]).includes(value);

/** "What changed since": a date, and the public records created, changed or deleted since then. */
export function ChangesSection() {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const today = useMemo(() => localIsoDate(new Date()), []);
  const [draft, setDraft] = useState(() => daysBefore(today, 30));
  const [since, setSince] = useState<string | null>(null);
  const changes = usePublicChanges(since);
  const items = changes.data?.items ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isIsoDate(draft)) setSince(draft);
  };

  return (
    <section aria-labelledby="portal-changes-heading" className="portal-section">
      <h2 id="portal-changes-heading">{t('public.data.changesHeading')}</h2>
      <p>{t('public.data.changesIntro')}</p>
      <form className="controls changes-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-since`}>{t('public.data.since')}</label>
          <input id={`${id}-since`} type="date" value={draft} max={today} required onChange={(event) => setDraft(event.target.value)} />
        </div>
        <button type="submit">{t('public.data.showChanges')}</button>
      </form>
      {changes.isFetching && !changes.data ? <Loading /> : null}
      {changes.isError ? <ErrorMessage error={changes.error} onRetry={() => void changes.refetch()} /> : null}
      {changes.data ? (
        <>
          <p className="summary" aria-live="polite">
            {t('public.data.changesCount', { count: items.length, date: format.date(changes.data.since) })}
          </p>
          {items.length > 0 ? (
            <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
              <DownloadCsv>
                <table className="data-table changes-table">
                  <caption id={`${id}-caption`}>{t('public.data.changesCaption', { date: format.date(changes.data.since) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('public.data.colWhen')}</th>
                      <th scope="col">{t('public.data.colChange')}</th>
                      <th scope="col">{t('public.data.colEntity')}</th>
                      <th scope="col">{t('public.data.colRecord')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((change) => {
                      const path = change.change === 'deleted' ? null : portalPathOf(change.entity, change.id);
                      return (
                        <tr key={`${change.entity}-${change.id}-${change.at}`} data-change={change.change}>
                          <td>
                            <time dateTime={change.at}>{formatInstant(change.at, format.locale)}</time>
                          </td>
                          <td>{t(`public.data.change.${change.change}`)}</td>
                          <td>{isEntity(change.entity) ? t(`public.entity.${change.entity}`) : change.entity}</td>
                          <th scope="row">{path ? <Link to={path}>{change.id}</Link> : <code>{change.id}</code>}</th>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </DownloadCsv>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
