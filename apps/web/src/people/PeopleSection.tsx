/**
 * A manager's users: invite (the one-time link shown to hand over), and for each person their
 * state (招待中 / 有効 / 無効, 2段階認証オン), role, disabling and enabling, and a new link — a
 * new invitation while they have not set a password, else a password reset. The API's refusals
 * (the last manager, a disabled user) are said in the caseworker's language.
 */
import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import { useSession } from '../auth/session';
import { formatTimestamp } from '../dates/format-date';
import { TableScroll } from '../layout/ScrollRegion';
import { inviteUser, usersQuery } from '../settings/api';
import { assigneesQuery, resetAccess, settingsKeys, updateUser, type Role, type User } from './api';
import { OneTimeLink } from './OneTimeLink';
import { STATE_COLOURS, userStates } from './user-status';

const ROLES = ['viewer', 'caseworker', 'manager'] as const satisfies readonly Role[];

type Pending = { kind: 'disable' | 'reset'; user: User } | null;

export function PeopleSection({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const client = useQueryClient();
  const list = useQuery(usersQuery(orgId));
  const [link, setLink] = useState<{ label: string; url: string | null; name: string } | null>(null);
  const [confirming, setConfirming] = useState<Pending>(null);
  const roles = ROLES.map((r) => ({ value: r, label: t(`settings.roles.${r}`) }));
  const refresh = () => {
    void client.invalidateQueries({ queryKey: settingsKeys.users(orgId) });
    void client.invalidateQueries({ queryKey: assigneesQuery().queryKey });
  };

  const change = useMutation({
    mutationFn: ({ user, to }: { user: User; to: { role?: Role; disabled?: boolean } }) => updateUser(orgId, user.id, to),
    onSuccess: refresh,
  });
  const reset = useMutation({
    mutationFn: (user: User) => resetAccess(orgId, user.id),
    onSuccess: (url, user) => {
      setLink({ label: t('people.linkFor', { name: user.name }), url, name: user.name });
      refresh();
    },
  });
  const act = () => {
    if (!confirming) return;
    if (confirming.kind === 'disable') change.mutate({ user: confirming.user, to: { disabled: true } });
    else reset.mutate(confirming.user);
    setConfirming(null);
  };
  const failure = change.error ?? reset.error;
  // On a phone each person is a card: the table's state and buttons would be off to the side.
  const phone = useMediaQuery('(max-width: 40em)', false, { getInitialValueInEffect: false });

  const who = (user: User) => (
    <>
      <Text size="sm" fw={700}>
        {user.name}
        {user.id === me?.id && ` ${t('people.me')}`}
      </Text>
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
        {user.email}
      </Text>
    </>
  );
  const states = (user: User) => (
    <Group gap={4} wrap="nowrap" data-testid="user-states">
      {userStates(user).map((state) => (
        <Badge key={state} color={STATE_COLOURS[state]} variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
          {t(`people.states.${state}`)}
        </Badge>
      ))}
    </Group>
  );
  const roleSelect = (user: User) => (
    <Select
      aria-label={t('people.roleOf', { name: user.name })}
      data={roles}
      value={user.role}
      onChange={(value) => {
        const role = ROLES.find((r) => r === value);
        if (role && role !== user.role) change.mutate({ user, to: { role } });
      }}
      allowDeselect={false}
      disabled={user.disabled}
      w={120}
      size="xs"
    />
  );
  const userButtons = (user: User) => (
    <Group gap={4} wrap="nowrap">
      {user.disabled ? (
        <Button size="compact-xs" variant="light" onClick={() => change.mutate({ user, to: { disabled: false } })}>
          {t('people.enable')}
        </Button>
      ) : (
        <>
          <Button size="compact-xs" variant="light" onClick={() => setConfirming({ kind: 'reset', user })}>
            {user.invitationPending ? t('people.reinvite') : t('people.reset')}
          </Button>
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setConfirming({ kind: 'disable', user })}>
            {t('people.disable')}
          </Button>
        </>
      )}
    </Group>
  );

  return (
    <Paper withBorder p="md" component="section" aria-label={t('settings.users')}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('settings.users')}
        </Title>
        <InviteForm
          orgId={orgId}
          onInvited={(url, name) => {
            setLink({ label: t('settings.inviteUrl'), url, name });
            refresh();
          }}
        />
        {link && <OneTimeLink label={link.label} url={link.url} name={link.name} />}
        {failure && (
          <Alert color="red" role="alert" data-testid="people-error">
            {problemMessage(failure, t)}
          </Alert>
        )}
        {list.isError && (
          <Alert color="red" role="alert">
            {problemMessage(list.error, t)}
          </Alert>
        )}
        {list.data && phone && (
          <Stack gap="xs" data-testid="users-cards">
            {list.data.map((user) => (
              <Paper key={user.id} withBorder p="sm" data-testid="user-card" data-email={user.email}>
                <Stack gap={6}>
                  {who(user)}
                  {states(user)}
                  <Group gap="xs" align="center">
                    {roleSelect(user)}
                    {userButtons(user)}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('people.lastSignIn')}: {user.lastSignInAt ? formatTimestamp(user.lastSignInAt, i18n.language) : '—'}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
        {list.data && !phone && (
          <TableScroll label={t('settings.users')} minWidth={760}>
            <Table data-testid="users-table" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.name')}</Table.Th>
                  <Table.Th>{t('people.role')}</Table.Th>
                  <Table.Th>{t('people.status')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('people.lastSignIn')}</Table.Th>
                  <Table.Th>{t('people.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((user) => (
                  <Table.Tr key={user.id} data-testid="user-row" data-email={user.email}>
                    <Table.Td>{who(user)}</Table.Td>
                    <Table.Td>{roleSelect(user)}</Table.Td>
                    <Table.Td>{states(user)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {user.lastSignInAt ? formatTimestamp(user.lastSignInAt, i18n.language) : '—'}
                    </Table.Td>
                    <Table.Td>{userButtons(user)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={
          confirming?.kind === 'disable'
            ? t('people.disable')
            : confirming?.user.invitationPending
              ? t('people.reinvite')
              : t('people.reset')
        }
      >
        <Stack gap="sm">
          <Text size="sm">
            {confirming?.kind === 'disable'
              ? t('people.disableConfirm', { name: confirming.user.name })
              : t('people.resetConfirm', { name: confirming?.user.name ?? '' })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('people.cancel')}
            </Button>
            <Button color={confirming?.kind === 'disable' ? 'red' : undefined} onClick={act}>
              {t('people.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function InviteForm({ orgId, onInvited }: { orgId: string; onInvited(url: string | null, name: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('caseworker');
  const create = useMutation({
    mutationFn: () => inviteUser(orgId, { name, email, role }),
    onSuccess: (url) => {
      onInvited(url, name);
      setName('');
      setEmail('');
    },
  });
  return (
    <form
      aria-label={t('people.invite')}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Stack gap="xs">
        <Group align="flex-end">
          <TextInput label={t('settings.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required w={180} />
          <TextInput
            label={t('settings.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            w={240}
            maw="100%"
          />
          <Select
            label={t('settings.role')}
            data={ROLES.map((r) => ({ value: r, label: t(`settings.roles.${r}`) }))}
            value={role}
            onChange={(value) => setRole(ROLES.find((r) => r === value) ?? 'caseworker')}
            allowDeselect={false}
            w={150}
          />
          <Button type="submit" loading={create.isPending}>
            {t('settings.invite')}
          </Button>
        </Group>
        {create.isError && (
          <Alert color="red" role="alert">
            {problemMessage(create.error, t)}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
