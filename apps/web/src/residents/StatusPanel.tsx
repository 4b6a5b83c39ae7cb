/** The status as of a date: lawful stay and its basis, the card and its state, work, warnings. */
import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deadline, ResidentStatus } from './api';
import { cardStateLabel, isLostButValid } from './card-state';
import { formatDate } from '../dates/format-date';
import { statusName } from '../record/StatusSelect';
import type { Warning } from './warnings';

function Item({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

export function StatusPanel({ status, warnings, deadlines }: { status: ResidentStatus; warnings: Warning[]; deadlines: Deadline[] }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => formatDate(value, i18n.language);
  const { residence, card, work } = status;
  const lost = isLostButValid(card);
  const reissueBy =
    deadlines.find((d) => d.kind === 'card_reissue_after_loss' && ['upcoming', 'open', 'overdue'].includes(d.state))?.dueOn ?? null;
  const render = (warning: Warning) => {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(warning.values ?? {})) {
      values[name] =
        name === 'date' ? date(String(value)) : typeof value === 'string' && /^(events|invalidation)\./.test(value) ? t(value) : value;
    }
    return t(warning.key, values);
  };
  return (
    <Stack gap="sm">
      {warnings.length > 0 && (
        <Stack gap={6} role="region" aria-label={t('resident.warnings')}>
          {warnings.map((warning) => (
            <Alert key={warning.key + JSON.stringify(warning.values)} color={warning.tone} p="xs" data-testid="warning">
              {render(warning)}
            </Alert>
          ))}
        </Stack>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Paper withBorder p="sm" component="section" aria-labelledby="status-residence">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5" id="status-residence">
              {t('resident.statusTitle')}
            </Title>
            <Badge color={residence.lawful ? 'teal' : 'red'} variant="filled" data-testid="lawful">
              {residence.lawful ? t('resident.lawful') : t('resident.unlawful')}
            </Badge>
          </Group>
          <Stack gap={6}>
            <Item label={t('resident.status')} value={statusName(residence.status, i18n.language)} testId="status-name" />
            <Item label={t('resident.basis')} value={t(`basis.${residence.basis}`, { defaultValue: residence.basis })} testId="basis" />
            <Item label={t('resident.periodExpiresOn')} value={date(residence.periodExpiresOn)} />
            <Item label={t('resident.lawfulUntil')} value={date(residence.lawfulUntil)} testId="lawful-until" />
            <Item
              label={t('resident.inJapan')}
              value={residence.inJapan ? t('resident.inJapanYes') : t('resident.inJapanNo')}
              testId="in-japan"
            />
          </Stack>
        </Paper>
        <Paper withBorder p="sm" component="section" aria-labelledby="status-card">
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5" id="status-card">
              {t('resident.cardTitle')}
            </Title>
            <Badge
              color={lost ? 'orange' : card.state === 'valid' ? 'teal' : card.state === 'none' ? 'gray' : 'red'}
              variant="filled"
              data-testid="card-state"
            >
              {cardStateLabel(card, t)}
            </Badge>
          </Group>
          <Stack gap={6}>
            <Item label={t('resident.cardNumber')} value={card.number ?? '—'} testId="card-number" />
            <Item label={t('cards.kind')} value={card.kind ? t(`cardKind.${card.kind}`) : '—'} />
            <Item
              label={t('resident.cardIssued')}
              value={card.number !== null && card.issuedOn === null ? t('cards.issuedUnknown') : date(card.issuedOn)}
            />
            <Item label={t('resident.cardExpires')} value={date(card.expiresOn)} />
            {lost && <Item label={t('resident.cardLostOn')} value={date(card.lostOn)} testId="card-lost-on" />}
            {lost && reissueBy && <Item label={t('resident.reissueBy')} value={date(reissueBy)} testId="reissue-by" />}
            {card.invalidationReason && <Item label={t('cards.reason')} value={t(`invalidation.${card.invalidationReason}`)} />}
          </Stack>
        </Paper>
        <Paper withBorder p="sm" component="section" aria-labelledby="status-work">
          <Title order={3} size="h5" mb="xs" id="status-work">
            {t('resident.workTitle')}
          </Title>
          <Stack gap={6}>
            <Text fw={700} data-testid="work">
              {t(`work.${work.permission}`)}
            </Text>
            {work.extraActivityHoursPerWeek !== null && (
              <Text data-testid="hours">{t('resident.hours', { count: work.extraActivityHoursPerWeek })}</Text>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
