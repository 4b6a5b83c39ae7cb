/** A one-time link to hand to a person (shown once, with a copy button), or the word that it went to them by mail alone. */
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function OneTimeLink({ label, url, name }: { label: string; url: string | null; name: string }) {
  const { t } = useTranslation();
  if (url === null)
    return (
      <Alert color="teal" role="status">
        {t('people.mailedOnly', { name })}
      </Alert>
    );
  return (
    <Alert color="teal" title={label} role="status">
      <Stack gap={4}>
        <Code block data-testid="secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {url}
        </Code>
        <Group gap="xs">
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy} variant={copied ? 'filled' : 'light'}>
                {copied ? t('settings.copied') : t('settings.copy')}
              </Button>
            )}
          </CopyButton>
          <Text size="xs">{t('settings.shownOnce')}</Text>
        </Group>
      </Stack>
    </Alert>
  );
}
