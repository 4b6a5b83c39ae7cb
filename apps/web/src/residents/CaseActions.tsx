/**
 * The resident's case actions beside their name: correct a data-entry mistake in the
 * registration (DetailsCorrected: not a legal change, so no deadline opens), close the case
 * (CaseClosed: the deadlines stop counting for this organisation, the history stays) and reopen
 * it (CaseReopened). Each is a small dialog; each write carries If-Match like every other.
 */
import { Alert, Badge, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';
import { fieldErrors, problemMessage } from '../api/problem-message';
import type { ResidentSummary } from './api';
import { DateText } from '../dates/DateText';
import { parseDate } from '../dates/parse-date';
import { todayInJapan } from '../dates/format-date';
import { isConflict, useRecordEvent, type FactToRecord } from '../record/api';
import { NationalityInput } from '../countries/NationalityInput';
import { countryName, typedNationality } from '../countries/countries';
import { GenderSelect } from './GenderSelect';

const CLOSE_REASONS = ['left_caseload', 'duplicate', 'contract_ended', 'transferred', 'other'] as const;
/** The registration's fields a caseworker may correct here, in the order of the registration form. */
const CORRECTABLE = ['fullName', 'nameKana', 'nameNative', 'dateOfBirth', 'nationality', 'gender', 'externalRef'] as const;
type Correctable = (typeof CORRECTABLE)[number];

interface Props {
  resident: ResidentSummary;
  onChanged(): void;
}

export function CaseActions({ resident, onChanged }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'correct' | 'close' | 'reopen' | null>(null);
  const done = () => {
    setOpen(null);
    onChanged();
  };
  return (
    <Group gap="xs" mt="xs">
      {resident.closed && (
        <Badge color="gray" size="lg" data-testid="case-closed">
          {t('caseActions.closedBadge')}
        </Badge>
      )}
      <Button variant="default" size="xs" onClick={() => setOpen('correct')}>
        {t('caseActions.correct')}
      </Button>
      {resident.closed ? (
        <Button variant="default" size="xs" onClick={() => setOpen('reopen')}>
          {t('caseActions.reopen')}
        </Button>
      ) : (
        <Button variant="default" size="xs" color="red" onClick={() => setOpen('close')}>
          {t('caseActions.close')}
        </Button>
      )}
      <Modal opened={open === 'correct'} onClose={() => setOpen(null)} title={t('caseActions.correctTitle')} size="lg">
        <CorrectDetailsForm resident={resident} onDone={done} onCancel={() => setOpen(null)} />
      </Modal>
      <Modal opened={open === 'close'} onClose={() => setOpen(null)} title={t('caseActions.closeTitle')}>
        <CloseOrReopenForm resident={resident} kind="CaseClosed" onDone={done} onCancel={() => setOpen(null)} />
      </Modal>
      <Modal opened={open === 'reopen'} onClose={() => setOpen(null)} title={t('caseActions.reopenTitle')}>
        <CloseOrReopenForm resident={resident} kind="CaseReopened" onDone={done} onCancel={() => setOpen(null)} />
      </Modal>
    </Group>
  );
}

/** Save and cancel, and what went wrong (a conflict said plainly). */
function Footer({ error, pending, onCancel, submit }: { error: unknown; pending: boolean; onCancel(): void; submit: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {error !== null && error !== undefined && (
        <Alert color={isConflict(error) ? 'orange' : 'red'} role="alert">
          {isConflict(error) ? t('record.conflict') : problemMessage(error, t)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={pending}>
          {t('history.cancel')}
        </Button>
        {submit}
      </Group>
    </>
  );
}

function CorrectDetailsForm({ resident, onDone, onCancel }: { resident: ResidentSummary; onDone(): void; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const current = (field: Correctable): string => (resident[field] as string | null | undefined) ?? '';
  // The nationality is edited by its name (ベトナム) and sent as its code.
  const [values, setValues] = useState<Record<Correctable, string>>(
    () =>
      Object.fromEntries(
        CORRECTABLE.map((field) => [field, field === 'nationality' ? countryName(current(field), i18n.language) : current(field)]),
      ) as Record<Correctable, string>,
  );
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const record = useRecordEvent(resident.id, resident.version, onDone);
  const server = fieldErrors(record.error);
  const errorOf = (field: string) =>
    localErrors[field] ?? (server[`fields.${field}`] ? `${t('errors.fieldInvalid')} (${server[`fields.${field}`]})` : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const fields: Record<string, string> = {};
    for (const field of CORRECTABLE) {
      let value = values[field].trim();
      if (field === 'dateOfBirth') {
        const parsed = parseDate(value);
        if (!parsed) errors[field] = t('record.dateInvalid');
        value = parsed ?? value;
      }
      if (field === 'nationality' && value !== '') {
        // Unchanged stays as recorded, even a code with no country name (XXA, stateless).
        const code = value === countryName(current(field), i18n.language) ? current(field) : typedNationality(value);
        if (!code) errors[field] = t('register.nationalityUnknown');
        value = code ?? value;
      }
      // Only what changed; a required field cannot be emptied.
      if (value === current(field)) continue;
      if (value === '' && ['fullName', 'dateOfBirth', 'nationality'].includes(field)) errors[field] = t('record.required');
      else if (value !== '') fields[field] = value;
    }
    if (!reason.trim()) errors.reason = t('record.required');
    if (Object.keys(fields).length === 0 && Object.keys(errors).length === (errors.reason ? 1 : 0))
      errors.form = t('caseActions.nothingChanged');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const fact: FactToRecord = { type: 'DetailsCorrected', occurredOn: todayInJapan(), data: { fields, reason: reason.trim() } };
    record.mutate(fact);
  };

  const set = (field: Correctable) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }));
  return (
    <form onSubmit={submit} aria-label={t('caseActions.correctTitle')} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('caseActions.correctLead')}</Text>
        {CORRECTABLE.map((field) =>
          field === 'dateOfBirth' ? (
            <DateText key={field} label={t('register.dateOfBirth')} value={values[field]} onChange={set(field)} error={errorOf(field)} />
          ) : field === 'nationality' ? (
            <NationalityInput
              key={field}
              label={t(`caseActions.fields.${field}`)}
              value={values[field]}
              onChange={set(field)}
              error={errorOf(field)}
            />
          ) : field === 'gender' ? (
            <GenderSelect key={field} label={t(`caseActions.fields.${field}`)} value={values[field]} onChange={set(field)} />
          ) : (
            <TextInput
              key={field}
              label={t(`caseActions.fields.${field}`)}
              value={values[field]}
              onChange={(e) => set(field)(e.currentTarget.value)}
              error={errorOf(field)}
            />
          ),
        )}
        <TextInput
          label={t('caseActions.reason')}
          placeholder={t('caseActions.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errorOf('reason')}
          required
        />
        {localErrors.form && (
          <Text size="sm" c="red" role="alert">
            {localErrors.form}
          </Text>
        )}
        <Footer
          error={record.error}
          pending={record.isPending}
          onCancel={onCancel}
          submit={
            <Button type="submit" loading={record.isPending}>
              {t('caseActions.correctSubmit')}
            </Button>
          }
        />
      </Stack>
    </form>
  );
}

function CloseOrReopenForm({
  resident,
  kind,
  onDone,
  onCancel,
}: {
  resident: ResidentSummary;
  kind: 'CaseClosed' | 'CaseReopened';
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [occurredOn, setOccurredOn] = useState(todayInJapan());
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const record = useRecordEvent(resident.id, resident.version, onDone);
  const closing = kind === 'CaseClosed';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const when = parseDate(occurredOn);
    if (!when) errors.occurredOn = t('record.dateInvalid');
    if (closing && !reason) errors.reason = t('record.required');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0 || !when) return;
    const data: Record<string, unknown> = {
      ...(closing && { reason }),
      ...(note.trim() && { note: note.trim() }),
    };
    record.mutate({ type: kind, occurredOn: when, data });
  };

  return (
    <form onSubmit={submit} aria-label={closing ? t('caseActions.closeTitle') : t('caseActions.reopenTitle')} noValidate>
      <Stack gap="sm">
        <Text size="sm">{closing ? t('caseActions.closeLead') : t('caseActions.reopenLead')}</Text>
        <DateText label={t('record.occurredOn')} value={occurredOn} onChange={setOccurredOn} error={localErrors.occurredOn} required />
        {closing && (
          <Select
            label={t('fields.reason')}
            data={CLOSE_REASONS.map((value) => ({ value, label: t(`options.reason.${value}`) }))}
            value={reason}
            onChange={setReason}
            error={localErrors.reason}
            required
            comboboxProps={{ withinPortal: true, zIndex: 400 }}
          />
        )}
        <TextInput label={`${t('fields.note')}(${t('record.optional')})`} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {/* On one day a reopening comes before a closing (fact-order.ts): a case closed today reopens from tomorrow. */}
        {!closing && record.error instanceof ApiProblem && record.error.problem.code === 'CASE_NOT_CLOSED' && (
          <Text size="sm" role="alert">
            {t('caseActions.reopenSameDay')}
          </Text>
        )}
        <Footer
          error={record.error}
          pending={record.isPending}
          onCancel={onCancel}
          submit={
            <Button type="submit" color={closing ? 'red' : undefined} loading={record.isPending}>
              {closing ? t('caseActions.closeSubmit') : t('caseActions.reopenSubmit')}
            </Button>
          }
        />
      </Stack>
    </form>
  );
}
