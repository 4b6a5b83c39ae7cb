/** A matter's documents: each requested / received / not applicable, who provides it, the due day the office sets; and one added. */
import { Alert, Box, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import { parseDate } from '../dates/parse-date';
import { TableScroll } from '../layout/ScrollRegion';
import { DOCUMENT_PROVIDERS, DOCUMENT_STATES, useUpdateChecklist, type ChecklistItem, type ChecklistUpdate, type Matter } from './api';

export function ChecklistTable({ matter }: { matter: Matter }) {
  const { t } = useTranslation();
  const update = useUpdateChecklist(matter.matterId);
  const editable = matter.closedOn === null;
  const change = (item: ChecklistItem, patch: Partial<ChecklistUpdate>) =>
    update.mutate({ code: item.code, update: { state: item.state, ...patch } });
  const controls = (item: ChecklistItem) => <ItemControls item={item} editable={editable} onChange={(patch) => change(item, patch)} />;

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="checklist-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="checklist-title">
          {t('matters.checklist')}
        </Title>
        {update.isError && (
          <Alert color="red" role="alert">
            {problemMessage(update.error, t)}
          </Alert>
        )}
        <Box visibleFrom="sm">
          <TableScroll label={t('matters.checklist')} minWidth={720}>
            <Table data-testid="checklist">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('matters.document')}</Table.Th>
                  <Table.Th>{t('matters.state')}</Table.Th>
                  <Table.Th>{t('matters.providedBy')}</Table.Th>
                  <Table.Th>{t('matters.dueOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {matter.checklist.map((item) => (
                  <Table.Tr key={item.code} data-code={item.code} data-state={item.state}>
                    <Table.Td>{item.label}</Table.Td>
                    <ItemControls item={item} editable={editable} onChange={(patch) => change(item, patch)} as="cells" />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Box>
        {/* On a phone each document is a card: the three controls under its name, nothing to scroll sideways. */}
        <Stack gap="xs" hiddenFrom="sm" data-testid="checklist-cards">
          {matter.checklist.map((item) => (
            <Paper key={item.code} withBorder p="xs" data-code={item.code} data-state={item.state}>
              <Text size="sm" fw={500} mb={6}>
                {item.label}
              </Text>
              {controls(item)}
            </Paper>
          ))}
        </Stack>
        {editable && (
          <AddDocument onAdd={(label) => update.mutate({ code: `extra-${Date.now()}`, update: { state: 'requested', label } })} />
        )}
      </Stack>
    </Paper>
  );
}

interface ControlsProps {
  item: ChecklistItem;
  editable: boolean;
  onChange(patch: Partial<ChecklistUpdate>): void;
  /** As a table row's cells, or stacked in a card. */
  as?: 'cells' | 'stack';
}

/** A document's state, who provides it, and its due day (typed as dates are everywhere: 2026-04-01, 令和8年4月1日…). */
function ItemControls({ item, editable, onChange, as = 'stack' }: ControlsProps) {
  const { t } = useTranslation();
  const [dueError, setDueError] = useState<string | null>(null);
  const state = (
    <SegmentedControl
      size="xs"
      disabled={!editable}
      aria-label={`${t('matters.state')}: ${item.label}`}
      value={item.state}
      onChange={(value) => onChange({ state: value as ChecklistItem['state'] })}
      data={DOCUMENT_STATES.map((value) => ({ value, label: t(`matters.states.${value}`) }))}
    />
  );
  const provider = (
    <Select
      size="xs"
      w={120}
      disabled={!editable}
      allowDeselect={false}
      aria-label={`${t('matters.providedBy')}: ${item.label}`}
      value={item.providedBy}
      onChange={(value) => value && onChange({ providedBy: value as ChecklistItem['providedBy'] })}
      data={DOCUMENT_PROVIDERS.map((value) => ({ value, label: t(`matters.providers.${value}`) }))}
    />
  );
  const due = (
    <TextInput
      size="xs"
      w={140}
      disabled={!editable}
      aria-label={`${t('matters.dueOn')}: ${item.label}`}
      placeholder={t('matters.dueOn')}
      defaultValue={item.dueOn ?? ''}
      error={dueError}
      autoComplete="off"
      onBlur={(event) => {
        const typed = event.currentTarget.value.trim();
        if (typed === '') return setDueError(null);
        const dueOn = parseDate(typed);
        setDueError(dueOn ? null : t('matters.badDate'));
        if (dueOn && dueOn !== item.dueOn) onChange({ dueOn });
      }}
    />
  );
  if (as === 'cells')
    return (
      <>
        <Table.Td>{state}</Table.Td>
        <Table.Td>{provider}</Table.Td>
        <Table.Td>{due}</Table.Td>
      </>
    );
  return (
    <Group gap="xs">
      {state}
      {provider}
      {due}
    </Group>
  );
}

function AddDocument({ onAdd }: { onAdd(label: string): void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  return (
    <Group
      align="flex-end"
      gap="sm"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!label.trim()) return;
        onAdd(label.trim());
        setLabel('');
      }}
    >
      <TextInput label={t('matters.documentName')} value={label} onChange={(event) => setLabel(event.currentTarget.value)} w={280} />
      <Button type="submit" variant="light" disabled={!label.trim()}>
        {t('matters.addDocument')}
      </Button>
    </Group>
  );
}
