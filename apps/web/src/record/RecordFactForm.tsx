/**
 * Recording a fact: pick what happened, fill only that type's fields, save. Sent with
 * If-Match (the version the caseworker is looking at), so when someone else recorded in the
 * meantime the answer is 412 and the form says so plainly instead of saving over it.
 */
import { Alert, Button, Checkbox, Fieldset, Group, MultiSelect, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { CARD_KINDS, MY_NUMBER_OPTIONS } from '@domain/events/card-data';
import { SPECIFIED_FIELDS } from '@domain/ssw/specified-fields';
import { DESIGNATIONS } from '@domain/status-catalogue';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, problemMessage } from '../api/problem-message';
import { isCardNumber, normaliseCardNumber } from '../cards/normalise-card-number';
import { DateText } from '../dates/DateText';
import { parseDate } from '../dates/parse-date';
import { buildData, choiceKey, EVENT_FORMS, EVENT_GROUPS, labelKey, type FormField, type FormValues } from './event-forms';
import { EmployerSelect, PersonSelect } from './ChoiceSelects';
import { StatusSelect } from './StatusSelect';
import { isConflict, useRecordEvent } from './api';

interface Props {
  residentId: string;
  version: number;
  /** The resident (and so `version`) is being read again: a save now would carry the old version. */
  reloading?: boolean;
  onRecorded(): void;
  onReload(): void;
  /** What a deadline's 対応する opens: the fact that meets it, its fields filled as far as known. */
  prefill?: Prefill | null;
}

export interface Prefill {
  type: string;
  values: FormValues;
  occurredOn?: string;
}

export function RecordFactForm({ residentId, version, reloading = false, onRecorded, onReload, prefill = null }: Props) {
  const { t } = useTranslation();
  const [type, setType] = useState<string | null>(prefill?.type ?? null);
  const [occurredOn, setOccurredOn] = useState(prefill?.occurredOn ?? '');
  const [values, setValues] = useState<FormValues>(prefill?.values ?? {});
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
  /** The values' key of a part of a group: `group.` */
  prefix?: string;
  text(key: string): string;
  values: FormValues;
  set(key: string): (value: string | boolean | string[]) => void;
  errorOf(key: string): string | null;
}

function FieldInput({ field, prefix = '', text, values, set, errorOf }: FieldProps) {
  const { t, i18n } = useTranslation();
  const key = `${prefix}${field.name}`;
  const label = (name: string, required: boolean) => (required ? t(name) : `${t(name)}(${t('record.optional')})`);
  const fieldLabel = label(labelKey(field), field.required);
  const choices = (field.options ?? []).map((value) => ({ value, label: t(choiceKey(field, value)) }));
  switch (field.kind) {
    case 'status':
      return (
        <StatusSelect
          label={fieldLabel}
          value={text(key) || null}
          onChange={(value) => set(key)(value ?? '')}
          error={errorOf(key)}
          required={field.required}
          clearable={!field.required}
        />
      );
    case 'date':
      return <DateText label={fieldLabel} value={text(key)} onChange={set(key)} error={errorOf(key)} required={field.required} />;
    case 'select':
      return (
        <Select
          label={fieldLabel}
          data={choices}
          value={text(key) || null}
          onChange={(value) => set(key)(value ?? '')}
          error={errorOf(key)}
          required={field.required}
          clearable={!field.required}
          w={300}
          maw="100%"
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          label={fieldLabel}
          data={choices}
          value={Array.isArray(values[key]) ? (values[key] as string[]) : []}
          onChange={set(key)}
          error={errorOf(key)}
          required={field.required}
          w={400}
          maw="100%"
        />
      );
    case 'checkbox':
      return <Checkbox label={t(labelKey(field))} checked={values[key] === true} onChange={(e) => set(key)(e.currentTarget.checked)} />;
    case 'employer':
      return (
        <EmployerSelect
          label={fieldLabel}
          value={text(key) || null}
          onChange={(value) => set(key)(value ?? '')}
          error={errorOf(key)}
          required={field.required}
        />
      );
    case 'person':
      return <PersonSelect label={fieldLabel} value={text(key) || null} onChange={(value) => set(key)(value ?? '')} error={errorOf(key)} />;
    case 'designation': {
      const status = text('status');
      if (status === 'designated_activities')
        return (
          <Select
            label={label('facts.fields.designationCode', false)}
            data={DESIGNATIONS.map((value) => ({ value, label: t(`facts.options.designationCode.${value}`) }))}
            value={text(`${key}.code`) || null}
            onChange={(value) => set(`${key}.code`)(value ?? '')}
            clearable
            w={300}
            maw="100%"
          />
        );
      if (!status.startsWith('specified_skilled_worker')) return null;
      return (
        <Fieldset legend={fieldLabel}>
          <Group align="flex-start">
            <Select
              label={t('facts.fields.designationField')}
              data={SPECIFIED_FIELDS.filter((entry) => entry.inForce).map((entry) => ({
                value: entry.code,
                label: i18n.language === 'en' ? entry.en : entry.ja,
              }))}
              value={text(`${key}.field`) || null}
              onChange={(value) => set(`${key}.field`)(value ?? '')}
              error={errorOf(`${key}.field`)}
              searchable
              clearable
              w={260}
            />
            <EmployerSelect
              label={t('facts.fields.designationEmployer')}
              value={text(`${key}.employer`) || null}
              onChange={(value) => set(`${key}.employer`)(value ?? '')}
              error={errorOf(`${key}.employer`)}
            />
            <TextInput
              label={t('facts.fields.jobCategory')}
              value={text(`${key}.jobCategory`)}
              onChange={(e) => set(`${key}.jobCategory`)(e.currentTarget.value)}
              w={200}
            />
          </Group>
        </Fieldset>
      );
    }
    case 'group':
      return (
        <Fieldset legend={fieldLabel}>
          <Stack gap="xs">
            {(field.parts ?? []).map((part) => (
              <FieldInput key={part.name} field={part} prefix={`${key}.`} text={text} values={values} set={set} errorOf={errorOf} />
            ))}
          </Stack>
        </Fieldset>
      );
    case 'card': {
      const number = text(`${key}.number`);
      return (
        <Fieldset legend={field.required ? t('record.cardGroup') : `${t('record.cardGroup')}(${t('record.optional')})`}>
          <Group align="flex-start">
            <TextInput
              label={t('fields.cardNumber')}
              value={number}
              onChange={(e) => set(`${key}.number`)(normaliseCardNumber(e.currentTarget.value))}
              error={errorOf(`${key}.number`) ?? (number.length >= 12 && !isCardNumber(number) ? t('cards.invalid') : undefined)}
              required={field.required}
              placeholder="AB12345678CD"
              autoComplete="off"
              w={220}
            />
            <DateText
              label={label('fields.cardIssuedOn', false)}
              value={text(`${key}.issuedOn`)}
              onChange={set(`${key}.issuedOn`)}
              error={errorOf(`${key}.issuedOn`)}
            />
            <DateText
              label={label('fields.cardExpiresOn', false)}
              value={text(`${key}.expiresOn`)}
              onChange={set(`${key}.expiresOn`)}
              error={errorOf(`${key}.expiresOn`)}
            />
            <Select
              label={label('fields.cardKind', false)}
              data={CARD_KINDS.map((value) => ({ value, label: t(`options.cardKind.${value}`) }))}
              value={text(`${key}.kind`) || null}
              onChange={(value) => set(`${key}.kind`)(value ?? '')}
              clearable
              w={200}
            />
            <Select
              label={label('facts.fields.myNumberOption', false)}
              data={MY_NUMBER_OPTIONS.map((value) => ({ value, label: t(`facts.options.myNumberOption.${value}`) }))}
              value={text(`${key}.myNumberOption`) || null}
              onChange={(value) => set(`${key}.myNumberOption`)(value ?? '')}
              error={errorOf(`${key}.myNumberOption`)}
              clearable
              w={260}
            />
          </Group>
        </Fieldset>
      );
    }
    case 'number':
      return (
        <TextInput
          label={fieldLabel}
          inputMode="numeric"
          value={text(key)}
          onChange={(e) => set(key)(e.currentTarget.value)}
          error={errorOf(key)}
          required={field.required}
          w={200}
        />
      );
    case 'lines':
    case 'longtext':
      return (
        <Textarea
          label={fieldLabel}
          value={text(key)}
          onChange={(e) => set(key)(e.currentTarget.value)}
          error={errorOf(key)}
          required={field.required}
          autosize
          minRows={2}
          w={600}
          maw="100%"
        />
      );
    default:
      return (
        <TextInput
          label={fieldLabel}
          value={text(key)}
          onChange={(e) => set(key)(field.name === 'number' ? normaliseCardNumber(e.currentTarget.value) : e.currentTarget.value)}
          error={errorOf(key)}
          required={field.required}
          w={400}
          maw="100%"
        />
      );
  }
}
