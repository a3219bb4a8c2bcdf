import type { Offer, RequestLine } from '@compact/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/useFormatters.js';
import { usePartnerName } from '../partners/queries.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';

/** Offers against the request as they arrive (live): partner, item, quantity, delivery, cost, conditions. */
export function OffersTable({ offers, lines }: { offers: Offer[]; lines: RequestLine[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const partnerName = usePartnerName();
  if (offers.length === 0) return <p className="empty">{t('crisis.offers.empty')}</p>;
  const lineName = (lineId: string | null) =>
    lineId ? (lines.find((line) => line.id === lineId)?.item ?? lineId) : t('crisis.offers.anyLine');
  return (
    <div className="table-scroll">
      <DownloadCsv>
        <table className="offers">
          <caption>{t('crisis.offers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('crisis.offers.partner')}</th>
              <th scope="col">{t('crisis.offers.line')}</th>
              <th scope="col">{t('crisis.line.item')}</th>
              <th scope="col" className="numeric">
                {t('crisis.line.quantity')}
              </th>
              <th scope="col">{t('crisis.offers.earliestDelivery')}</th>
              <th scope="col" className="numeric">
                {t('crisis.offers.unitCost')}
              </th>
              <th scope="col">{t('crisis.offers.conditions')}</th>
            </tr>
          </thead>
          <tbody>
            {offers.map((offer) => (
              <tr key={offer.id} data-id={offer.id} data-partner={offer.partner}>
                <th scope="row">{partnerName(offer.partner)}</th>
                <td>{lineName(offer.lineId)}</td>
                <td>{offer.item}</td>
                <td className="numeric">
                  {format.number(offer.quantity)} {offer.unit}
                </td>
                <td className="date">{format.date(offer.earliestDelivery)}</td>
                <td className="numeric">
                  {offer.unitCost
                    ? `${format.number(Number(offer.unitCost.amount))} ${offer.unitCost.currency}`
                    : t('crisis.offers.noCost')}
                </td>
                <td>
                  {offer.conditions.length ? (
                    <ul className="plain-list">
                      {offer.conditions.map((condition, index) => (
                        <li key={index}>{condition.text}</li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </DownloadCsv>
    </div>
  );
}
