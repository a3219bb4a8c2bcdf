import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { AccountMenu } from '../features/account/AccountMenu.js';
import { NotificationBadge } from '../features/crisis/NotificationBadge.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export function Crashed() {
  const { t } = useTranslation();
  return (
    <div className="error" role="alert">
      <p>{t('app.crashed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}

/** After a client-side navigation, focus the new page so screen readers start reading it. */
export function useFocusOnNavigation(pathname: string) {
  const main = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    main.current?.focus();
  }, [pathname]);
  return main;
}

/**
 * The error boundary starts afresh on each address, except within a section that keeps a
 * connection open across its own addresses (the crisis pages' live stream); it resets its own.
 */
function boundaryKey(pathname: string): string {
  return pathname === '/crisis' || pathname.startsWith('/crisis/') ? '/crisis' : pathname;
}

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const main = useFocusOnNavigation(location.pathname);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </Link>
          <nav aria-label={t('nav.label')}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.overview')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/agreements" end>
                  {t('nav.agreements')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/network">{t('nav.network')}</NavLink>
              </li>
              <li>
                <NavLink to="/timeline">{t('nav.timeline')}</NavLink>
              </li>
              <li>
                <NavLink to="/coalitions">{t('nav.coalitions')}</NavLink>
              </li>
              <li>
                <NavLink to="/analysis">{t('nav.analysis')}</NavLink>
              </li>
              <li>
                <NavLink to="/delivery">{t('nav.delivery')}</NavLink>
              </li>
              <li>
                <NavLink to="/stress">{t('nav.stress')}</NavLink>
              </li>
              <li>
                <NavLink to="/rates">{t('nav.rates')}</NavLink>
              </li>
              <li>
                <NavLink to="/review">{t('nav.review')}</NavLink>
              </li>
              <li>
                <NavLink to="/compare">{t('nav.compare')}</NavLink>
              </li>
              <li>
                <NavLink to="/edit">{t('nav.edit')}</NavLink>
              </li>
              <li>
                <NavLink to="/public">{t('nav.public')}</NavLink>
              </li>
              <li>
                <NavLink to="/crisis">
                  {t('nav.crisis')}
                  <NotificationBadge />
                </NavLink>
              </li>
            </ul>
          </nav>
          <AccountMenu />
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <ErrorBoundary key={boundaryKey(location.pathname)} fallback={<Crashed />}>
          <Outlet />
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
