/** A one-time link to hand to a person (shown once, with a copy button), or the word that it went to them by mail alone. */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ShownOnce } from '../settings/ShownOnce';

export function OneTimeLink({ label, url, name }: { label: string; url: string | null; name: string }) {
  const { t } = useTranslation();
  if (url === null)
    return (
      <Alert color="teal" role="status">
        {t('people.mailedOnly', { name })}
      </Alert>
    );
  return <ShownOnce label={label} value={url} />;
}
