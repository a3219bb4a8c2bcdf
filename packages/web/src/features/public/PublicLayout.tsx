import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../../components/ErrorBoundary.js';
import { Crashed, useFocusOnNavigation } from '../../layout/Layout.js';
import { LanguageSwitch } from '../../layout/LanguageSwitch.js';
import { portalPath } from './links.js';

const PAGES = [
  { to: portalPath.home, key: 'home', end: true },
  { to: portalPath.agreements, key: 'agreements', end: false },
  { to: portalPath.coalitions, key: 'coalitions', end: false },
  { to: portalPath.peaceFormula, key: 'peaceFormula', end: false },
  { to: portalPath.coverage, key: 'coverage', end: false },
  { to: portalPath.data, key: 'data', end: false },
  { to: portalPath.api, key: 'api', end: false },
] as const;

/**
 * The public portal's frame: its own header and navigation, the language switch, and the licence
 * and citation in reach; nothing of the coordinators' app (no crisis desk, account or editing).
 */
export function PublicLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const main = useFocusOnNavigation(location.pathname);
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header portal-header">
        <div className="site-header__inner">
          <Link to={portalPath.home} className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t('app.name')}</span>
            <span className="portal-badge">{t('public.layout.badge')}</span>
            <span className="brand__tagline">{t('public.layout.tagline')}</span>
          </Link>
          <nav aria-label={t('public.layout.navLabel')}>
            <ul>
              {PAGES.map((page) => (
                <li key={page.key}>
                  <NavLink to={page.to} end={page.end}>
                    {t(`public.nav.${page.key}`)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <Link to={`${portalPath.data}#licence`} className="portal-licence-link">
            {t('public.layout.licenceLink')}
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <ErrorBoundary key={location.pathname} fallback={<Crashed />}>
          <Outlet />
        </ErrorBoundary>
      </main>
      <footer className="site-footer portal-footer">
        <p>{t('public.layout.footer')}</p>
        <p>
          <Link to={`${portalPath.data}#licence`}>{t('public.layout.licenceLink')}</Link>
          {' · '}
          <Link to={portalPath.api}>{t('public.nav.api')}</Link>
        </p>
      </footer>
    </div>
  );
}
