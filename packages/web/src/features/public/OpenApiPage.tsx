import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { PUBLIC_BASE } from '../../api/publicClient.js';
import { operationAnchor, operationsOf, type ApiOperation } from './openapi.js';
import { usePublicOpenApi } from './queries.js';

function Operation({ operation }: { operation: ApiOperation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const english = language === 'uk' ? 'en' : undefined;
  const anchor = operationAnchor(operation);
  return (
    <li className="api-operation" id={anchor} data-path={operation.path}>
      <article aria-labelledby={`${anchor}-title`}>
        <h3 id={`${anchor}-title`} className="api-operation__title">
          <span className={`api-method api-method--${operation.method.toLowerCase()}`}>{operation.method}</span>{' '}
          <code className="api-path">{operation.path}</code>
        </h3>
        {operation.summary ? <p lang={english}>{operation.summary}</p> : null}
        {operation.parameters.length > 0 ? (
          <table className="compact-table api-parameters">
            <caption>{t('public.api.parametersCaption', { path: operation.path })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('public.api.colName')}</th>
                <th scope="col">{t('public.api.colIn')}</th>
                <th scope="col">{t('public.api.colRequired')}</th>
                <th scope="col">{t('public.api.colDescription')}</th>
              </tr>
            </thead>
            <tbody>
              {operation.parameters.map((parameter) => (
                <tr key={`${parameter.in}-${parameter.name}`}>
                  <th scope="row">
                    <code>{parameter.name}</code>
                  </th>
                  <td>{t(`public.api.in.${parameter.in === 'path' ? 'path' : parameter.in === 'query' ? 'query' : 'other'}`)}</td>
                  <td>{parameter.required ? t('common.yes') : t('common.no')}</td>
                  <td lang={parameter.description ? english : undefined}>{parameter.description ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t('public.api.noParameters')}</p>
        )}
        {operation.tryIt ? (
          <p>
            <a href={operation.tryIt} target="_blank" rel="noreferrer">
              {t('public.api.tryIt')}
              <span className="visually-hidden">
                : {operation.path} {t('common.opensInNewTab')}
              </span>
            </a>
          </p>
        ) : null}
      </article>
    </li>
  );
}

/** The public API's OpenAPI document, read aloud: every operation with its parameters, and a link to try it. */
export function OpenApiPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('public.api.title'));
  const document = usePublicOpenApi();
  const operations = useMemo(() => (document.data ? operationsOf(document.data, { publicOnly: true }) : []), [document.data]);
  const address = `${PUBLIC_BASE}/openapi.json`;

  return (
    <>
      <h1>{t('public.api.title')}</h1>
      <p className="lead">{t('public.api.intro')}</p>
      <ul className="plain-list api-facts">
        <li>{t('public.api.factReadOnly')}</li>
        <li>{t('public.api.factCache')}</li>
        <li>{t('public.api.factPages')}</li>
        <li>
          {t('public.api.document')}:{' '}
          <a href={address}>
            <code>{address}</code>
          </a>
        </li>
      </ul>
      {document.isPending ? <Loading /> : null}
      {document.isError ? <ErrorMessage error={document.error} onRetry={() => void document.refetch()} /> : null}
      {document.data ? (
        <section aria-labelledby="portal-operations-heading">
          <h2 id="portal-operations-heading">
            {t('public.api.operations', { count: operations.length })}
            {document.data.info?.version ? (
              <span className="muted"> · {t('public.api.version', { version: document.data.info.version })}</span>
            ) : null}
          </h2>
          <nav aria-labelledby="portal-operations-index" className="api-index">
            <h3 id="portal-operations-index">{t('public.api.index')}</h3>
            <ul className="download-list download-list--columns">
              {operations.map((operation) => (
                <li key={`${operation.method} ${operation.path}`}>
                  <a href={`#${operationAnchor(operation)}`}>
                    <code>
                      {operation.method} {operation.path}
                    </code>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <ul className="api-operations">
            {operations.map((operation) => (
              <Operation key={`${operation.method} ${operation.path}`} operation={operation} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
