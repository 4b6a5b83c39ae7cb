/** Registering a resident: who they are (the facts of their stay are recorded next, on their page). */
import { Alert, Button, Group, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors, problemMessage } from '../api/problem-message';
import { useAllows } from '../auth/use-allows';
import { DateText } from '../dates/DateText';
import { parseDate } from '../dates/parse-date';
import { NationalityInput } from '../countries/NationalityInput';
import { typedNationality } from '../countries/countries';
import { GenderSelect } from './GenderSelect';
import { registerResident, type NewResident } from './api';

const FIELDS = ['fullName', 'nameKana', 'nationality', 'gender', 'externalRef'] as const;

export function RegisterPage() {
  const { t } = useTranslation();
  const canRegister = useAllows('caseworker');
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<string, string>>({});
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const register = useMutation({
    mutationFn: registerResident,
    onSuccess: ({ id }) => navigate(`/residents/${id}`),
  });
  const server = fieldErrors(register.error);
  const errorOf = (key: string) => localErrors[key] ?? (server[key] ? `${t('errors.fieldInvalid')} (${server[key]})` : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const born = parseDate(dateOfBirth);
    if (!born) errors.dateOfBirth = dateOfBirth.trim() ? t('record.dateInvalid') : t('record.required');
    if (!values.fullName?.trim()) errors.fullName = t('record.required');
    // A name as the import reads it (ベトナム, 中国, Vietnam) or an ISO code; the ledger keeps the code.
    const nationality = typedNationality(values.nationality ?? '');
    if (!values.nationality?.trim()) errors.nationality = t('record.required');
    else if (!nationality) errors.nationality = t('register.nationalityUnknown');
    setLocalErrors(errors);
    const fullName = values.fullName?.trim();
    if (Object.keys(errors).length > 0 || !born || !fullName || !nationality) return;
    const body: NewResident = { fullName, dateOfBirth: born, nationality };
    for (const key of [...FIELDS, 'notes'] as const) {
      if (key === 'fullName' || key === 'nationality') continue;
      const value = values[key]?.trim();
      if (value) body[key] = value;
    }
    register.mutate(body);
  };
  const input = (key: (typeof FIELDS)[number], required = false) => (
    <TextInput
      label={t(`register.${key}`)}
      value={values[key] ?? ''}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((current) => ({ ...current, [key]: value }));
      }}
      error={errorOf(key)}
      required={required}
      maw={420}
    />
  );

  if (!canRegister)
    return (
      <Stack>
        <Title order={2}>{t('register.title')}</Title>
        <Alert color="gray">{t('register.viewerOnly')}</Alert>
      </Stack>
    );
  return (
    <Stack>
      <Title order={2}>{t('register.title')}</Title>
      <Paper withBorder p="md" maw={640}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {input('fullName', true)}
            {input('nameKana')}
            <DateText
              label={t('register.dateOfBirth')}
              value={dateOfBirth}
              onChange={setDateOfBirth}
              error={errorOf('dateOfBirth')}
              required
            />
            <NationalityInput
              label={t('register.nationality')}
              value={values.nationality ?? ''}
              onChange={(nationality) => setValues((current) => ({ ...current, nationality }))}
              error={errorOf('nationality')}
              required
            />
            <GenderSelect
              label={t('register.gender')}
              value={values.gender ?? ''}
              onChange={(gender) => setValues((current) => ({ ...current, gender }))}
            />
            {input('externalRef')}
            <Textarea
              label={t('register.notes')}
              value={values.notes ?? ''}
              onChange={(e) => {
                const notes = e.currentTarget.value;
                setValues((c) => ({ ...c, notes }));
              }}
              maw={520}
            />
            {register.isError && (
              <Alert color="red" role="alert">
                {problemMessage(register.error, t)}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={register.isPending}>
                {t('register.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
