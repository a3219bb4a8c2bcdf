import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../components/useDocumentTitle.js';

/** Unknown addresses, and agreements the API does not know (its message is shown as well); `home` is where it leads back to. */
export function NotFoundPage({ message, home = '/' }: { message?: string; home?: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      {message ? <p className="muted">{message}</p> : null}
      <p>
        <Link to={home}>{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
