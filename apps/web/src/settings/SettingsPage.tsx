/**
 * Settings for managers: users (PeopleSection), API keys and calendar feed tokens (create, list,
 * revoke), the calendar subscription URL with a copy button. Each part says so plainly when
 * the server does not offer its endpoint yet.
 */
import { Alert, Button, Group, Paper, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';
import { problemMessage } from '../api/problem-message';
import { useSession } from '../auth/session';
import { formatTimestamp } from '../dates/format-date';
import { TableScroll } from '../layout/ScrollRegion';
import { PeopleSection } from '../people/PeopleSection';
import { OrganisationParticularsSection } from './OrganisationParticularsSection';
import { ShownOnce } from './ShownOnce';
import { credentialsQuery, issueCredential, revokeCredential, settingsKeys, type CredentialKind, type Role } from './api';

const ROLES = ['viewer', 'caseworker', 'manager'] as const satisfies readonly Role[];

export function SettingsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [orgInput, setOrgInput] = useState(() => localStorage.getItem('zairyu.organisationId') ?? '');
  const orgId = me?.organisationId ?? orgInput.trim();
  if (me?.role && me.role !== 'manager')
    return (
      <Stack>
        <Title order={2}>{t('settings.title')}</Title>
        <Alert color="yellow">{t('settings.managersOnly')}</Alert>
      </Stack>
    );
  return (
    <Stack>
      <Title order={2}>{t('settings.title')}</Title>
      {!me?.organisationId && (
        <TextInput
          label={t('settings.organisation')}
          value={orgInput}
          onChange={(e) => {
            setOrgInput(e.currentTarget.value);
            localStorage.setItem('zairyu.organisationId', e.currentTarget.value.trim());
          }}
          maw={420}
        />
      )}
      {orgId && (
        <>
          <OrganisationParticularsSection orgId={orgId} />
          <PeopleSection orgId={orgId} />
          <CredentialSection orgId={orgId} kind="api-keys" />
          <CredentialSection orgId={orgId} kind="calendar-tokens" />
        </>
      )}
    </Stack>
  );
}

function Unavailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const missing = error instanceof ApiProblem && (error.status === 404 || error.status === 405);
  return <Alert color={missing ? 'gray' : 'red'}>{missing ? t('settings.notAvailable') : problemMessage(error, t)}</Alert>;
}

function CredentialSection({ orgId, kind }: { orgId: string; kind: CredentialKind }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const list = useQuery(credentialsQuery(orgId, kind));
  const [label, setLabel] = useState('');
  const [role, setRole] = useState<Role>('caseworker');
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => issueCredential(orgId, kind, label, role),
    onSuccess: (created) => {
      setSecret(created);
      setLabel('');
      void client.invalidateQueries({ queryKey: settingsKeys.credentials(orgId, kind) });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeCredential(orgId, kind, id),
    onSuccess: () => void client.invalidateQueries({ queryKey: settingsKeys.credentials(orgId, kind) }),
  });
  const title = kind === 'api-keys' ? t('settings.apiKeys') : t('settings.calendarTokens');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        <form onSubmit={submit}>
          <Group align="flex-end">
            {/* A calendar token has no name of its own: it is known by its id and when it was made. */}
            {kind === 'api-keys' && (
              <TextInput label={t('settings.label')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} required w={220} />
            )}
            {kind === 'api-keys' && (
              <Select
                label={t('settings.role')}
                data={ROLES.map((r) => ({ value: r, label: t(`settings.roles.${r}`) }))}
                value={role}
                onChange={(value) => setRole(ROLES.find((r) => r === value) ?? 'caseworker')}
                allowDeselect={false}
                w={150}
              />
            )}
            <Button type="submit" loading={create.isPending}>
              {t('settings.create')}
            </Button>
          </Group>
        </form>
        {create.isError && <Unavailable error={create.error} />}
        {secret && <ShownOnce label={kind === 'api-keys' ? t('settings.apiKeys') : t('settings.calendarUrl')} value={secret} />}
        {list.isError ? (
          <Unavailable error={list.error} />
        ) : (
          list.data && (
            <TableScroll label={title} minWidth={560}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{kind === 'api-keys' ? t('settings.label') : t('settings.id')}</Table.Th>
                    {kind === 'api-keys' && <Table.Th>{t('settings.role')}</Table.Th>}
                    <Table.Th>{t('settings.created')}</Table.Th>
                    <Table.Th>{t('settings.lastUsed')}</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">{t('settings.revoke')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>{row.label ?? row.id}</Table.Td>
                      {kind === 'api-keys' && (
                        <Table.Td>{row.role ? t(`settings.roles.${row.role}`, { defaultValue: row.role }) : '—'}</Table.Td>
                      )}
                      <Table.Td>{row.createdAt ? formatTimestamp(row.createdAt, i18n.language) : '—'}</Table.Td>
                      <Table.Td>{row.lastUsedAt ? formatTimestamp(row.lastUsedAt, i18n.language) : '—'}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          color="red"
                          variant="subtle"
                          onClick={() => revoke.mutate(row.id)}
                          aria-label={`${t('settings.revoke')}: ${row.label ?? row.id}`}
                        >
                          {t('settings.revoke')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        )}
      </Stack>
    </Paper>
  );
}
