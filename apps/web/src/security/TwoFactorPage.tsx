/**
 * The signed-in person's two-factor sign-in: set it up (a QR code of the API's otpauth:// URL,
 * drawn here by the `qrcode` library, and the key to type by hand), confirm it with a code, keep
 * the recovery codes shown once; or, when it is on, make new recovery codes or turn it off.
 */
import { Alert, Badge, Button, Code, Group, Image, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import { fetchMe } from '../auth/api';
import { PageLoader } from '../layout/Shell';
import { beginTotp, confirmTotp, newRecoveryCodes, turnOffTotp, type TotpEnrolment } from './api';
import { RecoveryCodes } from './RecoveryCodes';

const meKey = ['me', 'two-factor'] as const;

/** `mustEnrol`: shown in place of every screen until the second factor the organisation requires is set up. */
export function TwoFactorPage({ mustEnrol = false }: { mustEnrol?: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const me = useQuery({ queryKey: meKey, queryFn: fetchMe });
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const begin = useMutation({ mutationFn: beginTotp, onSuccess: setEnrolment });
  const refresh = () => void client.invalidateQueries({ queryKey: meKey });

  if (me.isPending) return <PageLoader />;
  if (!me.data)
    return (
      <Stack>
        <Title order={2}>{t('security.twoFactor.title')}</Title>
        <Alert color="gray">{t('security.twoFactor.keyOnly')}</Alert>
      </Stack>
    );
  const { totpEnabled, totpRequired, recoveryCodesLeft, email } = me.data;
  return (
    <Stack maw={720}>
      <Title order={2}>{t('security.twoFactor.title')}</Title>
      <Text size="sm">{t('security.twoFactor.lead')}</Text>
      <Group gap="xs">
        <Text size="sm">{t('security.twoFactor.state')}:</Text>
        <Badge color={totpEnabled ? 'teal' : 'gray'} data-testid="two-factor-state">
          {totpEnabled ? t('security.twoFactor.on') : t('security.twoFactor.off')}
        </Badge>
        {totpEnabled && <Text size="sm">{t('security.twoFactor.codesLeft', { count: recoveryCodesLeft })}</Text>}
      </Group>
      {totpRequired && (
        <Alert color={totpEnabled ? 'blue' : 'yellow'} data-testid="two-factor-required">
          {mustEnrol ? t('security.twoFactor.requiredFirst') : t('security.twoFactor.required')}
        </Alert>
      )}
      {notice && (
        <Alert color="teal" role="status">
          {notice}
        </Alert>
      )}
      {codes ? (
        <RecoveryCodes
          codes={codes}
          email={email}
          onDone={() => {
            setCodes(null);
            // The whole desk opens now: start it afresh, with who is signed in read again.
            if (mustEnrol) window.location.reload();
            else refresh();
          }}
        />
      ) : enrolment ? (
        <Enrolment
          enrolment={enrolment}
          onCancel={() => setEnrolment(null)}
          onConfirmed={(recovery) => {
            setEnrolment(null);
            setCodes(recovery);
            setNotice(t('security.twoFactor.enabled'));
            refresh();
          }}
        />
      ) : totpEnabled ? (
        <>
          <CodeForm
            title={t('security.twoFactor.renewTitle')}
            lead={t('security.twoFactor.renewLead')}
            submit={t('security.twoFactor.renew')}
            action={newRecoveryCodes}
            onDone={(recovery) => {
              setNotice(null);
              setCodes(recovery);
            }}
          />
          {!totpRequired && (
            <CodeForm
              title={t('security.twoFactor.disableTitle')}
              lead={t('security.twoFactor.disableLead')}
              submit={t('security.twoFactor.disable')}
              danger
              action={turnOffTotp}
              onDone={() => {
                setNotice(t('security.twoFactor.disabled'));
                refresh();
              }}
            />
          )}
        </>
      ) : (
        <Group>
          <Button
            onClick={() => {
              setNotice(null);
              begin.mutate();
            }}
            loading={begin.isPending}
          >
            {t('security.twoFactor.start')}
          </Button>
          {begin.isError && <Alert color="red">{problemMessage(begin.error, t)}</Alert>}
        </Group>
      )}
    </Stack>
  );
}

function Enrolment({
  enrolment,
  onCancel,
  onConfirmed,
}: {
  enrolment: TotpEnrolment;
  onCancel(): void;
  onConfirmed(codes: string[]): void;
}) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const confirm = useMutation({ mutationFn: () => confirmTotp(code.replace(/\s/g, '')), onSuccess: onConfirmed });
  useEffect(() => {
    let current = true;
    void QRCode.toString(enrolment.otpauthUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then((svg) => {
      if (current) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      current = false;
    };
  }, [enrolment.otpauthUrl]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label={t('security.twoFactor.start')}>
        <Stack gap="sm">
          <Text size="sm">{t('security.twoFactor.scan')}</Text>
          {qr ? <Image src={qr} alt={t('security.twoFactor.qrAlt')} w={200} h={200} data-testid="totp-qr" /> : <PageLoader />}
          <Text size="sm">{t('security.twoFactor.manual')}</Text>
          <Code data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
            {enrolment.secret}
          </Code>
          <Text size="sm">{t('security.twoFactor.enterCode')}</Text>
          <TextInput
            label={t('security.twoFactor.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            w={200}
          />
          {confirm.isError && (
            <Alert color="red" role="alert">
              {problemMessage(confirm.error, t)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={confirm.isPending}>
              {t('security.twoFactor.confirm')}
            </Button>
            <Button variant="default" onClick={onCancel} disabled={confirm.isPending}>
              {t('security.twoFactor.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function CodeForm({
  title,
  lead,
  submit: label,
  danger = false,
  action,
  onDone,
}: {
  title: string;
  lead: string;
  submit: string;
  danger?: boolean;
  action(code: string): Promise<string[] | unknown>;
  onDone(result: string[]): void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const run = useMutation({
    mutationFn: () => action(code.replace(/\s/g, '')),
    onSuccess: (result) => {
      setCode('');
      onDone(Array.isArray(result) ? (result as string[]) : []);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate();
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label={title}>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {title}
          </Title>
          <Text size="sm">{lead}</Text>
          <Group align="flex-end">
            <TextInput
              label={t('security.twoFactor.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              w={200}
            />
            <Button type="submit" color={danger ? 'red' : undefined} variant={danger ? 'light' : 'filled'} loading={run.isPending}>
              {label}
            </Button>
          </Group>
          {run.isError && (
            <Alert color="red" role="alert">
              {problemMessage(run.error, t)}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
