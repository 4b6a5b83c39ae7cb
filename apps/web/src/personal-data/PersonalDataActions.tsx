/**
 * Beside a resident's case actions: the disclosure document (開示, for a caseworker or manager)
 * and, for a manager, erasure (消去) with its reason — refused in words while a retention rule
 * still holds the records (which rule, and until when).
 */
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { problemMessage } from '../api/problem-message';
import { useAllows } from '../auth/use-allows';
import { addDays, formatDate } from '../dates/format-date';
import { residentKeys } from '../residents/api';
import { ERASURE_REASONS, eraseResident, retentionHoldOf, type ErasureReason, type RetentionHold } from './api';

export function PersonalDataActions({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const canDisclose = useAllows('caseworker');
  const canErase = useAllows('manager');
  const [erasing, setErasing] = useState(false);
  if (!canDisclose) return null;
  return (
    <Group gap="xs" mt="xs">
      <Button component={Link} to={`/residents/${residentId}/disclosure`} variant="default" size="xs">
        {t('personalData.disclose')}
      </Button>
      {canErase && (
        <Button variant="subtle" color="red" size="xs" onClick={() => setErasing(true)}>
          {t('personalData.erase')}
        </Button>
      )}
      <Modal opened={erasing} onClose={() => setErasing(false)} title={t('personalData.erasure.title')}>
        <ErasureForm residentId={residentId} onCancel={() => setErasing(false)} />
      </Modal>
    </Group>
  );
}

export function RetentionExplanation({ hold }: { hold: RetentionHold }) {
  const { t, i18n } = useTranslation();
  const date = hold.keepThrough ? formatDate(hold.keepThrough, i18n.language) : '';
  const rule = t(`personalData.erasure.rules.${hold.rule ?? 'unknown'}`, {
    date,
    defaultValue: t('personalData.erasure.rules.unknown'),
  });
  return (
    <Alert color="orange" title={t('personalData.erasure.refusedTitle')} role="alert" data-testid="retention-hold">
      <Stack gap={4}>
        <Text size="sm">{rule}</Text>
        {hold.keepThrough && (
          <Text size="sm" fw={700} data-testid="keep-through">
            {t('personalData.erasure.until', { date, after: formatDate(addDays(hold.keepThrough, 1), i18n.language) })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function ErasureForm({ residentId, onCancel }: { residentId: string; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [reason, setReason] = useState<ErasureReason | null>(null);
  const [understood, setUnderstood] = useState(false);
  const erase = useMutation({
    mutationFn: () => eraseResident(residentId, reason!),
    onSuccess: () => void client.invalidateQueries({ queryKey: residentKeys.lists }),
  });
  if (erase.data)
    return (
      <Stack gap="sm">
        <Alert color="teal" role="status">
          {t('personalData.erasure.done', { date: formatDate(erase.data.erasedOn, i18n.language) })}
        </Alert>
        <Group justify="flex-end">
          <Button
            onClick={() => {
              client.removeQueries({ queryKey: residentKeys.one(residentId) });
              void navigate('/residents');
            }}
          >
            {t('personalData.erasure.toList')}
          </Button>
        </Group>
      </Stack>
    );
  const hold = retentionHoldOf(erase.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason && understood) erase.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('personalData.erasure.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('personalData.erasure.lead')}</Text>
        <Select
          label={t('personalData.erasure.reason')}
          data={ERASURE_REASONS.map((value) => ({ value, label: t(`personalData.erasure.reasons.${value}`) }))}
          value={reason}
          onChange={(value) => setReason(ERASURE_REASONS.find((known) => known === value) ?? null)}
          required
          allowDeselect={false}
          comboboxProps={{ withinPortal: true, zIndex: 400 }}
        />
        <Checkbox label={t('personalData.erasure.confirm')} checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />
        {hold ? (
          <RetentionExplanation hold={hold} />
        ) : (
          erase.isError && (
            <Alert color="red" role="alert">
              {problemMessage(erase.error, t)}
            </Alert>
          )
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={erase.isPending}>
            {t('personalData.erasure.cancel')}
          </Button>
          <Button type="submit" color="red" disabled={!reason || !understood} loading={erase.isPending}>
            {t('personalData.erasure.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
