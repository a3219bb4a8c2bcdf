import { Route, Routes } from 'react-router';
import { AgreementDetailPage } from './features/agreements/AgreementDetailPage.js';
import { AgreementsPage } from './features/agreements/AgreementsPage.js';
import { AnalysisPage } from './features/analysis/AnalysisPage.js';
import { CoalitionsPage } from './features/coalitions/CoalitionsPage.js';
import { RatesPage } from './features/rates/RatesPage.js';
import { TimelinePage } from './features/timeline/TimelinePage.js';
import { Layout } from './layout/Layout.js';
import { NotFoundPage } from './layout/NotFoundPage.js';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<AgreementsPage />} />
        <Route path="timeline" element={<TimelinePage />} />
        <Route path="coalitions" element={<CoalitionsPage />} />
        <Route path="analysis" element={<AnalysisPage />} />
        <Route path="rates" element={<RatesPage />} />
        <Route path="agreements/:id" element={<AgreementDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
