/** When a screen fails to load or render: say so in the user's language and offer a reload. */
import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function RouteError() {
  const { t } = useTranslation();
  return (
    <Stack p="md" maw={640}>
      <Alert color="red" role="alert">
        {t('errors.server')}
      </Alert>
      <Button variant="default" onClick={() => location.reload()} w="fit-content">
        {t('app.retry')}
      </Button>
    </Stack>
  );
}
