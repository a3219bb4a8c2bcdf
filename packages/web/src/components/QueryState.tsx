import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR } from '../api/client.js';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** Shows the API's own message (`{ error: { message } }`) and offers a retry. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let message: string;
  if (error instanceof ApiError && error.code === NETWORK_ERROR) message = t('common.networkError');
  else if (error instanceof ApiError && error.message === `HTTP ${error.status}`)
    message = t('common.unexpectedResponse', { status: error.status });
  else message = error instanceof Error ? error.message : String(error);
  return (
    <div className="error" role="alert">
      <p>{t('common.loadError', { message })}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
