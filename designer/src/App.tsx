import { Flex, Spin } from 'antd';
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { useMessages } from './i18n/LocaleProvider.tsx';
import { LoginPage } from './login/LoginPage.tsx';
import { AppLayout } from './shell/AppLayout.tsx';
import { areaPaths, areasForRoles, type Area } from './shell/areas.ts';
import { useAuth } from './shell/AuthProvider.tsx';
import { matchPath, navigate, useLocationPath } from './shell/router.ts';
import { shellMessages } from './shell/shell.messages.ts';
import { StatusPage } from './shell/StatusPage.tsx';

const DesignPage = lazy(() => import('./design/DesignPage.tsx').then((module) => ({ default: module.DesignPage })));
const TasksPage = lazy(() => import('./tasks/TasksPage.tsx').then((module) => ({ default: module.TasksPage })));
const MonitorPage = lazy(() => import('./monitor/MonitorPage.tsx').then((module) => ({ default: module.MonitorPage })));
const CalendarsPage = lazy(() => import('./calendars/CalendarsPage.tsx').then((module) => ({ default: module.CalendarsPage })));
const ManagedTasksPage = lazy(() => import('./monitor/ManagedTasksPage.tsx').then((module) => ({ default: module.ManagedTasksPage })));
const IncidentsPage = lazy(() => import('./monitor/IncidentsPage.tsx').then((module) => ({ default: module.IncidentsPage })));
const MessagesPage = lazy(() => import('./messages/MessagesPage.tsx').then((module) => ({ default: module.MessagesPage })));
const MigrationPage = lazy(() => import('./migration/MigrationPage.tsx').then((module) => ({ default: module.MigrationPage })));
const CasePage = lazy(() => import('./cases/CasePage.tsx').then((module) => ({ default: module.CasePage })));

interface RouteDef {
  pattern: string;
  /** The area the page belongs to; `null`: any signed-in user (access is checked by the API). */
  area: Area | null;
  page: ComponentType<{ params: Record<string, string> }>;
}

/** Every page of the console, first match wins. */
const routes: RouteDef[] = [
  { pattern: '/design', area: 'design', page: () => <DesignPage /> },
  { pattern: '/design/migrations', area: 'design', page: () => <MigrationPage /> },
  { pattern: '/tasks', area: 'tasks', page: () => <TasksPage /> },
  { pattern: '/monitor', area: 'monitor', page: () => <MonitorPage /> },
  { pattern: '/monitor/tasks', area: 'monitor', page: () => <ManagedTasksPage /> },
  { pattern: '/monitor/incidents', area: 'monitor', page: () => <IncidentsPage /> },
  { pattern: '/calendars', area: 'calendars', page: () => <CalendarsPage /> },
  { pattern: '/messages', area: null, page: () => <MessagesPage /> },
  { pattern: '/cases/:id', area: null, page: ({ params }) => <CasePage key={params.id} caseId={params.id ?? ''} /> },
];

function Loading() {
  const t = useMessages(shellMessages);
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }}>
      <Spin description={t.loading} />
    </Flex>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** The console: sign-in, then the areas the user's roles open, each at its own path. */
export function App() {
  const { user, loading, signIn, signOut } = useAuth();
  const { pathname, search } = useLocationPath();

  if (loading) return <Loading />;
  if (user === null) {
    if (pathname !== '/login') return <Redirect to={`/login?next=${encodeURIComponent(pathname + (search.size > 0 ? `?${search}` : ''))}`} />;
    return <LoginPage onSignIn={(username, password) => signIn(username, password).then(() => navigate(nextPath(search), { replace: true }))} />;
  }

  const areas = areasForRoles(user.roles);
  const home = areas[0] === undefined ? null : areaPaths[areas[0]];
  let content: ReactNode;
  let current: Area | null = null;
  if (pathname === '/' || pathname === '/login') {
    content = home === null ? <StatusPage kind="noArea" /> : <Redirect to={home} />;
  } else {
    const found = routes
      .map((route) => ({ route, params: matchPath(route.pattern, pathname) }))
      .find((candidate) => candidate.params !== null);
    if (found === undefined || found.params === null) {
      content = <StatusPage kind="notFound" path={pathname} />;
    } else if (found.route.area !== null && !areas.includes(found.route.area)) {
      content = <StatusPage kind="forbidden" />;
    } else {
      const Page = found.route.page;
      current = found.route.area;
      content = <Page params={found.params} />;
    }
  }
  return (
    <AppLayout user={user} areas={areas} current={current} onSignOut={signOut}>
      <Suspense fallback={<Loading />}>{content}</Suspense>
    </AppLayout>
  );
}

/** The page to open after sign-in: the `next` parameter when it is a path of this console. */
function nextPath(search: URLSearchParams): string {
  const next = search.get('next');
  return next !== null && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}
