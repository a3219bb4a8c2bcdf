import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession, useSignOut } from './queries.js';

/** The header's corner: who is signed in (and as what), or a link to sign in. */
export function AccountMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  if (!session.data) return null;
  const { account, viewer } = session.data;
  if (!account) {
    if (location.pathname === '/login') return null;
    return (
      <div className="account-menu">
        {viewer.role !== 'public' ? <span className="account-menu__role">{t('account.localUser', { role: t(`account.role.${viewer.role}`) })}</span> : null}
        <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>{t('account.signIn')}</Link>
      </div>
    );
  }
  return (
    <div className="account-menu">
      <Link to="/account" className="account-menu__name">
        {account.username}
      </Link>
      <span className="account-menu__role">
        {t(`account.role.${account.role}`)}
        {account.partner ? ` · ${account.partner}` : ''}
      </span>
      {account.role === 'administrator' ? <Link to="/admin/users">{t('account.users.link')}</Link> : null}
      <button type="button" className="link-button" disabled={signOut.isPending} onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate('/') })}>
        {t('account.signOut')}
      </button>
    </div>
  );
}
