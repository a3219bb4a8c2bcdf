import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DownloadCsv } from '../../components/DownloadCsv.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { localIsoDate } from '../../format/date.js';
import { useAgreements, useCommitments } from '../agreements/queries.js';
import { useAnalysis } from '../analysis/queries.js';
import { useNames } from '../analysis/useNames.js';
import { useCoalitions } from '../coalitions/queries.js';
import { buildNetwork, singlePoints, type NetworkLink, type NetworkNode, type NodeKind } from './graph.js';
import { NetworkChart, type NetworkLabels } from './NetworkChart.js';

/** Partners, agreements, coalitions and capability areas as one graph, with its table beside it. */
export function NetworkPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('network.title'));
  const names = useNames();
  const today = useMemo(() => localIsoDate(new Date()), []);
  const agreements = useAgreements();
  const commitments = useCommitments();
  const coalitions = useCoalitions();
  const analysis = useAnalysis({ asOf: today, currency: 'EUR', natoAccession: null });
  const [onlyCritical, setOnlyCritical] = useState(false);

  const ready = agreements.data && commitments.data && coalitions.data && analysis.data;
  const network = useMemo(
    () =>
      ready
        ? buildNetwork({
            agreements: agreements.data.items,
            commitments: commitments.data.items,
            coalitions: coalitions.data.items,
            findings: analysis.data.findings,
          })
        : { nodes: [], links: [] },
    [ready, agreements.data, commitments.data, coalitions.data, analysis.data],
  );
  const points = useMemo(() => singlePoints(analysis.data?.findings ?? []), [analysis.data]);

  const nodeName = useCallback(
    (node: Pick<NetworkNode, 'kind' | 'key'>) => {
      switch (node.kind) {
        case 'partner':
          return names.partner(node.key);
        case 'agreement':
          return names.agreementTitle(node.key) ?? names.agreement(node.key);
        case 'coalition':
          return names.coalition(node.key);
        default:
          return names.area(node.key);
      }
    },
    [names],
  );
  const byId = useMemo(() => new Map(network.nodes.map((node) => [node.id, node])), [network.nodes]);
  const endName = useCallback(
    (id: string) => {
      const node = byId.get(id);
      return node ? nodeName(node) : id;
    },
    [byId, nodeName],
  );
  const linkText = useCallback(
    (link: NetworkLink) =>
      t(`network.relation.${link.relation}`, { from: endName(link.source), to: endName(link.target) }),
    [t, endName],
  );
  const summary = t('network.summary', {
    partners: network.nodes.filter((node) => node.kind === 'partner').length,
    agreements: network.nodes.filter((node) => node.kind === 'agreement').length,
    coalitions: network.nodes.filter((node) => node.kind === 'coalition').length,
    areas: network.nodes.filter((node) => node.kind === 'area').length,
    critical: network.links.filter((link) => link.critical).length,
  });
  const labels: NetworkLabels = useMemo(
    () => ({
      kind: (kind: NodeKind) => t(`network.kind.${kind}`),
      node: nodeName,
      link: linkText,
      title: t('network.chartTitle'),
      summary,
    }),
    [t, nodeName, linkText, summary],
  );
  const linkOf = useCallback((node: NetworkNode) => {
    if (node.kind === 'agreement') return `/agreements/${encodeURIComponent(node.key)}`;
    if (node.kind === 'coalition') return `/coalitions/${encodeURIComponent(node.key)}`;
    return null;
  }, []);
  const tableLinks = useMemo(
    () =>
      [...network.links]
        .filter((link) => !onlyCritical || link.critical)
        .sort((a, b) => Number(b.critical) - Number(a.critical)),
    [network.links, onlyCritical],
  );
  const failed = [agreements, commitments, coalitions, analysis].find((query) => query.isError);

  return (
    <>
      <h1>{t('network.title')}</h1>
      <p className="lead">{t('network.intro')}</p>
      {failed ? <ErrorMessage error={failed.error} onRetry={() => void failed.refetch()} /> : null}
      {!ready && !failed ? <Loading /> : null}
      {ready ? (
        <>
          <section aria-labelledby="spof-heading" className="single-points">
            <h2 id="spof-heading">{t('network.singlePointsHeading')}</h2>
            {points.length === 0 ? (
              <p>{t('network.noSinglePoints')}</p>
            ) : (
              <ul>
                {points.map((point) => (
                  <li key={`${point.partner}-${point.area}-${point.year ?? ''}`} data-partner={point.partner}>
                    {t('network.singlePoint', {
                      partner: names.partner(point.partner),
                      area: names.area(point.area),
                      year: point.year ?? '—',
                    })}{' '}
                    <Link to={"/analysis"}>{t('network.seeFinding')}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <p className="muted">{summary}</p>
          <NetworkChart nodes={network.nodes} links={network.links} labels={labels} linkOf={linkOf} />
          <section aria-labelledby="links-heading">
            <h2 id="links-heading">{t('network.tableHeading')}</h2>
            <label className="checkbox">
              <input type="checkbox" checked={onlyCritical} onChange={(event) => setOnlyCritical(event.target.checked)} />{' '}
              {t('network.onlyCritical')}
            </label>
            <DownloadCsv filename={t('network.tableHeading')}>
              <div className="table-scroll" role="region" aria-labelledby="links-heading" tabIndex={0}>
                <table className="data-table network-table">
                  <caption className="visually-hidden">{t('network.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('network.colFrom')}</th>
                      <th scope="col">{t('network.colRelation')}</th>
                      <th scope="col">{t('network.colTo')}</th>
                      <th scope="col" className="numeric">
                        {t('network.colWeight')}
                      </th>
                      <th scope="col">{t('network.colCritical')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {tableLinks.map((link) => (
                      <tr
                        key={`${link.source}|${link.relation}|${link.target}`}
                        className={link.critical ? 'row-critical' : undefined}
                        data-critical={link.critical ? 'true' : undefined}
                      >
                        <td>{endName(link.source)}</td>
                        <td>{t(`network.relationName.${link.relation}`)}</td>
                        <td>{endName(link.target)}</td>
                        <td className="numeric">{link.weight}</td>
                        <td>
                          {link.critical
                            ? t('network.criticalYears', { years: link.criticalYears.join(t('common.listSeparator')) })
                            : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </DownloadCsv>
          </section>
        </>
      ) : null}
    </>
  );
}
