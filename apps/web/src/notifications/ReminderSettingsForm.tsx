/**
 * When the morning digest comes and what it says: on or off, the time (Japan time), its
 * language, only my residents or the whole caseload, closed days skipped (Saturdays, Sundays, holidays and 29 Dec – 3 Jan: caught up the
 * next working day), and per kind of deadline how many days before the due day to remind.
 * A kind left empty keeps its default (shown as the placeholder).
 */
import { Alert, Button, Checkbox, Group, Radio, SegmentedControl, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { DEADLINE_CATALOGUE, DEADLINE_KINDS } from '@domain/deadline-catalogue';
import { leadDaysFor } from '@domain/reminders/lead-times';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, problemMessage } from '../api/problem-message';
import { TableScroll } from '../layout/ScrollRegion';
import { formatLeadDays, parseLeadDays } from './lead-days';
import { useSaveReminderPreferences, type ReminderPreferences } from './api';

export function ReminderSettingsForm({ initial }: { initial: ReminderPreferences }) {
  const { t, i18n } = useTranslation();
  const save = useSaveReminderPreferences();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [sendAt, setSendAt] = useState(initial.sendAt);
  const [language, setLanguage] = useState(initial.language);
  const [skipClosedDays, setSkipClosedDays] = useState(initial.skipClosedDays);
  const [scope, setScope] = useState(initial.scope ?? 'caseload');
  const [leadText, setLeadText] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(initial.leadDays).map(([kind, days]) => [kind, formatLeadDays(days)])),
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const server = fieldErrors(save.error);
  const errorOf = (field: string) => localErrors[field] ?? (server[field] ? t('errors.fieldInvalid') : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const leadDays: Record<string, number[]> = {};
    for (const [kind, text] of Object.entries(leadText)) {
      if (text.trim() === '') continue;
      const days = parseLeadDays(text);
      if (days) leadDays[kind] = days;
      else errors[`leadDays.${kind}`] = t('notifications.leadDaysInvalid');
    }
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(sendAt)) errors.sendAt = t('notifications.sendAtInvalid');
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    save.mutate({ enabled, sendAt, language, skipClosedDays, scope, leadDays });
  };

  return (
    <form onSubmit={submit} aria-label={t('notifications.settings')} noValidate>
      <Stack gap="md">
        <Switch label={t('notifications.enabled')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <Group align="flex-start" gap="lg">
          <TextInput
            type="time"
            label={t('notifications.sendAt')}
            description={t('notifications.sendAtHint')}
            value={sendAt}
            onChange={(e) => setSendAt(e.currentTarget.value)}
            error={errorOf('sendAt')}
            w={200}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="digest-language">
              {t('notifications.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="digest-language"
              value={language}
              onChange={(value) => setLanguage(value as 'ja' | 'en')}
              data={[
                { value: 'ja', label: '日本語' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Stack>
        </Group>
        <Radio.Group label={t('notifications.scope')} value={scope} onChange={(value) => setScope(value as 'caseload' | 'mine')}>
          <Group gap="lg" mt={4}>
            <Radio value="mine" label={t('notifications.scopeMine')} />
            <Radio value="caseload" label={t('notifications.scopeCaseload')} />
          </Group>
        </Radio.Group>
        <Checkbox
          label={t('notifications.skipClosedDays')}
          description={t('notifications.skipClosedDaysHint')}
          checked={skipClosedDays}
          onChange={(e) => setSkipClosedDays(e.currentTarget.checked)}
        />
        <div>
          <Text size="sm" fw={700} id="lead-days-heading">
            {t('notifications.leadDays')}
          </Text>
          <Text size="xs" mb="xs">
            {t('notifications.leadDaysHint')}
          </Text>
          <TableScroll label={t('notifications.leadDays')} minWidth={520}>
            <Table aria-labelledby="lead-days-heading" data-testid="lead-days">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('notifications.kind')}</Table.Th>
                  <Table.Th>{t('notifications.daysBefore')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {DEADLINE_KINDS.map((kind) => {
                  const definition = DEADLINE_CATALOGUE[kind];
                  const label = i18n.language === 'en' ? definition.label.en : definition.label.ja;
                  return (
                    <Table.Tr key={kind} data-kind={kind}>
                      <Table.Td>
                        <Text size="sm">{label}</Text>
                        <Text size="xs">{definition.legalBasis}</Text>
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`${label}: ${t('notifications.daysBefore')}`}
                          placeholder={t('notifications.defaultDays', { days: formatLeadDays(leadDaysFor(kind)) })}
                          value={leadText[kind] ?? ''}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            setLeadText((current) => ({ ...current, [kind]: value }));
                          }}
                          error={errorOf(`leadDays.${kind}`)}
                          w={200}
                        />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </div>
        {save.isError && Object.keys(server).length === 0 && (
          <Alert color="red" role="alert">
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('notifications.save')}
          </Button>
          {save.isSuccess && (
            <Text size="sm" role="status">
              {t('notifications.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
