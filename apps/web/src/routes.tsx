/** Client routes, each screen its own chunk (the first screen stays small). */
import { createBrowserRouter } from 'react-router';
import { PageLoader, Shell } from './layout/Shell';
import { RouteError } from './placeholders/RouteError';

export const router = createBrowserRouter([
  {
    path: '/',
    Component: Shell,
    HydrateFallback: PageLoader,
    ErrorBoundary: RouteError,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./board/BoardPage')).BoardPage }) },
      { path: 'residents', lazy: async () => ({ Component: (await import('./residents/ResidentsPage')).ResidentsPage }) },
      { path: 'residents/new', lazy: async () => ({ Component: (await import('./residents/RegisterPage')).RegisterPage }) },
      { path: 'residents/:id', lazy: async () => ({ Component: (await import('./residents/ResidentPage')).ResidentPage }) },
      {
        path: 'residents/:id/disclosure',
        lazy: async () => ({ Component: (await import('./personal-data/DisclosurePage')).DisclosurePage }),
      },
      { path: 'matters', lazy: async () => ({ Component: (await import('./matters/MattersPage')).MattersPage }) },
      { path: 'matters/:id', lazy: async () => ({ Component: (await import('./matters/MatterPage')).MatterPage }) },
      { path: 'cards', lazy: async () => ({ Component: (await import('./cards/CardLookupPage')).CardLookupPage }) },
      { path: 'notifications', lazy: async () => ({ Component: (await import('./notifications/NotificationsPage')).NotificationsPage }) },
      { path: 'settings', lazy: async () => ({ Component: (await import('./settings/SettingsPage')).SettingsPage }) },
      { path: 'two-factor', lazy: async () => ({ Component: (await import('./security/TwoFactorPage')).TwoFactorPage }) },
      { path: 'security-log', lazy: async () => ({ Component: (await import('./security/SecurityLogPage')).SecurityLogPage }) },
      { path: 'imports', lazy: async () => ({ Component: (await import('./imports/ImportsPage')).ImportsPage }) },
      { path: 'ssw', lazy: async () => ({ Component: (await import('./ssw/SswPage')).SswPage }) },
      { path: '*', lazy: async () => ({ Component: (await import('./placeholders/NotFoundPage')).NotFoundPage }) },
    ],
  },
]);
