/**
 * The recovery codes, shown this once: listed, downloadable as a text file, and put away only
 * after the person says they saved them (the page cannot show them again).
 */
import { Alert, Button, Checkbox, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../dates/format-date';

export function RecoveryCodes({ codes, email, onDone }: { codes: string[]; email: string; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [saved, setSaved] = useState(false);
  // CRLF: the file is read in Windows Notepad as often as anywhere.
  const download = () => {
    const lines = [
      t('security.twoFactor.fileTitle'),
      t('security.twoFactor.fileAccount', { email }),
      t('security.twoFactor.fileMade', { when: formatTimestamp(new Date().toISOString(), i18n.language) }),
      t('security.twoFactor.fileNote'),
      '',
      ...codes,
      '',
    ];
    const url = URL.createObjectURL(new Blob([lines.join('\r\n')], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'zairyu-recovery-codes.txt';
    link.click();
    // Revoked once the browser has taken the file.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return (
    <Alert color="teal" title={t('security.twoFactor.codesTitle')} data-testid="recovery-codes">
      <Stack gap="sm">
        <Text size="sm">{t('security.twoFactor.codesLead')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {codes.map((code) => (
            <li key={code}>
              <Code fz="md" data-testid="recovery-code">
                {code}
              </Code>
            </li>
          ))}
        </SimpleGrid>
        <Group>
          <Button onClick={download} variant="light">
            {t('security.twoFactor.download')}
          </Button>
        </Group>
        <Checkbox label={t('security.twoFactor.saved')} checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
        <Group>
          <Button onClick={onDone} disabled={!saved}>
            {t('security.twoFactor.done')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
