import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreementView, CommitmentView } from '../../api/types.js';
import { ConfidenceBadge } from '../../components/ConfidenceBadge.js';
import { SourceLinks } from '../../components/SourceLinks.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useFormatters, type Formatters } from '../../format/useFormatters.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

interface Props {
  rows: readonly AgreementView[];
  pledges: ReadonlyMap<string, CommitmentView[]>;
  asOf: string;
  nameOf: (agreement: AgreementView) => string;
  /** Where a row's name links to: the agreement's page in the app, or in the public portal. */
  hrefOf?: (agreement: AgreementView) => string;
}

const appHref = (agreement: AgreementView) => `/agreements/${encodeURIComponent(agreement.id)}`;

function Pledges({
  pledges,
  format,
}: {
  pledges: readonly CommitmentView[] | undefined;
  format: Formatters;
}) {
  const { t } = useTranslation();
  if (!pledges?.length) return <span className="muted">{t('agreements.noPledges')}</span>;
  return (
    <ul className="pledges">
      {pledges.map((commitment) => (
        <li key={commitment.id}>
          <span className="figure">{format.pledge(commitment)}</span>
          {commitment.period ? (
            <span className="period"> ({format.period(commitment.period)})</span>
          ) : null}{' '}
          <ConfidenceBadge confidence={commitment.confidence} />
        </li>
      ))}
    </ul>
  );
}

export function AgreementsTable({ rows, pledges, asOf, nameOf, hrefOf = appHref }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const captionId = useId();

  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <DownloadCsv>
        <table className="agreements">
          <caption id={captionId}>{t('agreements.caption', { date: format.date(asOf) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreements.col.partner')}</th>
              <th scope="col">{t('agreements.col.status')}</th>
              <th scope="col">{t('agreements.col.signed')}</th>
              <th scope="col">{t('agreements.col.place')}</th>
              <th scope="col" className="numeric">
                {t('agreements.col.duration')}
              </th>
              <th scope="col">{t('agreements.col.legalForm')}</th>
              <th scope="col">{t('agreements.col.consultation')}</th>
              <th scope="col">{t('agreements.col.pledges')}</th>
              <th scope="col">{t('agreements.col.sources')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((agreement) => (
              <tr
                key={agreement.id}
                data-agreement={agreement.id}
                className={agreement.countedByUkraine ? undefined : 'not-counted'}
              >
                <th scope="row" className="partner">
                  <Link to={hrefOf(agreement)}>{nameOf(agreement)}</Link>{' '}
                  <ConfidenceBadge confidence={agreement.confidence} />
                  {agreement.countedByUkraine ? null : (
                    <span className="note not-counted-note">{t('agreements.notCounted')}</span>
                  )}
                </th>
                <td className="status-cell">
                  <StatusBadge status={agreement.statusAsOf} />
                </td>
                <td className="date">
                  {agreement.signedOn ? format.date(agreement.signedOn) : <span className="muted">—</span>}
                </td>
                <td className="place">
                  {agreement.place ?? <span className="muted">{t('common.notRecorded')}</span>}
                </td>
                <td className="numeric">
                  {typeof agreement.durationYears === 'number' ? (
                    format.number(agreement.durationYears)
                  ) : (
                    <span className="muted">{t('common.notRecorded')}</span>
                  )}
                </td>
                <td>{t(`legalForm.${agreement.legalForm}`)}</td>
                <td className="consultation">
                  <span className={agreement.consultation ? undefined : 'muted'}>
                    {format.consultation(agreement.consultation)}
                  </span>{' '}
                  <ConfidenceBadge confidence={agreement.consultation?.confidence} />
                </td>
                <td>
                  <Pledges pledges={pledges.get(agreement.id)} format={format} />
                </td>
                <td>
                  <SourceLinks sources={agreement.sources} className="sources--compact" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </DownloadCsv>
    </div>
  );
}
