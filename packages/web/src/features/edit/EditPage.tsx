import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, entityApi, type EntityKind } from '../../api/client.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { NotFoundPage } from '../../layout/NotFoundPage.js';
import { ENTITY_KINDS, isEntityKind, recordKey, recordSummary } from './fields.js';
import { RecordForm } from './RecordForm.js';

export const entityKeys = {
  all: ['entities'] as const,
  list: (kind: EntityKind) => [...entityKeys.all, kind, 'list'] as const,
  one: (kind: EntityKind, id: string) => [...entityKeys.all, kind, 'one', id] as const,
};

const editPath = (kind: EntityKind, id?: string) =>
  `/edit/${kind}${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;

function KindNav({ current }: { current: EntityKind | null }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('edit.kindsLabel')} className="kind-nav">
      <ul>
        {ENTITY_KINDS.map((kind) => (
          <li key={kind}>
            <Link to={editPath(kind)} aria-current={kind === current ? 'page' : undefined}>
              {t(`edit.kind.${kind}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function RecordList({ kind }: { kind: EntityKind }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const records = useQuery({ queryKey: entityKeys.list(kind), queryFn: ({ signal }) => entityApi.list(kind, signal) });
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (records.data?.items ?? [])
      .map((record) => ({ key: recordKey(kind, record), summary: recordSummary(kind, record), version: record.version }))
      .filter((row) => !needle || `${row.key} ${row.summary}`.toLowerCase().includes(needle));
  }, [records.data, kind, filter]);
  const title = t(`edit.kind.${kind}`);
  return (
    <section aria-labelledby="records-heading">
      <h2 id="records-heading">{title}</h2>
      <p>
        <Link to={`${editPath(kind)}/new`} className="button-link">
          {t('edit.new', { kind: title })}
        </Link>
      </p>
      <div className="field">
        <label htmlFor="record-filter">{t('edit.filter')}</label>
        <input id="record-filter" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
      </div>
      {records.isPending ? <Loading /> : null}
      {records.isError ? <ErrorMessage error={records.error} onRetry={() => void records.refetch()} /> : null}
      {records.data ? (
        <DownloadCsv filename={title}>
          <div className="table-scroll" role="region" aria-labelledby="records-heading" tabIndex={0}>
            <table className="data-table records-table" data-kind={kind}>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('edit.colKey')}</th>
                  <th scope="col">{t('edit.colSummary')}</th>
                  <th scope="col" className="numeric">
                    {t('edit.colVersion')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} data-id={row.key}>
                    <th scope="row">
                      <Link to={editPath(kind, row.key)}>{row.key}</Link>
                    </th>
                    <td lang="en">{row.summary}</td>
                    <td className="numeric">{row.version ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </DownloadCsv>
      ) : null}
    </section>
  );
}

function EditRecord({ kind, id }: { kind: EntityKind; id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const creating = id === 'new';
  const record = useQuery({
    queryKey: entityKeys.one(kind, id),
    queryFn: ({ signal }) => entityApi.get(kind, id, signal),
    enabled: !creating,
    // The form keeps its own copy; a background refetch must not reset what the reader typed.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (record.isError && record.error instanceof ApiError && record.error.status === 404)
    return <NotFoundPage message={record.error.message} />;
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">
        {creating ? t('edit.newHeading', { kind: t(`edit.kind.${kind}`) }) : t('edit.editHeading', { id })}
      </h2>
      <p>
        <Link to={editPath(kind)}>← {t('edit.backToList', { kind: t(`edit.kind.${kind}`) })}</Link>
      </p>
      {!creating && record.isPending ? <Loading /> : null}
      {record.isError ? <ErrorMessage error={record.error} onRetry={() => void record.refetch()} /> : null}
      {creating || record.data ? (
        <RecordForm
          key={`${kind}/${id}`}
          kind={kind}
          record={creating ? null : (record.data ?? null)}
          onSaved={(saved) => {
            if (creating) void navigate(editPath(kind, recordKey(kind, saved)), { replace: true });
          }}
        />
      ) : null}
    </section>
  );
}

/** `/edit`, `/edit/:kind`, `/edit/:kind/:id` and `/edit/:kind/new`: every registry record, editable. */
export function EditPage() {
  const { t } = useTranslation();
  const { kind, id } = useParams();
  useDocumentTitle(t('edit.title'));
  if (kind !== undefined && !isEntityKind(kind)) return <NotFoundPage />;
  const current = kind ?? null;
  return (
    <>
      <h1>{t('edit.title')}</h1>
      <p className="lead">{t('edit.intro')}</p>
      <KindNav current={current} />
      {current && id ? <EditRecord kind={current} id={id} /> : null}
      {current && !id ? <RecordList kind={current} /> : null}
      {!current ? <p>{t('edit.chooseKind')}</p> : null}
    </>
  );
}
