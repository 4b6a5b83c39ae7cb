/**
 * The answer to a disclosure request (開示請求, 個人情報保護法33条) as a document to hand to the
 * person: everything the ledger holds about them, every field named in the desk's language,
 * countries by name, facts in words as the history shows them. Printed (or saved as PDF) from
 * the browser; the print style leaves out the menu and the buttons.
 */
import './disclosure.css';
import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemMessage } from '../api/problem-message';
import { employersQuery } from '../board/api';
import { countryName } from '../countries/countries';
import { formatDate, formatTimestamp } from '../dates/format-date';
import { PageLoader } from '../layout/Shell';
import { TableScroll } from '../layout/ScrollRegion';
import { statusName } from '../record/StatusSelect';
import { cardStateLabel } from '../residents/card-state';
import { describeEventData } from '../residents/describe-event';
import { disclosureQuery, type Disclosure } from './api';

export function DisclosurePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const disclosure = useQuery(disclosureQuery(id));
  if (disclosure.isPending)
    return (
      <Stack align="center">
        <Text size="sm">{t('personalData.disclosure.loading')}</Text>
        <PageLoader />
      </Stack>
    );
  if (disclosure.isError)
    return (
      <Alert color="red" role="alert">
        {problemMessage(disclosure.error, t)}{' '}
        <Anchor component={Link} to={`/residents/${id}`}>
          {t('personalData.disclosure.back')}
        </Anchor>
      </Alert>
    );
  return (
    <Stack>
      <Group className="no-print" justify="space-between">
        <Anchor component={Link} to={`/residents/${id}`} size="sm">
          {t('personalData.disclosure.back')}
        </Anchor>
        <Button onClick={() => window.print()}>{t('personalData.disclosure.print')}</Button>
      </Group>
      <DisclosureDocument disclosure={disclosure.data} />
    </Stack>
  );
}

function Fields({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl>
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={3} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function DisclosureDocument({ disclosure }: { disclosure: Disclosure }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const employers = useQuery(employersQuery());
  const employerNames = new Map((employers.data ?? []).map((employer) => [employer.id, employer.name]));
  const { resident, status, deadlines, events } = disclosure;
  const none = t('personalData.disclosure.none');
  const text = (value: string | null | undefined) => (value && value.trim() !== '' ? value : none);
  const date = (value: string | null | undefined) => (value ? formatDate(value, language) : none);
  const label = (key: string) => t(`personalData.disclosure.fields.${key}`);
  const { residence, card, work } = status;

  const person: Array<[string, ReactNode]> = [
    [label('fullName'), resident.fullName],
    [label('nameKana'), text(resident.nameKana)],
    [label('nameNative'), text(resident.nameNative)],
    [label('dateOfBirth'), date(resident.dateOfBirth)],
    [label('nationality'), countryName(resident.nationality, language)],
    [label('gender'), resident.gender ? t(`options.gender.${resident.gender}`, { defaultValue: none }) : none],
    [label('passportNumber'), text(resident.passportNumber)],
    [label('passportExpiresOn'), date(resident.passportExpiresOn)],
    [label('phone'), text(resident.phone)],
    [label('email'), text(resident.email)],
    [label('employer'), resident.employer ? (employerNames.get(resident.employer) ?? resident.employer) : none],
    [label('assignedTo'), text(resident.assignedToName)],
    [label('externalRef'), text(resident.externalRef)],
    [label('notes'), text(resident.notes)],
    [label('caseState'), resident.closed ? t('personalData.disclosure.caseClosed') : t('personalData.disclosure.caseOpen')],
  ];
  const stay: Array<[string, ReactNode]> = [
    [label('status'), residence.status ? statusName(residence.status, language) : none],
    [label('basis'), t(`basis.${residence.basis}`, { defaultValue: none })],
    [label('periodExpiresOn'), date(residence.periodExpiresOn)],
    [label('lawfulUntil'), date(residence.lawfulUntil)],
    [label('inJapan'), residence.inJapan ? t('resident.inJapanYes') : t('resident.inJapanNo')],
    [label('cardNumber'), text(card.number)],
    [label('cardState'), cardStateLabel(card, t)],
    [label('cardExpires'), date(card.expiresOn)],
    [label('work'), t(`work.${work.permission}`)],
  ];

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'xl' }} className="disclosure-document" data-testid="disclosure">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={2} ta="center">
            {t('personalData.disclosure.title')}
          </Title>
          <Text size="sm" ta="center">
            {t('personalData.disclosure.basis')}
          </Text>
        </Stack>
        <Group justify="space-between" align="flex-start">
          <Text fw={700} size="lg">
            {t('personalData.disclosure.addressee', { name: resident.fullName })}
          </Text>
          <Stack gap={0} align="flex-end">
            <Text size="sm">{`${t('personalData.disclosure.madeOn')}: ${formatTimestamp(disclosure.exportedAt, language)}`}</Text>
            <Text size="sm">{`${t('personalData.disclosure.asOf')}: ${date(disclosure.asOf)}`}</Text>
          </Stack>
        </Group>
        <Text size="sm">{t('personalData.disclosure.lead')}</Text>

        <Section title={t('personalData.disclosure.sections.person')}>
          <Fields rows={person} />
        </Section>
        <Section title={t('personalData.disclosure.sections.status', { date: date(disclosure.asOf) })}>
          <Fields rows={stay} />
        </Section>
        <Section title={t('personalData.disclosure.sections.deadlines')}>
          {deadlines.length === 0 ? (
            <Text size="sm">{t('personalData.disclosure.noDeadlines')}</Text>
          ) : (
            <TableScroll label={t('personalData.disclosure.sections.deadlines')} minWidth={560}>
              <Table withTableBorder fz="sm" data-testid="disclosure-deadlines">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('personalData.disclosure.deadline')}</Table.Th>
                    <Table.Th>{t('personalData.disclosure.legalBasis')}</Table.Th>
                    <Table.Th>{t('personalData.disclosure.dueOn')}</Table.Th>
                    <Table.Th>{t('personalData.disclosure.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {deadlines.map((deadline) => (
                    <Table.Tr key={deadline.id}>
                      <Table.Td>{language === 'en' ? deadline.label.en : deadline.label.ja}</Table.Td>
                      <Table.Td>{deadline.legalBasis}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(deadline.dueOn)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`deadlineState.${deadline.state}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </Section>
        <Section title={t('personalData.disclosure.sections.history')}>
          {events.length === 0 ? (
            <Text size="sm">{t('personalData.disclosure.noEvents')}</Text>
          ) : (
            <TableScroll label={t('personalData.disclosure.sections.history')} minWidth={560}>
              <Table withTableBorder fz="sm" data-testid="disclosure-history">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('personalData.disclosure.date')}</Table.Th>
                    <Table.Th>{t('personalData.disclosure.event')}</Table.Th>
                    <Table.Th>{t('personalData.disclosure.details')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {events.map((event) => (
                    <Table.Tr key={event.eventId} data-type={event.type}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(event.occurredOn)}</Table.Td>
                      <Table.Td>
                        {t(`events.${event.type}`, { defaultValue: t('errors.unknown') })}
                        {event.retracted && `(${t('history.retracted')})`}
                      </Table.Td>
                      <Table.Td>
                        {describeEventData(event.data, t, language, (code) => statusName(code, language), {
                          type: event.type,
                          nameOf: (kind, id) =>
                            kind === 'employer' ? (employerNames.get(id) ?? id) : (event.namedPeople?.[id] ?? t('history.unknownPerson')),
                        })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </Section>
        <Text size="xs" c="dimmed">
          {t('personalData.disclosure.footer')}
        </Text>
      </Stack>
    </Paper>
  );
}
