import type { NotObliged } from '@compact/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePartnerName } from '../partners/queries.js';

/** Partners owing no consultation for this event, each with the reason in words: never dropped silently. */
export function NotObligedList({ items }: { items: NotObliged[] }) {
  const { t } = useTranslation();
  const partnerName = usePartnerName();
  if (items.length === 0) return <p className="empty">{t('crisis.notObliged.empty')}</p>;
  return (
    <ul className="not-obliged">
      {items.map((item) => (
        <li key={item.partner} data-partner={item.partner} data-reason={item.reason}>
          <strong>{partnerName(item.partner)}</strong>: {t(`crisis.notObliged.reason.${item.reason}`)}
          {item.agreementIds.length ? (
            <>
              {' '}
              (
              {item.agreementIds.map((id, index) => (
                <span key={id}>
                  {index > 0 ? ', ' : null}
                  <Link to={`/agreements/${encodeURIComponent(id)}`}>{id}</Link>
                </span>
              ))}
              )
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
