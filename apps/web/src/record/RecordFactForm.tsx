/**
 * Recording a fact: pick what happened, fill only that type's fields, save. Sent with
 * If-Match (the version the caseworker is looking at), so when someone else recorded in the
 * meantime the answer is 412 and the form says so plainly instead of saving over it.
 */
import { Alert, Button, Checkbox, Fieldset, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, problemMessage } from '../api/problem-message';
import { isCardNumber, normaliseCardNumber } from '../cards/normalise-card-number';
import { DateText } from '../dates/DateText';
import { parseDate } from '../dates/parse-date';
import { buildData, EVENT_FORMS, EVENT_GROUPS, type FormField, type FormValues } from './event-forms';
import { StatusSelect } from './StatusSelect';
import { isConflict, useRecordEvent } from './api';

interface Props {
  residentId: string;
  version: number;
  /** The resident (and so `version`) is being read again: a save now would carry the old version. */
  reloading?: boolean;
  onRecorded(): void;
  onReload(): void;
}

export function RecordFactForm({ residentId, version, reloading = false, onRecorded, onReload }: Props) {
  const { t } = useTranslation();
  const [type, setType] = useState<string | null>(null);
  const [occurredOn, setOccurredOn] = useState('');
  const [values, setValues] = useState<FormValues>({});
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);

  const record = useRecordEvent(residentId, version, () => {
    setDone(true);
    setValues({});
    setOccurredOn('');
    onRecorded();
  });

  const fields: readonly FormField[] = type ? (EVENT_FORMS[type] ?? []) : [];
  const serverErrors = fieldErrors(record.error);
  const conflict = isConflict(record.error);
  const errorOf = (key: string): string | null => {
    if (localErrors[key]) return localErrors[key]!;
    const server = serverErrors[key];
    return server ? `${t('errors.fieldInvalid')} (${server})` : null;
  };
  const set = (key: string) => (value: string | boolean | string[]) => {
    setDone(false);
    setValues((current) => ({ ...current, [key]: value }));
  };
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!type) return;
    const errors: Record<string, string> = {};
    const when = parseDate(occurredOn);
    if (occurredOn.trim() === '') errors.occurredOn = t('record.required');
    else if (!when) errors.occurredOn = t('record.dateInvalid');
    const built = buildData(fields, values, parseDate, normaliseCardNumber);
    for (const [key, kind] of Object.entries(built.errors)) errors[key] = kind === 'date' ? t('record.dateInvalid') : t('record.required');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0 || !when) return;
    record.mutate({ type, occurredOn: when, data: built.data });
  };

  const typeData = EVENT_GROUPS.map(({ group, types }) => ({
    group: t(`record.groups.${group}`),
    items: types.map((value) => ({ value, label: t(`events.${value}`) })),
  }));

  return (
    <form onSubmit={submit} aria-label={t('record.title')} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" gap="md">
          <Select
            label={t('record.type')}
            placeholder={t('record.typeHint')}
            data={typeData}
            value={type}
            onChange={(next) => {
              setType(next);
              setValues({});
              setLocalErrors({});
              setDone(false);
              record.reset();
            }}
            searchable
            required
            w={300}
          />
          <DateText label={t('record.occurredOn')} value={occurredOn} onChange={setOccurredOn} error={errorOf('occurredOn')} required />
        </Group>
        {type && fields.length === 0 && <Text size="sm">{t('record.noFields')}</Text>}
        {fields.map((field) => (
          <FieldInput key={field.name} field={field} text={text} values={values} set={set} errorOf={errorOf} />
        ))}
        {conflict && (
          <Alert color="orange" role="alert" title={t('record.conflictTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('record.conflict')}</Text>
              <Button
                size="xs"
                variant="white"
                onClick={() => {
                  record.reset();
                  onReload();
                }}
              >
                {t('record.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        {record.isError && !conflict && (
          <Alert color="red" role="alert" data-testid="record-error">
            {problemMessage(record.error, t)}
          </Alert>
        )}
        {done && (
          <Alert color="teal" role="status">
            {t('record.done')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={record.isPending || reloading} disabled={!type}>
            {t('record.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface FieldProps {
  field: FormField;
  text(key: string): string;
  values: FormValues;
  set(key: string): (value: string | boolean | string[]) => void;
  errorOf(key: string): string | null;
}

function FieldInput({ field, text, values, set, errorOf }: FieldProps) {
  const { t } = useTranslation();
  const label = (key: string, required: boolean) => (required ? t(`fields.${key}`) : `${t(`fields.${key}`)}(${t('record.optional')})`);
  switch (field.kind) {
    case 'status':
      return (
        <StatusSelect
          label={label(field.name, field.required)}
          value={text(field.name) || null}
          onChange={(value) => set(field.name)(value ?? '')}
          error={errorOf(field.name)}
          required={field.required}
        />
      );
    case 'date':
      return (
        <DateText
          label={label(field.name, field.required)}
          value={text(field.name)}
          onChange={set(field.name)}
          error={errorOf(field.name)}
          required={field.required}
        />
      );
    case 'select':
      return (
        <Select
          label={label(field.name, field.required)}
          data={(field.options ?? []).map((value) => ({ value, label: t(`options.${field.name}.${value}`) }))}
          value={text(field.name) || null}
          onChange={(value) => set(field.name)(value ?? '')}
          error={errorOf(field.name)}
          required={field.required}
          clearable={!field.required}
          w={300}
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          label={label(field.name, field.required)}
          data={(field.options ?? []).map((value) => ({ value, label: t(`options.${field.name}.${value}`) }))}
          value={Array.isArray(values[field.name]) ? (values[field.name] as string[]) : []}
          onChange={set(field.name)}
          error={errorOf(field.name)}
          required={field.required}
          w={400}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          label={t(`fields.${field.name}`)}
          checked={values[field.name] === true}
          onChange={(e) => set(field.name)(e.currentTarget.checked)}
        />
      );
    case 'card': {
      const number = text('card.number');
      return (
        <Fieldset legend={field.required ? t('record.cardGroup') : `${t('record.cardGroup')}(${t('record.optional')})`}>
          <Group align="flex-start">
            <TextInput
              label={t('fields.cardNumber')}
              value={number}
              onChange={(e) => set('card.number')(normaliseCardNumber(e.currentTarget.value))}
              error={errorOf('card.number') ?? (number.length >= 12 && !isCardNumber(number) ? t('cards.invalid') : undefined)}
              required={field.required}
              placeholder="AB12345678CD"
              autoComplete="off"
              w={220}
            />
            <DateText
              label={label('cardIssuedOn', false)}
              value={text('card.issuedOn')}
              onChange={set('card.issuedOn')}
              error={errorOf('card.issuedOn')}
            />
            <DateText
              label={label('cardExpiresOn', false)}
              value={text('card.expiresOn')}
              onChange={set('card.expiresOn')}
              error={errorOf('card.expiresOn')}
            />
          </Group>
        </Fieldset>
      );
    }
    case 'number':
      return (
        <TextInput
          label={label(field.name, field.required)}
          inputMode="numeric"
          value={text(field.name)}
          onChange={(e) => set(field.name)(e.currentTarget.value)}
          error={errorOf(field.name)}
          required={field.required}
          w={160}
        />
      );
    default:
      return (
        <TextInput
          label={label(field.name, field.required)}
          value={text(field.name)}
          onChange={(e) => set(field.name)(field.name === 'number' ? normaliseCardNumber(e.currentTarget.value) : e.currentTarget.value)}
          error={errorOf(field.name)}
          required={field.required}
          w={400}
          maw="100%"
        />
      );
  }
}
