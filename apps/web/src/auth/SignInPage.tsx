/** Sign-in: e-mail and password, then the second factor when the account has it on; an API key in development. */
import { Alert, Anchor, Button, Center, Collapse, Divider, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordSignInForm } from './PasswordSignInForm';
import { useSession } from './session';

/** The API-key sign-in is for development: offered on this machine only (localhost), never on a deployed host. */
const DEVELOPMENT = import.meta.env.DEV || ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);

export function SignInPage({ languageSwitch, passwordSetFor }: { languageSwitch: ReactNode; passwordSetFor?: string | null }) {
  const { t } = useTranslation();
  const session = useSession();
  const [key, setKey] = useState('');
  const [showKey, setShowKey] = useState(false);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const useKey = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setKeyError(null);
    try {
      await session.signInWithKey(key);
    } catch {
      setKeyError(t('signIn.keyFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <Stack>
          <Group justify="space-between">
            <Title order={1} size="h2">
              {t('app.title')}
            </Title>
            {languageSwitch}
          </Group>
          <Title order={2} size="h4">
            {t('signIn.title')}
          </Title>
          <Text size="sm">{t('signIn.lead')}</Text>
          <PasswordSignInForm
            initialEmail={passwordSetFor ?? ''}
            notice={
              passwordSetFor !== null &&
              passwordSetFor !== undefined && (
                <Alert color="teal" role="status">
                  {t('invitation.done')}
                </Alert>
              )
            }
            onUnavailable={() => setShowKey(true)}
          />
          {DEVELOPMENT && <Divider />}
          {DEVELOPMENT && (
            <Anchor component="button" type="button" size="sm" onClick={() => setShowKey((shown) => !shown)} aria-expanded={showKey}>
              {t('signIn.keyTitle')}
            </Anchor>
          )}
          <Collapse expanded={showKey && DEVELOPMENT}>
            <form onSubmit={useKey}>
              <Stack gap="sm">
                <Text size="xs" c="dimmed">
                  {t('signIn.keyHint')}
                </Text>
                {keyError && (
                  <Alert color="red" role="alert">
                    {keyError}
                  </Alert>
                )}
                <PasswordInput label={t('signIn.key')} value={key} onChange={(e) => setKey(e.currentTarget.value)} required />
                <Button type="submit" variant="light" loading={busy}>
                  {t('signIn.keySubmit')}
                </Button>
              </Stack>
            </form>
          </Collapse>
        </Stack>
      </Paper>
    </Center>
  );
}
