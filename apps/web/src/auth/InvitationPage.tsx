/**
 * The one-time link of an invitation or a password reset (`/#/invitations/<token>`: the token
 * stays in the fragment, which browsers never send to a server). Sets the password, then sends
 * the person to sign in with their e-mail filled in.
 */
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';
import { fieldErrors, problemMessage } from '../api/problem-message';
import { acceptInvitation, invitationQuery } from './api';

export function InvitationPage({ token, onDone }: { token: string; onDone(email: string): void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const link = useQuery(invitationQuery(token));
  const accept = useMutation({
    mutationFn: () => acceptInvitation(token, password),
    onSuccess: () => onDone(link.data?.email ?? ''),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirm);
    if (password === confirm) accept.mutate();
  };
  const status = link.error instanceof ApiProblem ? link.error.status : null;
  const weak =
    accept.error instanceof ApiProblem &&
    (accept.error.status === 400 || accept.error.status === 422) &&
    Object.keys(fieldErrors(accept.error)).length > 0;

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={460} maw="100%">
        <Stack>
          <Title order={1} size="h2">
            {t('invitation.title')}
          </Title>
          {link.isError && (
            <Alert color="red" role="alert">
              {status === 410 ? t('invitation.gone') : status === 404 ? t('invitation.invalid') : problemMessage(link.error, t)}
            </Alert>
          )}
          {link.data && (
            <form onSubmit={submit}>
              <Stack gap="sm">
                <Text size="sm">
                  {t('invitation.lead', { name: link.data.name, email: link.data.email, organisation: link.data.organisationName })}
                </Text>
                <PasswordInput
                  label={t('invitation.password')}
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  required
                  minLength={12}
                />
                <PasswordInput
                  label={t('invitation.confirm')}
                  autoComplete="new-password"
                  value={confirm}
                  onChange={(e) => setConfirm(e.currentTarget.value)}
                  error={mismatch ? t('invitation.mismatch') : undefined}
                  required
                />
                {accept.isError && (
                  <Alert color="red" role="alert">
                    {weak ? t('invitation.weak') : problemMessage(accept.error, t)}
                  </Alert>
                )}
                <Button type="submit" loading={accept.isPending}>
                  {t('invitation.submit')}
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
