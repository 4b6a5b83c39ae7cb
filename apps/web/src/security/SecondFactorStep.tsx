/**
 * The second step of signing in, once the password was right and the account has two-factor
 * sign-in on: the code from the authenticator app, or one of the saved recovery codes instead.
 */
import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecondFactor } from '../auth/session';

interface Props {
  email: string;
  busy: boolean;
  error: string | null;
  onSubmit(second: SecondFactor): void;
  onBack(): void;
}

export function SecondFactorStep({ email, busy, error, onSubmit, onBack }: Props) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const given = value.trim();
    if (given) onSubmit(recovery ? { recoveryCode: given } : { totp: given.replace(/\s/g, '') });
  };
  const switchTo = (toRecovery: boolean) => {
    setRecovery(toRecovery);
    setValue('');
  };
  return (
    <form onSubmit={submit} aria-label={t('security.signIn.codeTitle')}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('security.signIn.codeTitle')}
        </Title>
        <Text size="sm">{recovery ? t('security.signIn.recoveryLead') : t('security.signIn.codeLead', { email })}</Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {recovery ? (
          <TextInput
            key="recovery"
            label={t('security.signIn.recoveryCode')}
            placeholder="XXXX-XXXX-XXXX-XXXX"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            data-autofocus
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
        ) : (
          <TextInput
            key="totp"
            label={t('security.signIn.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            required
            data-autofocus
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
        )}
        <Button type="submit" loading={busy}>
          {t('security.signIn.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={() => switchTo(!recovery)}>
          {recovery ? t('security.signIn.useCode') : t('security.signIn.useRecovery')}
        </Anchor>
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onBack}>
          {t('security.signIn.back')}
        </Anchor>
      </Stack>
    </form>
  );
}
