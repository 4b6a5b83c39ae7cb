/** A matter's documents: each requested / received / not applicable, who provides it, the due day the office sets; and one added. */
import { Alert, Button, Group, Paper, SegmentedControl, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import { TableScroll } from '../layout/ScrollRegion';
import { DOCUMENT_PROVIDERS, DOCUMENT_STATES, useUpdateChecklist, type ChecklistItem, type ChecklistUpdate, type Matter } from './api';

export function ChecklistTable({ matter }: { matter: Matter }) {
  const { t } = useTranslation();
  const update = useUpdateChecklist(matter.matterId);
  const editable = matter.closedOn === null;
  const change = (item: ChecklistItem, patch: Partial<ChecklistUpdate>) =>
    update.mutate({ code: item.code, update: { state: item.state, ...patch } });

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
                  <Table.Td>
                    <SegmentedControl
                      size="xs"
                      disabled={!editable}
                      aria-label={`${t('matters.state')}: ${item.label}`}
                      value={item.state}
                      onChange={(state) => change(item, { state: state as ChecklistItem['state'] })}
                      data={DOCUMENT_STATES.map((value) => ({ value, label: t(`matters.states.${value}`) }))}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      w={120}
                      disabled={!editable}
                      allowDeselect={false}
                      aria-label={`${t('matters.providedBy')}: ${item.label}`}
                      value={item.providedBy}
                      onChange={(providedBy) => providedBy && change(item, { providedBy: providedBy as ChecklistItem['providedBy'] })}
                      data={DOCUMENT_PROVIDERS.map((value) => ({ value, label: t(`matters.providers.${value}`) }))}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      type="date"
                      w={150}
                      disabled={!editable}
                      aria-label={`${t('matters.dueOn')}: ${item.label}`}
                      defaultValue={item.dueOn ?? ''}
                      onBlur={(event) => {
                        const dueOn = event.currentTarget.value;
                        if (dueOn && dueOn !== item.dueOn) change(item, { dueOn });
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
        {editable && (
          <AddDocument onAdd={(label) => update.mutate({ code: `extra-${Date.now()}`, update: { state: 'requested', label } })} />
        )}
      </Stack>
    </Paper>
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
