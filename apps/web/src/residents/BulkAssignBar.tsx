/**
 * Puts the residents ticked in the list in one person's charge (or nobody's) at once: all or
 * none (POST /v1/residents/assignments). A refusal names the resident that stopped it.
 */
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';
import { problemMessage } from '../api/problem-message';
import { caseloadKey } from '../board/api';
import { AssigneeSelect, NOBODY } from '../people/AssigneeSelect';
import { assignResidents } from '../people/api';
import { residentKeys } from './api';

export function BulkAssignBar({ selected, onDone }: { selected: Array<{ id: string; name: string }>; onDone(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [assignee, setAssignee] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const assign = useMutation({
    mutationFn: () =>
      assignResidents(
        selected.map((resident) => resident.id),
        assignee === NOBODY ? null : assignee,
      ),
    onSuccess: (answer) => {
      setDone(answer.residents.length);
      void client.invalidateQueries({ queryKey: residentKeys.lists });
      void client.invalidateQueries({ queryKey: ['resident'] });
      void client.invalidateQueries({ queryKey: caseloadKey });
      onDone();
    },
  });
  const refusedBy = (error: unknown) => {
    const field = error instanceof ApiProblem ? error.problem.errors?.[0]?.field : undefined;
    const at = /^residentIds\[(\d+)\]$/.exec(field ?? '')?.[1];
    return at === undefined ? undefined : selected[Number(at)]?.name;
  };
  const refused = assign.isError ? refusedBy(assign.error) : undefined;

  if (selected.length === 0)
    return done === null ? null : (
      <Alert color="teal" role="status" withCloseButton onClose={() => setDone(null)}>
        {t('assign.bulkDone', { count: done })}
      </Alert>
    );
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('assign.bulk')} data-testid="bulk-assign">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm">
          <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }} aria-live="polite">
            {t('assign.selected', { count: selected.length })}
          </Text>
          <AssigneeSelect label={t('assign.assignee')} value={assignee} onChange={setAssignee} w={220} />
          <Button onClick={() => assign.mutate()} disabled={assignee === null} loading={assign.isPending}>
            {t('assign.bulk')}
          </Button>
        </Group>
        {assign.isError && (
          <Alert color="red" role="alert">
            {refused ? `${t('assign.bulkRefused', { name: refused })} ` : ''}
            {problemMessage(assign.error, t)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
