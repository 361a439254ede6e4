import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { RequireSession } from './auth/require-session.js';
import { RoleGate } from './auth/role-gate.js';
import { SessionProvider } from './auth/session-context.js';
import { I18nProvider, useI18n } from './i18n/i18n-context.js';
import { AppLayout } from './layout/app-layout.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { LoginPage } from './pages/login-page.js';
import { PlaceholderPage } from './pages/placeholder-page.js';
import { UsersPage } from './pages/users/users-page.js';
import { THEME } from './theme.js';

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
            <PlaceholderPage title="nav.customers" description="customers.description" empty="customers.empty" />
          </RoleGate>
        ),
      },
      {
        path: 'schemes',
        element: (
          <RoleGate path="/schemes">
            <PlaceholderPage title="nav.schemes" description="schemes.description" empty="schemes.empty" />
          </RoleGate>
        ),
      },
      {
        path: 'runs',
        element: (
          <RoleGate path="/runs">
            <PlaceholderPage title="nav.runs" description="runs.description" empty="runs.empty" />
          </RoleGate>
        ),
      },
      {
        path: 'import',
        element: (
          <RoleGate path="/import">
            <PlaceholderPage title="nav.import" description="import.description" empty="import.empty" />
          </RoleGate>
        ),
      },
      {
        path: 'my-customers',
        element: (
          <RoleGate path="/my-customers">
            <PlaceholderPage title="nav.my_customers" description="my_customers.description" empty="my_customers.empty" />
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
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME}>
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
