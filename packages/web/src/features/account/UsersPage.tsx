import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_ROLES, type AccountRole } from '../../api/auth.js';
import { Loading } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { fieldErrors } from '../crisis/errors.js';
import { FormError, FormField } from '../crisis/FormField.js';
import { useCreateUser, useSession, useSetDisabled, useUsers } from './queries.js';

/** Administrators: every account, a form for a new one, and disabling. */
export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.users.title'));
  const session = useSession();
  const isAdministrator = session.data?.account?.role === 'administrator';
  const users = useUsers(isAdministrator);
  const setDisabled = useSetDisabled();
  if (session.isPending) return <Loading />;
  if (!isAdministrator) {
    return (
      <section>
        <h1>{t('account.users.title')}</h1>
        <p>{t('account.users.administratorsOnly')}</p>
      </section>
    );
  }
  return (
    <section>
      <h1>{t('account.users.title')}</h1>
      <NewAccountForm />
      {users.data ? (
        <table>
          <caption className="visually-hidden">{t('account.users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.username')}</th>
              <th scope="col">{t('account.roleLabel')}</th>
              <th scope="col">{t('account.users.scope')}</th>
              <th scope="col">{t('account.users.state')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <tr key={user.id}>
                <td>{user.username}</td>
                <td>{t(`account.role.${user.role}`)}</td>
                <td>{user.partner ?? (user.coalitions.join(', ') || '—')}</td>
                <td>
                  {user.disabled ? t('account.users.disabled') : t('account.users.active')}{' '}
                  {user.id !== session.data?.account?.id ? (
                    <button type="button" disabled={setDisabled.isPending} onClick={() => setDisabled.mutate({ id: user.id, disabled: !user.disabled })}>
                      {user.disabled ? t('account.users.enable', { name: user.username }) : t('account.users.disable', { name: user.username })}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <FormError error={setDisabled.error} />
    </section>
  );
}

function NewAccountForm() {
  const { t } = useTranslation();
  const prefix = useId();
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<AccountRole>('analyst');
  const [scope, setScope] = useState('');
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const scoped =
      role === 'partner-officer' ? { partner: scope.trim().toUpperCase() || null } : role === 'coalition-lead' ? { coalitions: scope.split(',').map((id) => id.trim()).filter(Boolean) } : {};
    create.mutate({ username, password, role, ...scoped }, { onSuccess: () => { setUsername(''); setPassword(''); setScope(''); } });
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${prefix}-heading`} className="account-form" noValidate>
      <h2 id={`${prefix}-heading`}>{t('account.users.new')}</h2>
      <div className="crisis-form__grid">
        <FormField id={`${prefix}-username`} name="username" label={t('account.username')} error={errors.username}>
          {(props) => <input {...props} autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />}
        </FormField>
        <FormField id={`${prefix}-password`} name="password" label={t('account.password')} hint={t('account.passwordHint')} error={errors.password}>
          {(props) => <input {...props} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </FormField>
        <FormField id={`${prefix}-role`} name="role" label={t('account.roleLabel')} error={errors.role}>
          {(props) => (
            <select {...props} value={role} onChange={(e) => setRole(e.target.value as AccountRole)}>
              {ACCOUNT_ROLES.map((value) => (
                <option key={value} value={value}>
                  {t(`account.role.${value}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {role === 'partner-officer' || role === 'coalition-lead' ? (
          <FormField
            id={`${prefix}-scope`}
            name={role === 'partner-officer' ? 'partner' : 'coalitions'}
            label={role === 'partner-officer' ? t('account.users.partner') : t('account.users.coalitions')}
            error={role === 'partner-officer' ? errors.partner : errors.coalitions}
          >
            {(props) => <input {...props} value={scope} onChange={(e) => setScope(e.target.value)} />}
          </FormField>
        ) : null}
      </div>
      {create.isError && Object.keys(errors).length === 0 ? <FormError error={create.error} /> : null}
      {create.isSuccess ? <p role="status">{t('account.users.created', { name: create.data.username })}</p> : null}
      <div className="actions">
        <button type="submit" disabled={create.isPending}>{t('account.users.create')}</button>
      </div>
    </form>
  );
}
