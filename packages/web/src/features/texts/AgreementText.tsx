import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, NETWORK_ERROR } from '../../api/client.js';
import type { TextImportResult } from '../../api/types.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useFormatters } from '../../format/useFormatters.js';
import { ClauseList } from '../agreements/ClauseList.js';
import { useDocuments, useImportText } from './queries.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

const ACCEPT =
  '.txt,.md,.pdf,.docx,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The server's own words for a failed request, or a plain sentence when it could not be reached. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (error instanceof ApiError && error.code === NETWORK_ERROR) return t('common.networkError');
    if (error instanceof ApiError && error.message === `HTTP ${error.status}`)
      return t('common.unexpectedResponse', { status: error.status });
    return error instanceof Error ? error.message : String(error);
  };
}

function ImportSummary({ result }: { result: TextImportResult }) {
  const { t } = useTranslation();
  const pending = result.proposals.filter((proposal) => proposal.status === 'pending').length;
  return (
    <div className="import-result" role="status">
      <p>
        {t('text.imported', { filename: result.document.filename })}{' '}
        <span className="import-count" data-clauses={result.clauses.length}>
          {t('text.clauseCount', { count: result.clauses.length })}
        </span>
        {t('common.listSeparator')}
        <span className="import-count" data-proposals={pending}>
          {t('text.proposalCount', { count: pending })}
        </span>
        .
      </p>
      {pending > 0 ? (
        <p>
          <Link to="/review">{t('text.goToReview')}</Link>
        </p>
      ) : null}
      {result.warnings.length > 0 ? (
        <>
          <h4>{t('text.warnings')}</h4>
          <ul className="warnings">
            {result.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </>
      ) : null}
      {result.removedLines.length > 0 ? (
        <details className="removed-lines">
          <summary>{t('text.removedLines', { count: result.removedLines.length })}</summary>
          <ul>
            {result.removedLines.map((removed, index) => (
              <li key={index}>
                <code>{removed.line}</code> <span className="muted">({removed.reason})</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function UploadForm({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const upload = useImportText(agreementId);
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (!file) return;
    upload.mutate(file, {
      onSuccess: () => {
        if (input.current) input.current.value = '';
      },
    });
  };

  return (
    <form className="upload-form filters" onSubmit={submit} aria-busy={upload.isPending}>
      <div className="field">
        <label htmlFor={inputId}>{t('text.file')}</label>
        <input
          ref={input}
          id={inputId}
          name="file"
          type="file"
          accept={ACCEPT}
          aria-describedby={hintId}
          onChange={() => {
            setMissing(false);
            upload.reset();
          }}
        />
        <span id={hintId} className="hint">
          {t('text.fileHint')}
        </span>
      </div>
      <div className="field field--action">
        <button type="submit" disabled={upload.isPending}>
          {upload.isPending ? t('text.uploading') : t('text.upload')}
        </button>
      </div>
      {missing ? (
        <p className="error" role="alert">
          {t('text.noFile')}
        </p>
      ) : null}
      {upload.isError ? (
        <div className="error upload-error" role="alert">
          <p>{t('text.uploadError', { message: errorText(upload.error) })}</p>
        </div>
      ) : null}
      {upload.data ? <ImportSummary result={upload.data} /> : null}
    </form>
  );
}

function DocumentList({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const documents = useDocuments(agreementId);
  const items = documents.data?.items ?? [];
  return (
    <section aria-labelledby="documents-heading">
      <h3 id="documents-heading">{t('text.documents')}</h3>
      {documents.isPending ? <Loading /> : null}
      {documents.isError ? (
        <ErrorMessage error={documents.error} onRetry={() => void documents.refetch()} />
      ) : null}
      {documents.data && items.length === 0 ? <p className="muted">{t('text.noDocuments')}</p> : null}
      {items.length > 0 ? (
        <div
          className="table-scroll table-scroll--fit"
          role="region"
          aria-labelledby="documents-heading"
          tabIndex={0}
        >
          <DownloadCsv>
            <table className="compact-table documents">
              <caption className="visually-hidden">{t('text.documentsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('text.colFilename')}</th>
                  <th scope="col">{t('text.colFormat')}</th>
                  <th scope="col">{t('text.colHash')}</th>
                  <th scope="col" className="numeric">
                    {t('text.colSize')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('text.colPages')}
                  </th>
                  <th scope="col">{t('text.colImported')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((document) => (
                  <tr key={document.id}>
                    <td className="filename">{document.filename}</td>
                    <td>{document.format}</td>
                    <td>
                      <code title={document.sha256}>{document.sha256.slice(0, 12)}</code>
                    </td>
                    <td className="numeric">{t('text.bytes', { value: format.number(document.bytes) })}</td>
                    <td className="numeric">
                      {document.pages !== undefined ? format.number(document.pages) : ''}
                    </td>
                    <td className="date">{format.date(document.importedAt.slice(0, 10))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </DownloadCsv>
        </div>
      ) : null}
    </section>
  );
}

/** The agreement's own text: import a file, the documents imported so far, and the clauses. */
export function AgreementText({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="agreement-text-heading" className="agreement-text">
      <h2 id="agreement-text-heading">{t('text.heading')}</h2>
      <p className="muted">{t('text.intro')}</p>
      <UploadForm agreementId={agreementId} />
      <DocumentList agreementId={agreementId} />
      <ClauseList agreementId={agreementId} />
      <p>
        <Link to={`/compare?a=${encodeURIComponent(agreementId)}`}>{t('text.compareWith')}</Link>
      </p>
    </section>
  );
}
