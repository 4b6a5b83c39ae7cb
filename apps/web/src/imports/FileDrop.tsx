/**
 * Where the file goes: dropped on the area, or chosen with the file input inside it (a real
 * <input type="file">, so the keyboard and screen readers reach it as they would any other).
 */
import { Paper, Stack, Text } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const isSpreadsheet = (file: File) => /\.(csv|xlsx)$/i.test(file.name);

export function FileDrop({ file, onFile, disabled }: { file: File | null; onFile: (file: File) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  };
  return (
    <Paper
      withBorder
      p="lg"
      data-testid="import-drop"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-blue-6)' : undefined,
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Stack gap="xs" align="center">
        <Text fw={500} ta="center">
          {t('imports.drop')}
        </Text>
        <label htmlFor="import-file">
          <Text size="sm" ta="center">
            {t('imports.fileLabel')}
          </Text>
        </label>
        <input
          id="import-file"
          type="file"
          accept={ACCEPT}
          disabled={disabled}
          style={{ maxWidth: '100%' }}
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0];
            if (chosen) onFile(chosen);
            event.currentTarget.value = '';
          }}
        />
        {file && (
          <Text size="sm" fw={700} ta="center" style={{ overflowWrap: 'anywhere' }} data-testid="import-file-name">
            {t('imports.chosen', { name: file.name })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
