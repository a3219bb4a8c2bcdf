import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiToken } from '../../api/auth.js';
import { Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { useFormatters } from '../../format/useFormatters.js';
import { fieldErrors } from '../crisis/errors.js';
import { FormError, FormField } from '../crisis/FormField.js';
import { useChangePassword, useCreateToken, useRevokeToken, useSession, useTokens } from './queries.js';

/** One's own account: who one is, the password, and API tokens for machine clients. */
export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  const session = useSession();
  if (session.isPending) return <Loading />;
  const account = session.data?.account;
  if (!account) {
    return (
      <section>
        <h1>{t('account.title')}</h1>
        <p>
          <Link to="/login?next=%2Faccount">{t('account.signInToSee')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('account.username')}</dt>
        <dd>{account.username}</dd>
        <dt>{t('account.roleLabel')}</dt>
        <dd>
          {t(`account.role.${account.role}`)}
          {account.partner ? ` · ${account.partner}` : ''}
          {account.coalitions.length ? ` · ${account.coalitions.join(', ')}` : ''}
        </dd>
      </dl>
      {session.data?.via === 'session' ? <PasswordForm /> : null}
      {session.data?.via === 'session' ? <Tokens /> : null}
    </section>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const prefix = useId();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const errors = fieldErrors(change.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate({ currentPassword, newPassword }, { onSuccess: () => { setCurrent(''); setNew(''); } });
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${prefix}-heading`} className="account-form">
      <h2 id={`${prefix}-heading`}>{t('account.changePassword')}</h2>
      <FormField id={`${prefix}-current`} name="currentPassword" label={t('account.currentPassword')} error={errors.currentPassword}>
        {(props) => <input {...props} type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />}
      </FormField>
      <FormField id={`${prefix}-new`} name="newPassword" label={t('account.newPassword')} hint={t('account.passwordHint')} error={errors.newPassword}>
        {(props) => <input {...props} type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} />}
      </FormField>
      {change.isError && !errors.currentPassword && !errors.newPassword ? <FormError error={change.error} /> : null}
      {change.isSuccess ? <p role="status">{t('account.passwordChanged')}</p> : null}
      <div className="actions">
        <button type="submit" disabled={change.isPending}>{t('account.changePassword')}</button>
      </div>
    </form>
  );
}

function Tokens() {
  const { t } = useTranslation();
  const prefix = useId();
  const { date } = useFormatters();
  const tokens = useTokens(true);
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiToken['scope']>('read');
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({ name, scope }, { onSuccess: () => setName('') });
  };
  return (
    <section aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{t('account.tokens.heading')}</h2>
      <p>{t('account.tokens.lede')}</p>
      <form onSubmit={submit} className="filters">
        <FormField id={`${prefix}-name`} name="name" label={t('account.tokens.name')} error={errors.name}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <FormField id={`${prefix}-scope`} name="scope" label={t('account.tokens.scope')}>
          {(props) => (
            <select {...props} value={scope} onChange={(e) => setScope(e.target.value as ApiToken['scope'])}>
              <option value="read">{t('account.tokens.scopeRead')}</option>
              <option value="read-write">{t('account.tokens.scopeReadWrite')}</option>
            </select>
          )}
        </FormField>
        <div className="actions">
          <button type="submit" disabled={create.isPending}>{t('account.tokens.create')}</button>
        </div>
      </form>
      {create.data ? (
        <div className="notice" role="status">
          <p>{t('account.tokens.shownOnce')}</p>
          <code className="token-secret">{create.data.token}</code>
        </div>
      ) : null}
      {tokens.data?.items.length ? (
        <table>
          <caption className="visually-hidden">{t('account.tokens.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.tokens.name')}</th>
              <th scope="col">{t('account.tokens.scope')}</th>
              <th scope="col">{t('account.tokens.created')}</th>
              <th scope="col">{t('account.tokens.lastUsed')}</th>
              <th scope="col">{t('account.tokens.state')}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.items.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.scope === 'read' ? t('account.tokens.scopeRead') : t('account.tokens.scopeReadWrite')}</td>
                <td>{date(token.createdAt.slice(0, 10))}</td>
                <td>{token.lastUsedAt ? date(token.lastUsedAt.slice(0, 10)) : '—'}</td>
                <td>
                  {token.revokedAt ? (
                    t('account.tokens.revoked')
                  ) : (
                    <button type="button" onClick={() => revoke.mutate(token.id)} disabled={revoke.isPending}>
                      {t('account.tokens.revoke', { name: token.name })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('account.tokens.none')}</p>
      )}
    </section>
  );
}
