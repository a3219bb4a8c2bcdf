import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { FormField } from '../crisis/FormField.js';
import { useSignIn } from './queries.js';

/** Only a path on this site may follow a sign-in, never another address. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.signInTitle'));
  const prefix = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate({ username, password }, { onSuccess: () => void navigate(safeNext(params.get('next'))) });
  };
  const error = signIn.error;
  const message =
    error instanceof ApiError
      ? error.code === 'TOO_MANY_REQUESTS'
        ? t('account.tooManyAttempts')
        : error.code === 'UNAUTHENTICATED'
          ? t('account.wrongCredentials')
          : error.message
      : error
        ? String(error)
        : null;

  return (
    <section className="sign-in" aria-labelledby={`${prefix}-heading`}>
      <h1 id={`${prefix}-heading`}>{t('account.signInTitle')}</h1>
      <p className="lede">{t('account.signInLede')}</p>
      <form onSubmit={submit} className="sign-in__form">
        <FormField id={`${prefix}-username`} name="username" label={t('account.username')}>
          {(props) => <input {...props} autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />}
        </FormField>
        <FormField id={`${prefix}-password`} name="password" label={t('account.password')}>
          {(props) => <input {...props} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
        </FormField>
        {message ? (
          <p className="error form-error" role="alert">
            {message}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={signIn.isPending}>
            {signIn.isPending ? t('account.signingIn') : t('account.signIn')}
          </button>
        </div>
      </form>
    </section>
  );
}
