import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout';
import { LoginCallbackPage } from '../auth/LoginCallbackPage';
import { RequireRole } from '../auth/RequireRole';
import { LAND_OFFICE_ROLES, Role } from '../auth/roles';
import { HomePage } from '../pages/home/HomePage';
import { CataloguePage } from '../pages/citizen/catalogue/CataloguePage';
import { ProcedurePage } from '../pages/citizen/catalogue/ProcedurePage';
import { TrackingPage } from '../pages/citizen/tracking/TrackingPage';
import { QueuePage } from '../pages/officer/queue/QueuePage';
import { DossierPage } from '../pages/officer/dossier/DossierPage';
import { IntakePage } from '../pages/officer/intake/IntakePage';
import { StatisticsPage } from '../pages/officer/statistics/StatisticsPage';
import { MyDossiersPage } from '../pages/citizen/my/MyDossiersPage';
import { MyDossierPage } from '../pages/citizen/my/MyDossierPage';
import { RequireCitizen } from '../pages/citizen/my/RequireCitizen';
import { OnlineSubmissionPage } from '../pages/citizen/submit/OnlineSubmissionPage';
import { NotFoundPage } from '../pages/home/NotFoundPage';

/**
 * The pages, by the Vietnamese paths people see and share. Public: home, catalogue,
 * tracking. Citizens: their dossiers and online submission. Officers: the queue and the
 * dossier page (the services check role and unit again).
 */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/thu-tuc', element: <CataloguePage /> },
      { path: '/thu-tuc/:key', element: <ProcedurePage /> },
      { path: '/tra-cuu', element: <TrackingPage /> },
      { path: '/dang-nhap/xong', element: <LoginCallbackPage /> },
      {
        path: '/can-bo',
        element: (
          <RequireRole roles={LAND_OFFICE_ROLES}>
            <QueuePage />
          </RequireRole>
        ),
      },
      ...['/can-bo/tiep-nhan', '/can-bo/tiep-nhan/:procedureKey'].map((path) => ({
        path,
        element: (
          <RequireRole roles={[Role.CounterOfficer]}>
            <IntakePage />
          </RequireRole>
        ),
      })),
      {
        path: '/ho-so/:code',
        element: (
          <RequireRole roles={LAND_OFFICE_ROLES}>
            <DossierPage />
          </RequireRole>
        ),
      },
      {
        path: '/can-bo/thong-ke',
        element: (
          <RequireRole roles={LAND_OFFICE_ROLES}>
            <StatisticsPage />
          </RequireRole>
        ),
      },
      {
        path: '/ca-nhan',
        element: (
          <RequireCitizen>
            <MyDossiersPage />
          </RequireCitizen>
        ),
      },
      {
        path: '/ca-nhan/ho-so/:code',
        element: (
          <RequireCitizen>
            <MyDossierPage />
          </RequireCitizen>
        ),
      },
      {
        path: '/nop-truc-tuyen/:procedureKey',
        element: (
          <RequireCitizen>
            <OnlineSubmissionPage />
          </RequireCitizen>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
