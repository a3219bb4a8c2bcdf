import type { CrisisConsultation } from '@compact/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLanguage.js';
import { usePartnerName } from '../partners/queries.js';
import { Countdown } from './Countdown.js';
import { formatInstant } from './datetime.js';
import { useHoldConsultation } from './queries.js';
import { useNow } from './useNow.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

const byDue = (a: CrisisConsultation, b: CrisisConsultation) =>
  a.dueAt.localeCompare(b.dueAt) || a.partner.localeCompare(b.partner);

/** One row per partner owing a consultation: due time (here and in UTC), time left, basis, agreements. */
export function ConsultationsTable({
  eventId,
  consultations,
}: {
  eventId: string;
  consultations: CrisisConsultation[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const partnerName = usePartnerName();
  const now = useNow(1_000);
  const hold = useHoldConsultation(eventId);
  if (consultations.length === 0) return <p className="empty">{t('crisis.consultations.empty')}</p>;
  return (
    <>
      <div className="table-scroll">
        <DownloadCsv>
          <table className="consultations">
            <caption>{t('crisis.consultations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('crisis.consultations.partner')}</th>
                <th scope="col">{t('crisis.consultations.due')}</th>
                <th scope="col">{t('crisis.consultations.left')}</th>
                <th scope="col">{t('crisis.consultations.window')}</th>
                <th scope="col">{t('crisis.consultations.status')}</th>
                <th scope="col">{t('crisis.consultations.agreements')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('crisis.consultations.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...consultations].sort(byDue).map((consultation) => {
                const held = consultation.status === 'held';
                const overdue =
                  !held && (consultation.status === 'overdue' || Date.parse(consultation.dueAt) < now);
                const agreements = [...new Set(consultation.obligations.map((o) => o.agreementId))];
                const name = partnerName(consultation.partner);
                return (
                  <tr
                    key={consultation.id}
                    data-partner={consultation.partner}
                    data-status={consultation.status}
                    className={overdue ? 'consultation-row--overdue' : undefined}
                  >
                    <th scope="row">{name}</th>
                    <td className="date">
                      <span className="due-local">{formatInstant(consultation.dueAt, locale)}</span>
                      <br />
                      <span className="due-utc muted">
                        {formatInstant(consultation.dueAt, locale, 'UTC')}
                      </span>
                    </td>
                    <td>
                      <Countdown dueAt={consultation.dueAt} now={now} done={held} />
                    </td>
                    <td>
                      {t('crisis.consultations.hours', { count: consultation.windowHours })}
                      <br />
                      <span className="basis" title={t(`crisis.basisHint.${consultation.basis}`)}>
                        {t(`crisis.basis.${consultation.basis}`)}
                      </span>
                    </td>
                    <td>
                      <span
                        className={`consultation-status consultation-status--${overdue ? 'overdue' : consultation.status}`}
                      >
                        {t(`crisis.consultationStatus.${overdue ? 'overdue' : consultation.status}`)}
                      </span>
                      {consultation.heldAt ? (
                        <span className="muted"> {formatInstant(consultation.heldAt, locale)}</span>
                      ) : null}
                    </td>
                    <td>
                      <ul className="plain-list">
                        {agreements.map((id) => (
                          <li key={id}>
                            <Link to={`/agreements/${encodeURIComponent(id)}`}>{id}</Link>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {held ? null : (
                        <button
                          type="button"
                          className="button-quiet"
                          disabled={hold.isPending}
                          aria-label={t('crisis.consultations.holdLabel', { partner: name })}
                          onClick={() => hold.mutate(consultation.id)}
                        >
                          {t('crisis.consultations.hold')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </DownloadCsv>
      </div>
      {hold.error ? (
        <p className="error" role="alert">
          {hold.error.message}
        </p>
      ) : null}
      <p className="note">{t('crisis.consultations.basisNote')}</p>
    </>
  );
}
