import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from './components/QueryState.js';
import { AgreementDetailPage } from './features/agreements/AgreementDetailPage.js';
import { AgreementsPage } from './features/agreements/AgreementsPage.js';
import { AnalysisPage } from './features/analysis/AnalysisPage.js';
import { CoalitionPage } from './features/coalitions/CoalitionPage.js';
import { CoalitionsPage } from './features/coalitions/CoalitionsPage.js';
import { DeliveryPage } from './features/delivery/DeliveryPage.js';
import { RatesPage } from './features/rates/RatesPage.js';
import { TimelinePage } from './features/timeline/TimelinePage.js';
import { OverviewPage } from './features/overview/OverviewPage.js';
import { Layout } from './layout/Layout.js';
import { NotFoundPage } from './layout/NotFoundPage.js';

// The text review and comparison pages load on first visit.
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
const ComparePage = lazy(() =>
  import('./features/texts/ComparePage.js').then((m) => ({ default: m.ComparePage })),
);

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<OverviewPage />} />
        <Route path="agreements" element={<AgreementsPage />} />
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
        <Route path="timeline" element={<TimelinePage />} />
        <Route path="coalitions" element={<CoalitionsPage />} />
        <Route path="coalitions/:id" element={<CoalitionPage />} />
        <Route path="delivery" element={<DeliveryPage />} />
        <Route path="analysis" element={<AnalysisPage />} />
        <Route path="rates" element={<RatesPage />} />
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
        <Route path="agreements/:id" element={<AgreementDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
