import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting, PeaceFormulaPoint } from '@compact/core';
import { ConfidenceBadge } from '../../components/ConfidenceBadge.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';
import { ErrorMessage, Loading } from '../../components/QueryState.js';
import { SourceLinks } from '../../components/SourceLinks.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useFormatters } from '../../format/useFormatters.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import type { Names } from '../analysis/useNames.js';
import { portalPath } from './links.js';
import { ESCALATION_POINT, meetingsByDate, meetingsOn, orderPoints } from './peaceFormula.js';
import { usePeaceFormula } from './queries.js';
import { usePublicNames } from './usePublicNames.js';
import { useScrollToHash } from './useScrollToHash.js';

function Point({ point, meetings, names }: { point: PeaceFormulaPoint; meetings: readonly Meeting[]; names: Names }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormatters();
  const headingId = `point-${point.point}`;
  const title = (language === 'uk' ? point.titleUk : undefined) ?? point.title;
  const on = meetingsOn(point.point, meetings);
  const escalation = point.point === ESCALATION_POINT;
  return (
    <li className={escalation ? 'peace-point peace-point--escalation' : 'peace-point'} data-point={point.point}>
      <article aria-labelledby={headingId}>
        <h2 id={headingId}>
          <span className="peace-point__number" aria-hidden="true">
            {point.point}
          </span>
          <span className="visually-hidden">{t('public.peace.pointNumber', { n: point.point })}: </span>
          <span lang={language === 'uk' && !point.titleUk ? 'en' : undefined}>{title}</span>
        </h2>
        {escalation ? <p className="peace-point__why">{t('public.peace.escalationWhy')}</p> : null}
        <div className="peace-point__grid">
          <div>
            <h3>{t('public.peace.agreements', { count: point.agreementIds.length })}</h3>
            {point.agreementIds.length > 0 ? (
              <ul className="tags">
                {point.agreementIds.map((id) => (
                  <li key={id} className="tag">
                    <Link to={portalPath.agreement(id)} title={names.agreementTitle(id)}>
                      {names.agreement(id)}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('public.peace.noAgreements')}</p>
            )}
          </div>
          <div>
            <h3>{t('public.peace.coalitions', { count: point.coalitionIds.length })}</h3>
            {point.coalitionIds.length > 0 ? (
              <ul className="tags">
                {point.coalitionIds.map((id) => (
                  <li key={id} className="tag">
                    <Link to={portalPath.coalition(id)}>{names.coalition(id)}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('public.peace.noCoalitions')}</p>
            )}
          </div>
          <div>
            <h3>{t('public.peace.meetingsOnPoint', { count: on.length })}</h3>
            {on.length > 0 ? (
              <ul className="plain-list">
                {on.map((meeting) => (
                  <li key={meeting.id}>
                    <time dateTime={meeting.on}>{format.date(meeting.on)}</time>
                    {meeting.place ? <span lang={language === 'uk' ? 'en' : undefined}> · {meeting.place}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('public.peace.noMeetings')}</p>
            )}
          </div>
        </div>
        {point.sources.length > 0 ? (
          <div className="peace-point__sources">
            <span>{t('common.sources')}:</span> <SourceLinks sources={point.sources} className="sources--inline" />
          </div>
        ) : null}
      </article>
    </li>
  );
}

function MeetingsTable({ meetings }: { meetings: readonly Meeting[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const format = useFormatters();
  const english = language === 'uk' ? 'en' : undefined;
  return (
    <section aria-labelledby="portal-meetings-heading">
      <h2 id="portal-meetings-heading">{t('public.peace.meetingsHeading')}</h2>
      <p className="lead">{t('public.peace.meetingsIntro')}</p>
      <div className="table-scroll" role="region" aria-labelledby="portal-meetings-caption" tabIndex={0}>
        <DownloadCsv>
          <table className="data-table meetings-table">
            <caption id="portal-meetings-caption">{t('public.peace.meetingsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('public.peace.colDate')}</th>
                <th scope="col">{t('public.peace.colMeeting')}</th>
                <th scope="col">{t('public.peace.colPlace')}</th>
                <th scope="col" className="numeric">
                  {t('public.peace.colParticipants')}
                </th>
                <th scope="col">{t('public.peace.colPoints')}</th>
                <th scope="col">{t('public.peace.colOutcome')}</th>
                <th scope="col">{t('common.sources')}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id} data-meeting={meeting.id}>
                  <td className="date">
                    {meeting.until ? format.period({ from: meeting.on, to: meeting.until }) : format.date(meeting.on)}
                  </td>
                  <th scope="row" lang={english}>
                    {meeting.name} <ConfidenceBadge confidence={meeting.confidence} />
                  </th>
                  <td lang={english}>{meeting.place ?? ''}</td>
                  <td className="numeric">
                    {typeof meeting.participants === 'number'
                      ? `${meeting.participantsApproximate ? '≈ ' : ''}${format.number(meeting.participants)}`
                      : '—'}
                  </td>
                  <td>
                    {meeting.points.length > 0
                      ? meeting.points.map((n, index) => (
                          <span key={n}>
                            {index > 0 ? t('common.listSeparator') : null}
                            <a href={`#point-${n}`}>{n}</a>
                          </span>
                        ))
                      : '—'}
                  </td>
                  <td lang={english}>{meeting.outcome ?? ''}</td>
                  <td>
                    <SourceLinks sources={meeting.sources} className="sources--compact" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </DownloadCsv>
      </div>
    </section>
  );
}

/** Ukraine's 10-point peace formula, point 9 first, with what serves each point and the meetings. */
export function PeaceFormulaPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('public.peace.title'));
  const formula = usePeaceFormula();
  const names = usePublicNames();
  const points = useMemo(() => orderPoints(formula.data?.items ?? []), [formula.data]);
  const meetings = useMemo(() => formula.data?.meetings ?? [], [formula.data]);
  useScrollToHash(formula.isSuccess);

  return (
    <>
      <h1>{t('public.peace.title')}</h1>
      <p className="lead">{t('public.peace.intro')}</p>
      {formula.isPending ? <Loading /> : null}
      {formula.isError ? <ErrorMessage error={formula.error} onRetry={() => void formula.refetch()} /> : null}
      {formula.data ? (
        <>
          {points.length === 0 ? <p className="empty">{t('public.peace.empty')}</p> : null}
          <ol className="peace-points">
            {points.map((point) => (
              <Point key={point.point} point={point} meetings={meetings} names={names} />
            ))}
          </ol>
          {meetings.length > 0 ? <MeetingsTable meetings={meetingsByDate(meetings)} /> : null}
        </>
      ) : null}
    </>
  );
}
