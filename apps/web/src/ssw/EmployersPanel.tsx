/**
 * The employers (所属機関): listed, registered and edited here, so that every form chooses one
 * from the list instead of retyping its name. The 法人番号 is checked (its check digit) before
 * it is sent; the server checks it again and answers 409 when another record has it.
 */
import { Alert, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCorporateNumber } from '@domain/ssw/corporate-number';
import { problemMessage } from '../api/problem-message';
import { employersQuery } from '../board/api';
import { TableScroll } from '../layout/ScrollRegion';
import { createEmployer, updateEmployer, type Employer } from './api';
import { EmployerDetail } from './EmployerDetail';

type Contact = { name?: string; phone?: string; email?: string };

function contactOf(employer: Employer | null): Contact {
  const contact = employer?.contact;
  if (!contact) return {};
  return typeof contact === 'string' ? { name: contact } : contact;
}

export function EmployersPanel() {
  const { t } = useTranslation();
  const employers = useQuery(employersQuery());
  const [editing, setEditing] = useState<Employer | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const [viewing, setViewing] = useState<Employer | null>(null);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h4" id="employers-heading">
          {t('ssw.employers.title')}
        </Title>
        <Button size="xs" onClick={() => setEditing('new')}>
          {t('ssw.employers.add')}
        </Button>
      </Group>
      {saved && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setSaved(false)}>
          {t('ssw.employers.saved')}
        </Alert>
      )}
      {employers.data && employers.data.length === 0 && <Text size="sm">{t('ssw.employers.none')}</Text>}
      {employers.data && employers.data.length > 0 && (
        <TableScroll label={t('ssw.employers.title')} minWidth={640}>
          <Table data-testid="employers-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ssw.employers.name')}</Table.Th>
                <Table.Th>{t('ssw.employers.corporateNumber')}</Table.Th>
                <Table.Th>{t('ssw.employers.address')}</Table.Th>
                <Table.Th>{t('ssw.employers.contactName')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {employers.data.map((employer) => {
                const contact = contactOf(employer);
                return (
                  <Table.Tr key={employer.id}>
                    <Table.Td fw={700}>{employer.name}</Table.Td>
                    <Table.Td>{employer.corporateNumber ?? '—'}</Table.Td>
                    <Table.Td>{employer.address ?? '—'}</Table.Td>
                    <Table.Td>{[contact.name, contact.phone, contact.email].filter(Boolean).join(' ・ ') || '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setViewing(employer)}
                        aria-label={`${t('ssw.employerDetail.open')}: ${employer.name}`}
                      >
                        {t('ssw.employerDetail.open')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setEditing(employer)}
                        aria-label={`${t('ssw.employers.edit')}: ${employer.name}`}
                      >
                        {t('ssw.employers.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {viewing !== null && <EmployerDetail employer={viewing} onClose={() => setViewing(null)} />}
      {editing !== null && (
        <EmployerForm
          employer={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setSaved(true);
          }}
        />
      )}
    </Stack>
  );
}

function EmployerForm({ employer, onClose, onSaved }: { employer: Employer | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(employer?.name ?? '');
  const [corporateNumber, setCorporateNumber] = useState(employer?.corporateNumber ?? '');
  const [address, setAddress] = useState(employer?.address ?? '');
  const [contact, setContact] = useState<Contact>(contactOf(employer));
  const [filesHelloWork, setFilesHelloWork] = useState(employer?.filesHelloWork ?? true);
  const number = corporateNumber.normalize('NFKC').replace(/\D/g, '');
  const numberWrong = number !== '' && !isCorporateNumber(number);
  const save = useMutation({
    mutationFn: () => {
      const given = Object.fromEntries(Object.entries(contact).filter(([, value]) => value && value.trim() !== ''));
      const body = {
        name: name.trim(),
        corporateNumber: number || undefined,
        address: address.trim() || undefined,
        contact: Object.keys(given).length > 0 ? given : undefined,
        filesHelloWork,
      };
      if (employer === null) return createEmployer(body as Parameters<typeof createEmployer>[0]);
      const patch = { ...body, corporateNumber: number || null, address: address.trim() || null, contact: body.contact ?? null };
      return updateEmployer(employer, patch as unknown as Parameters<typeof updateEmployer>[1]);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['employers'] });
      onSaved();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t(employer ? 'ssw.employers.editTitle' : 'ssw.employers.addTitle')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() !== '' && !numberWrong) save.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('ssw.employers.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          <TextInput
            label={t('ssw.employers.corporateNumber')}
            value={corporateNumber}
            onChange={(e) => setCorporateNumber(e.currentTarget.value)}
            error={numberWrong ? t('ssw.employers.corporateNumberInvalid') : undefined}
            inputMode="numeric"
            maxLength={20}
          />
          <TextInput label={t('ssw.employers.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} />
          <Group grow align="flex-start">
            <TextInput
              label={t('ssw.employers.contactName')}
              value={contact.name ?? ''}
              onChange={(e) => setContact({ ...contact, name: e.currentTarget.value })}
            />
            <TextInput
              label={t('ssw.employers.contactPhone')}
              value={contact.phone ?? ''}
              onChange={(e) => setContact({ ...contact, phone: e.currentTarget.value })}
            />
            <TextInput
              label={t('ssw.employers.contactEmail')}
              value={contact.email ?? ''}
              onChange={(e) => setContact({ ...contact, email: e.currentTarget.value })}
            />
          </Group>
          <Checkbox
            label={t('ssw.employers.filesHelloWork')}
            checked={filesHelloWork}
            onChange={(e) => setFilesHelloWork(e.currentTarget.checked)}
          />
          {save.isError && (
            <Alert color="red" role="alert">
              {problemMessage(save.error, t)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={name.trim() === '' || numberWrong}>
              {t('ssw.employers.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
