/** A secret or link the server shows once (an API key, a calendar URL, an invitation): shown whole, with a copy button. */
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ShownOnce({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" title={label} role="status">
      <Stack gap={4}>
        <Code block data-testid="secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
          {value}
        </Code>
        <Group gap="xs">
          <CopyButton value={value}>
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
