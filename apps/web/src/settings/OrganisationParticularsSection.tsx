/**
 * 設定 → the organisation's particulars for the SSW filing drafts: its 登録番号 as a 登録支援機関,
 * its address and phone. The server checks and normalises them (full-width digits are fine); a
 * field it refuses is marked with the form it expects, in the caseworker's language. Blank clears.
 */
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, problemMessage } from '../api/problem-message';
import { organisationKey, organisationQuery, saveParticulars, type Particulars } from './organisation-api';

const EMPTY = { supportRegistrationNumber: '', address: '', phone: '' };
const INVALID: Record<keyof Particulars, string> = {
  supportRegistrationNumber: 'particulars.registrationNumberInvalid',
  address: 'particulars.addressInvalid',
  phone: 'particulars.phoneInvalid',
};

export function OrganisationParticularsSection({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const organisation = useQuery(organisationQuery(orgId));
  const [form, setForm] = useState(EMPTY);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (organisation.data)
      setForm({
        supportRegistrationNumber: organisation.data.supportRegistrationNumber ?? '',
        address: organisation.data.address ?? '',
        phone: organisation.data.phone ?? '',
      });
  }, [organisation.data]);
  const save = useMutation({
    mutationFn: () =>
      saveParticulars(orgId, {
        supportRegistrationNumber: form.supportRegistrationNumber.trim() || null,
        address: form.address.trim() || null,
        phone: form.phone.trim() || null,
      }),
    onSuccess: (record) => {
      client.setQueryData(organisationKey(orgId), record);
      setSaved(true);
    },
  });
  const errors = fieldErrors(save.error);
  const errorOf = (field: keyof Particulars) => (errors[field] ? t(INVALID[field]) : undefined);
  const input = (field: keyof Particulars) => ({
    value: form[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setSaved(false);
      setForm((current) => ({ ...current, [field]: value }));
    },
    error: errorOf(field),
    // Typed before the record is read, it would be overwritten by it.
    disabled: !organisation.data,
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="particulars-heading">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4" id="particulars-heading">
            {t('particulars.title')}
          </Title>
          <Text size="sm">{t('particulars.lead')}</Text>
          {organisation.isError && (
            <Alert color="red" role="alert">
              {problemMessage(organisation.error, t)}
            </Alert>
          )}
          <TextInput
            label={t('particulars.registrationNumber')}
            description={t('particulars.registrationNumberHint')}
            placeholder="19登-000123"
            autoComplete="off"
            maw={320}
            {...input('supportRegistrationNumber')}
          />
          <TextInput label={t('particulars.address')} autoComplete="street-address" maxLength={200} maw={640} {...input('address')} />
          <TextInput
            label={t('particulars.phone')}
            description={t('particulars.phoneHint')}
            type="tel"
            autoComplete="tel"
            maw={320}
            {...input('phone')}
          />
          {save.isError && Object.keys(errors).length === 0 && (
            <Alert color="red" role="alert">
              {problemMessage(save.error, t)}
            </Alert>
          )}
          {saved && (
            <Alert color="teal" role="status">
              {t('particulars.saved')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!organisation.data}>
              {t('particulars.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
