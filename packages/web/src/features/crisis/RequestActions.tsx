import type { RequestAction } from '@compact/core';
import { useTranslation } from 'react-i18next';
import { useTransition } from './queries.js';

/** One button per action the request's state allows (the server's `allowedActions`). */
export function RequestActions({
  requestId,
  version,
  actions,
}: {
  requestId: string;
  version: number;
  actions: RequestAction[];
}) {
  const { t } = useTranslation();
  const transition = useTransition(requestId);
  if (actions.length === 0) return <p className="muted">{t('crisis.request.final')}</p>;
  return (
    <div className="request-actions">
      <div className="actions" role="group" aria-label={t('crisis.request.actions')}>
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'withdraw' ? 'button-quiet' : undefined}
            disabled={transition.isPending}
            onClick={() => transition.mutate({ action, version })}
          >
            {t(`crisis.action.${action}`)}
          </button>
        ))}
      </div>
      {transition.error ? (
        <p className="error" role="alert">
          {transition.error.message}
        </p>
      ) : null}
    </div>
  );
}
