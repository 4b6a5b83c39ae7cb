/**
 * The first start in the browser: the platform admin token (printed in the server log, kept in
 * .data/admin-token) creates the organisation and its first manager, whose one-time link is
 * then shown to open at once. Shown on first start (no organisation yet) and at /setup.
 */
import {
  Alert,
  Anchor,
  Button,
  Center,
  Code,
  CopyButton,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiProblem } from '../api/client';
import { fieldErrors, problemMessage } from '../api/problem-message';
import { createOrganisation, setupQuery, type NewOrganisation } from './api';

const KINDS = ['support_organisation', 'scrivener_office'] as const;

export function SetupPage({ firstStart, languageSwitch }: { firstStart: boolean; languageSwitch: ReactNode }) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('support_organisation');
  const [managerName, setManagerName] = useState('');
  const [managerEmail, setManagerEmail] = useState('');
  const queries = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: NewOrganisation) => createOrganisation(token, body),
    onSuccess: () => {
      // The link stays on screen at /setup; from now on the first start is over.
      void navigate('/setup', { replace: true });
      queries.setQueryData(setupQuery().queryKey, { needed: false });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), kind, firstManager: { name: managerName.trim(), email: managerEmail.trim() } });
  };
  const fields = fieldErrors(create.error);
  const fieldError = (field: string) => (fields[field] ? t('errors.fieldInvalid') : undefined);
  const failure = create.error instanceof ApiProblem ? create.error : null;
  const message =
    // 401: not the admin token; 403: a token, but an organisation's, not the admin's.
    failure?.status === 401 || failure?.status === 403
      ? t('setup.badToken')
      : failure?.problem.code === 'EMAIL_IN_USE'
        ? t('setup.emailInUse')
        : create.isError
          ? problemMessage(create.error, t)
          : null;
  const created = create.data;
  const link = created?.firstManager?.inviteUrl;

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={520} maw="100%">
        <Stack>
          <Group justify="space-between" wrap="nowrap">
            <Title order={1} size="h2" style={{ whiteSpace: 'nowrap' }}>
              {t('app.title')}
            </Title>
            {languageSwitch}
          </Group>
          <Title order={2} size="h4">
            {t('setup.title')}
          </Title>
          {created && link ? (
            <Stack gap="sm" data-testid="setup-done">
              <Alert color="teal" role="status" title={t('setup.created', { name: created.name })}>
                <Text size="sm">{t('setup.linkLead', { name: managerName.trim() })}</Text>
                {created.firstManager?.mailed && <Text size="sm">{t('setup.mailed')}</Text>}
              </Alert>
              <Code block data-testid="invite-link" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                {link}
              </Code>
              <Group gap="xs">
                <Button component="a" href={link}>
                  {t('setup.open')}
                </Button>
                <CopyButton value={link}>
                  {({ copied, copy }) => (
                    <Button variant={copied ? 'filled' : 'light'} onClick={copy}>
                      {copied ? t('settings.copied') : t('settings.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          ) : (
            <form onSubmit={submit} aria-label={t('setup.title')}>
              <Stack gap="sm">
                <Text size="sm">{firstStart ? t('setup.lead') : t('setup.again')}</Text>
                <PasswordInput
                  label={t('setup.adminToken')}
                  description={<Trans i18nKey="setup.adminTokenHint" components={{ path: <span style={{ whiteSpace: 'nowrap' }} /> }} />}
                  autoComplete="off"
                  required
                  value={token}
                  onChange={(e) => setToken(e.currentTarget.value)}
                />
                <TextInput
                  label={t('setup.organisationName')}
                  required
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={fieldError('name')}
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="setup-kind">
                    {t('setup.kind')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="setup-kind"
                    value={kind}
                    onChange={(value) => setKind(KINDS.find((k) => k === value) ?? 'support_organisation')}
                    data={KINDS.map((value) => ({ value, label: t(`setup.kinds.${value}`) }))}
                    fullWidth
                  />
                </Stack>
                <TextInput
                  label={t('setup.managerName')}
                  required
                  value={managerName}
                  onChange={(e) => setManagerName(e.currentTarget.value)}
                  error={fieldError('firstManager.name')}
                />
                <TextInput
                  label={t('setup.managerEmail')}
                  type="email"
                  required
                  value={managerEmail}
                  onChange={(e) => setManagerEmail(e.currentTarget.value)}
                  error={fieldError('firstManager.email')}
                />
                {message && (
                  <Alert color="red" role="alert">
                    {message}
                  </Alert>
                )}
                <Button type="submit" loading={create.isPending}>
                  {t('setup.submit')}
                </Button>
              </Stack>
            </form>
          )}
          {!firstStart && !created && (
            <Anchor href="/" size="sm">
              {t('app.backToBoard')}
            </Anchor>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
