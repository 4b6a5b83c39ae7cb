/**
 * The morning digests kept for this person (newest first), as the mail said them. The links
 * in a digest point into this UI; they open here without a reload.
 */
import { Accordion, Anchor, Badge, Group, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../dates/format-date';
import type { DigestNotice } from './api';

/** A resident link in a digest: `<PUBLIC_URL>/#/residents/<id>` (or the path form). */
const RESIDENT_LINK = /\S*?\/(?:#\/)?residents\/([0-9a-f-]{36})\b/g;

function DigestBody({ body }: { body: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="digest-body">
      {body.split('\n').map((line, index) => {
        const parts: ReactNode[] = [];
        let last = 0;
        for (const match of line.matchAll(RESIDENT_LINK)) {
          parts.push(line.slice(last, match.index));
          parts.push(
            <Anchor key={match.index} component={Link} to={`/residents/${match[1]}`}>
              {t('notifications.openResident')}
            </Anchor>,
          );
          last = match.index + match[0].length;
        }
        parts.push(line.slice(last));
        return (
          <Fragment key={index}>
            {parts}
            {'\n'}
          </Fragment>
        );
      })}
    </Text>
  );
}

export function DigestList({ digests }: { digests: readonly DigestNotice[] }) {
  const { t, i18n } = useTranslation();
  if (digests.length === 0) return <Text size="sm">{t('notifications.none')}</Text>;
  return (
    <Accordion variant="separated" defaultValue={digests[0]!.day} data-testid="digests">
      {digests.map((digest) => (
        <Accordion.Item key={digest.day} value={digest.day} data-testid="digest">
          <Accordion.Control>
            <Group gap="sm" wrap="wrap">
              <Text fw={700}>{formatDate(digest.day, i18n.language)}</Text>
              <Badge color={digest.items > 0 ? 'orange' : 'gray'} variant="light">
                {t('notifications.items', { count: digest.items })}
              </Badge>
              <Text size="sm">{t(`notifications.deliveredBy.${digest.deliveredBy}`)}</Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            {digest.subject && (
              <Text size="sm" fw={700} mb="xs">
                {digest.subject}
              </Text>
            )}
            {digest.body && <DigestBody body={digest.body} />}
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
