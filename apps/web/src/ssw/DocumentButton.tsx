/** A download of a filing's Excel draft, its refusal said in words beside it. */
import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';

export function DocumentButton({ save, label, name }: { save: () => Promise<void>; label: string; name: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        loading={busy}
        aria-label={`${label}: ${name}`}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await save();
          } catch (caught) {
            setError(caught);
          } finally {
            setBusy(false);
          }
        }}
      >
        {label}
      </Button>
      {error !== null && (
        <Text size="xs" c="red.9" role="alert">
          {problemMessage(error, t)}
        </Text>
      )}
    </>
  );
}
