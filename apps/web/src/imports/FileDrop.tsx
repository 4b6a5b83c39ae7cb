/**
 * Where the file goes: dropped on the area, or chosen with the button inside it (Mantine's
 * FileButton: a real button for the keyboard and screen readers, opening the hidden file input,
 * so the browser's own English "Choose File / No file chosen" never shows).
 */
import { Button, FileButton, Paper, Stack, Text } from '@mantine/core';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const isSpreadsheet = (file: File) => /\.(csv|xlsx)$/i.test(file.name);

export function FileDrop({ file, onFile, disabled }: { file: File | null; onFile: (file: File) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const reset = useRef<() => void>(null);
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
        <FileButton
          onChange={(chosen) => {
            if (chosen) onFile(chosen);
            // The same file chosen again (after fixing it in Excel) must fire a change again.
            reset.current?.();
          }}
          accept={ACCEPT}
          disabled={disabled}
          resetRef={reset}
          inputProps={{ id: 'import-file' }}
        >
          {(props) => (
            <Button {...props} variant="default">
              {t('imports.choose')}
            </Button>
          )}
        </FileButton>
        {file && (
          <Text size="sm" fw={700} ta="center" style={{ overflowWrap: 'anywhere' }} data-testid="import-file-name">
            {t('imports.chosen', { name: file.name })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
