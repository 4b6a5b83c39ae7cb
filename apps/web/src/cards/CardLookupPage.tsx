/** Card look-up: type or paste a number; the holder, the card's state and why. */
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblem } from '../api/client';
import { problemMessage } from '../api/problem-message';
import { formatDate } from '../dates/format-date';
import { residentQuery } from '../residents/api';
import { cardQuery } from './api';
import { isCardNumber, normaliseCardNumber } from './normalise-card-number';

export function CardLookupPage() {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const [number, setNumber] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const card = useQuery({ ...cardQuery(number ?? ''), enabled: number !== null });
  const holderId = card.data?.residentId ?? '';
  const holder = useQuery({ ...residentQuery(holderId), enabled: holderId !== '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalised = normaliseCardNumber(typed);
    setTyped(normalised);
    setInvalid(!isCardNumber(normalised));
    if (isCardNumber(normalised)) setNumber(normalised);
  };
  const date = (d: string | null) => formatDate(d, i18n.language);
  const notFound = card.error instanceof ApiProblem && card.error.status === 404;

  return (
    <Stack>
      <Title order={2}>{t('cards.title')}</Title>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label={t('cards.number')}
            description={t('cards.numberHint')}
            value={typed}
            onChange={(e) => setTyped(normaliseCardNumber(e.currentTarget.value))}
            error={invalid ? t('cards.invalid') : undefined}
            placeholder="AB12345678CD"
            autoComplete="off"
            w={300}
          />
          <Button type="submit">{t('cards.submit')}</Button>
        </Group>
      </form>
      {card.isError && (
        <Alert color={notFound ? 'yellow' : 'red'} role="alert">
          {notFound ? t('cards.notFound') : problemMessage(card.error, t)}
        </Alert>
      )}
      {card.data && (
        <Paper withBorder p="md" data-testid="card-result" maw={720}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={3} size="h4">
                {card.data.number}
              </Title>
              <Text fw={700} c={card.data.state === 'valid' ? 'teal.9' : 'red.9'} data-testid="card-state">
                {t(`cardState.${card.data.state}`, { defaultValue: card.data.state })}
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Text>
                {t('cards.holder')}:{' '}
                <Anchor component={Link} to={`/residents/${card.data.residentId}`}>
                  {holder.data?.fullName ?? t('cards.open')}
                </Anchor>
              </Text>
              <Text>
                {t('cards.kind')}: {card.data.kind ? t(`cardKind.${card.data.kind}`, { defaultValue: card.data.kind }) : '—'}
              </Text>
              <Text>
                {t('cards.issuedOn')}: {card.data.issuedOn === null ? t('cards.issuedUnknown') : date(card.data.issuedOn)}
              </Text>
              <Text>
                {t('cards.expiresOn')}: {date(card.data.expiresOn)}
              </Text>
              {card.data.invalidatedOn && (
                <Text>
                  {t('cards.invalidatedOn')}: {date(card.data.invalidatedOn)}
                </Text>
              )}
              {card.data.invalidationReason && (
                <Text data-testid="card-reason">
                  {t('cards.reason')}: {t(`invalidation.${card.data.invalidationReason}`)}
                </Text>
              )}
            </SimpleGrid>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
