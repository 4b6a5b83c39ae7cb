/**
 * The frame of every screen: a header (title, language, sign-out), the menu, and the screen.
 * Until someone is signed in, the sign-in screen stands in for every route (so that signing in
 * lands on the page asked for); on first start, and at /setup, the setup page does.
 */
import {
  AppShell,
  Burger,
  Group,
  Loader,
  NavLink,
  SegmentedControl,
  Stack,
  Text,
  Title,
  UnstyledButton,
  Button,
  Center,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { allows } from '../auth/roles';
import { useSession } from '../auth/session';
import { SessionExpiredModal } from '../auth/SessionExpiredModal';
import { setupQuery } from '../setup/api';
import { useDateStyle } from '../dates/date-style';
import { DateStyleSwitch } from '../dates/DateStyleSwitch';
import { BusyWhileFetching } from './BusyWhileFetching';

const SignInPage = lazy(() => import('../auth/SignInPage').then((m) => ({ default: m.SignInPage })));
const InvitationPage = lazy(() => import('../auth/InvitationPage').then((m) => ({ default: m.InvitationPage })));
const SetupPage = lazy(() => import('../setup/SetupPage').then((m) => ({ default: m.SetupPage })));
const TwoFactorPage = lazy(() => import('../security/TwoFactorPage').then((m) => ({ default: m.TwoFactorPage })));

/** The token of an invitation or reset link: `/#/invitations/<token>`. */
function invitationToken(): string | null {
  return /^#\/invitations\/([A-Za-z0-9_-]+)$/.exec(location.hash)?.[1] ?? null;
}

const MENU = [
  { to: '/', key: 'nav.board' },
  { to: '/residents', key: 'nav.residents' },
  { to: '/residents/new', key: 'nav.register', needs: 'caseworker' },
  { to: '/matters', key: 'nav.matters' },
  { to: '/cards', key: 'nav.cards' },
  { to: '/notifications', key: 'nav.notifications' },
  { to: '/imports', key: 'nav.imports' },
  { to: '/ssw', key: 'nav.ssw' },
  { to: '/settings', key: 'nav.settings' },
  { to: '/security-log', key: 'security.logNav', needs: 'manager' },
  { to: '/two-factor', key: 'security.nav' },
] as const;

export function Shell() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigation = useNavigation();
  const [opened, { toggle, close }] = useDisclosure();
  const [invitation, setInvitation] = useState(invitationToken);
  const [passwordSetFor, setPasswordSetFor] = useState<string | null>(null);
  const navigate = useNavigate();
  // A link opened from this page (the setup page's invitation) changes only the fragment.
  useEffect(() => {
    const follow = () => setInvitation(invitationToken());
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  const setup = useQuery({ ...setupQuery(), enabled: session.ready && !session.signedIn });
  // Dates are formatted where they are shown: a new choice of 西暦 / 和暦 draws the screen anew.
  const dateStyle = useDateStyle();
  // The digest mails link a resident as `/#/residents/<id>`: open it as the resident's page.
  useEffect(() => {
    const link = /^#(\/residents\/[0-9a-f-]{36})$/.exec(location.hash);
    if (link) void navigate(link[1]!, { replace: true });
  }, [location.hash, navigate]);

  const languageSwitch = (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(language) => void i18n.changeLanguage(language)}
      data={[
        { value: 'ja', label: '日本語' },
        { value: 'en', label: 'English' },
      ]}
    />
  );

  if (invitation)
    return (
      <Suspense fallback={<PageLoader />}>
        <InvitationPage
          token={invitation}
          onDone={(email) => {
            history.replaceState(null, '', location.pathname);
            setInvitation(null);
            setPasswordSetFor(email);
            void session.signOut();
          }}
        />
      </Suspense>
    );
  if (!session.ready) return <PageLoader />;
  const firstStart = !session.signedIn && setup.data?.needed === true;
  if (location.pathname === '/setup' || firstStart)
    return (
      <Suspense fallback={<PageLoader />}>
        <SetupPage firstStart={firstStart} languageSwitch={languageSwitch} />
      </Suspense>
    );
  if (!session.signedIn && setup.isPending) return <PageLoader />;
  if (!session.signedIn)
    return (
      <Suspense fallback={<PageLoader />}>
        <SignInPage languageSwitch={languageSwitch} passwordSetFor={passwordSetFor} />
      </Suspense>
    );

  // The organisation requires a second factor this person has not set up: the API answers nothing else until they do.
  const mustEnrol = session.me?.totpRequired === true && !session.me.totpEnabled;
  const active = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname === to);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 190, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.label')} />
            <UnstyledButton component={Link} to="/" onClick={close}>
              {/* On a phone the header is full: the name keeps its line rather than breaking after 在留台. */}
              <Title order={1} size="h3" style={{ whiteSpace: 'nowrap' }}>
                {t('app.title')}
              </Title>
            </UnstyledButton>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.subtitle')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {languageSwitch}
            <Button variant="default" size="xs" onClick={() => void session.signOut()}>
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {MENU.filter((item) => !('needs' in item) || allows(session.me?.role, item.needs)).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.key)}
            active={active(item.to)}
            aria-current={active(item.to) ? 'page' : undefined}
            onClick={close}
          />
        ))}
        <Stack mt="auto" p="xs" gap="xs">
          <DateStyleSwitch />
          {session.me?.name && (
            <Text size="xs" c="dimmed">
              {session.me.name}
            </Text>
          )}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {navigation.state === 'loading' ? (
          <PageLoader />
        ) : mustEnrol ? (
          <Suspense fallback={<PageLoader />}>
            <TwoFactorPage mustEnrol />
          </Suspense>
        ) : (
          <Outlet key={dateStyle} />
        )}
      </AppShell.Main>
      <BusyWhileFetching elementId="main" />
      <SessionExpiredModal />
    </AppShell>
  );
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Loader role="status" aria-label={t('app.loading')} />
    </Center>
  );
}
