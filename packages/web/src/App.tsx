import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from './components/QueryState.js';
import { OverviewPage } from './features/overview/OverviewPage.js';
import { Layout } from './layout/Layout.js';
import { NotFoundPage } from './layout/NotFoundPage.js';
import { PublicLayout } from './features/public/PublicLayout.js';

// Every page but the overview loads on first visit, so a first visit downloads the overview only.
const TimelinePage = lazy(() => import('./features/timeline/TimelinePage.js').then((m) => ({ default: m.TimelinePage })));
const RatesPage = lazy(() => import('./features/rates/RatesPage.js').then((m) => ({ default: m.RatesPage })));
const DeliveryPage = lazy(() => import('./features/delivery/DeliveryPage.js').then((m) => ({ default: m.DeliveryPage })));
const CoalitionsPage = lazy(() => import('./features/coalitions/CoalitionsPage.js').then((m) => ({ default: m.CoalitionsPage })));
const CoalitionPage = lazy(() => import('./features/coalitions/CoalitionPage.js').then((m) => ({ default: m.CoalitionPage })));
const AnalysisPage = lazy(() => import('./features/analysis/AnalysisPage.js').then((m) => ({ default: m.AnalysisPage })));
const AgreementsPage = lazy(() => import('./features/agreements/AgreementsPage.js').then((m) => ({ default: m.AgreementsPage })));
const AgreementDetailPage = lazy(() => import('./features/agreements/AgreementDetailPage.js').then((m) => ({ default: m.AgreementDetailPage })));
const ReviewPage = lazy(() =>
  import('./features/texts/ReviewPage.js').then((m) => ({ default: m.ReviewPage })),
);
const CrisisSection = lazy(() =>
  import('./features/crisis/CrisisSection.js').then((m) => ({ default: m.CrisisSection })),
);
const StressPage = lazy(() =>
  import('./features/stress/StressPage.js').then((m) => ({ default: m.StressPage })),
);
// echarts' graph series and the generic forms stay out of the first download.
const NetworkPage = lazy(() =>
  import('./features/network/NetworkPage.js').then((m) => ({ default: m.NetworkPage })),
);
const EditPage = lazy(() => import('./features/edit/EditPage.js').then((m) => ({ default: m.EditPage })));
const SignInPage = lazy(() => import('./features/account/SignInPage.js').then((m) => ({ default: m.SignInPage })));
const AccountPage = lazy(() => import('./features/account/AccountPage.js').then((m) => ({ default: m.AccountPage })));
const UsersPage = lazy(() => import('./features/account/UsersPage.js').then((m) => ({ default: m.UsersPage })));
// The public portal: its own frame, and its pages loaded on first visit like the app's.
const PublicHomePage = lazy(() => import('./features/public/PublicHomePage.js').then((m) => ({ default: m.PublicHomePage })));
const PublicAgreementsPage = lazy(() =>
  import('./features/public/PublicAgreementsPage.js').then((m) => ({ default: m.PublicAgreementsPage })),
);
const PublicAgreementPage = lazy(() =>
  import('./features/public/PublicAgreementPage.js').then((m) => ({ default: m.PublicAgreementPage })),
);
const PublicCoalitionsPage = lazy(() =>
  import('./features/public/PublicCoalitionsPage.js').then((m) => ({ default: m.PublicCoalitionsPage })),
);
const PeaceFormulaPage = lazy(() => import('./features/public/PeaceFormulaPage.js').then((m) => ({ default: m.PeaceFormulaPage })));
const PublicCoveragePage = lazy(() =>
  import('./features/public/PublicCoveragePage.js').then((m) => ({ default: m.PublicCoveragePage })),
);
const OpenDataPage = lazy(() => import('./features/public/OpenDataPage.js').then((m) => ({ default: m.OpenDataPage })));
const OpenApiPage = lazy(() => import('./features/public/OpenApiPage.js').then((m) => ({ default: m.OpenApiPage })));
const ComparePage = lazy(() =>
  import('./features/texts/ComparePage.js').then((m) => ({ default: m.ComparePage })),
);

export function App() {
  return (
    <Routes>
      <Route path="public" element={<PublicLayout />}>
        <Route index element={<Suspense fallback={<Loading />}><PublicHomePage /></Suspense>} />
        <Route path="agreements" element={<Suspense fallback={<Loading />}><PublicAgreementsPage /></Suspense>} />
        <Route path="agreements/:id" element={<Suspense fallback={<Loading />}><PublicAgreementPage /></Suspense>} />
        <Route path="coalitions" element={<Suspense fallback={<Loading />}><PublicCoalitionsPage /></Suspense>} />
        <Route path="peace-formula" element={<Suspense fallback={<Loading />}><PeaceFormulaPage /></Suspense>} />
        <Route path="coverage" element={<Suspense fallback={<Loading />}><PublicCoveragePage /></Suspense>} />
        <Route path="data" element={<Suspense fallback={<Loading />}><OpenDataPage /></Suspense>} />
        <Route path="api" element={<Suspense fallback={<Loading />}><OpenApiPage /></Suspense>} />
        <Route path="*" element={<NotFoundPage home="/public/agreements" />} />
      </Route>
      <Route element={<Layout />}>
        <Route index element={<OverviewPage />} />
        <Route path="agreements" element={<Suspense fallback={<Loading />}><AgreementsPage /></Suspense>} />
        <Route
          path="network"
          element={
            <Suspense fallback={<Loading />}>
              <NetworkPage />
            </Suspense>
          }
        />
        <Route
          path="edit/:kind?/:id?"
          element={
            <Suspense fallback={<Loading />}>
              <EditPage />
            </Suspense>
          }
        />
        <Route path="timeline" element={<Suspense fallback={<Loading />}><TimelinePage /></Suspense>} />
        <Route path="coalitions" element={<Suspense fallback={<Loading />}><CoalitionsPage /></Suspense>} />
        <Route path="coalitions/:id" element={<Suspense fallback={<Loading />}><CoalitionPage /></Suspense>} />
        <Route path="delivery" element={<Suspense fallback={<Loading />}><DeliveryPage /></Suspense>} />
        <Route path="analysis" element={<Suspense fallback={<Loading />}><AnalysisPage /></Suspense>} />
        <Route path="rates" element={<Suspense fallback={<Loading />}><RatesPage /></Suspense>} />
        <Route
          path="review"
          element={
            <Suspense fallback={<Loading />}>
              <ReviewPage />
            </Suspense>
          }
        />
        <Route
          path="compare"
          element={
            <Suspense fallback={<Loading />}>
              <ComparePage />
            </Suspense>
          }
        />
        <Route
          path="crisis/*"
          element={
            <Suspense fallback={<Loading />}>
              <CrisisSection />
            </Suspense>
          }
        />
        <Route
          path="stress"
          element={
            <Suspense fallback={<Loading />}>
              <StressPage />
            </Suspense>
          }
        />
        <Route path="agreements/:id" element={<Suspense fallback={<Loading />}><AgreementDetailPage /></Suspense>} />
        <Route path="login" element={<Suspense fallback={<Loading />}><SignInPage /></Suspense>} />
        <Route path="account" element={<Suspense fallback={<Loading />}><AccountPage /></Suspense>} />
        <Route path="admin/users" element={<Suspense fallback={<Loading />}><UsersPage /></Suspense>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
