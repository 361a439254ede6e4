import { useMemo } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { RequireSession } from './auth/require-session.js';
import { RoleGate } from './auth/role-gate.js';
import { SessionProvider } from './auth/session-context.js';
import { I18nProvider, useI18n } from './i18n/i18n-context.js';
import { AppLayout } from './layout/app-layout.js';
import { CustomerDetailPage } from './pages/customers/customer-detail-page.js';
import { CustomersPage } from './pages/customers/customers-page.js';
import { DashboardPage } from './pages/dashboard/dashboard-page.js';
import { ImportPage } from './pages/import/import-page.js';
import { LoginPage } from './pages/login-page.js';
import { MyCustomersPage } from './pages/my-customers/my-customers-page.js';
import { RunsPage } from './pages/runs/runs-page.js';
import { SchemesPage } from './pages/schemes/schemes-page.js';
import { UsersPage } from './pages/users/users-page.js';
import { THEME } from './theme.js';
import { useReducedMotion } from './layout/use-reduced-motion.js';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <DashboardPage /> },
      {
        path: 'customers',
        element: (
          <RoleGate path="/customers">
            <CustomersPage />
          </RoleGate>
        ),
      },
      // Every role may open a customer; the server answers 404 outside the user's scope.
      { path: 'customers/:customerId', element: <CustomerDetailPage /> },
      {
        path: 'schemes',
        element: (
          <RoleGate path="/schemes">
            <SchemesPage />
          </RoleGate>
        ),
      },
      {
        path: 'runs',
        element: (
          <RoleGate path="/runs">
            <RunsPage />
          </RoleGate>
        ),
      },
      {
        path: 'import',
        element: (
          <RoleGate path="/import">
            <ImportPage />
          </RoleGate>
        ),
      },
      {
        path: 'my-customers',
        element: (
          <RoleGate path="/my-customers">
            <MyCustomersPage />
          </RoleGate>
        ),
      },
      {
        path: 'users',
        element: (
          <RoleGate path="/users">
            <UsersPage />
          </RoleGate>
        ),
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

function Themed() {
  const { locale } = useI18n();
  // Users who ask their system for less motion get dialogs, drawers and menus without animation.
  const reducedMotion = useReducedMotion();
  const theme = useMemo(() => ({ ...THEME, token: { ...THEME.token, motion: !reducedMotion } }), [reducedMotion]);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
