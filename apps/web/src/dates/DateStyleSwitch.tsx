/** The person's choice of 西暦 / 和暦 / both for every date the screens show (date-style.ts). */
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DATE_STYLES, setDateStyle, useDateStyle, type DateStyle } from './date-style';

export function DateStyleSwitch() {
  const { t } = useTranslation();
  const style = useDateStyle();
  return (
    <Stack gap={4}>
      <Text size="xs" fw={500} id="date-style-label">
        {t('dateStyle.label')}
      </Text>
      <SegmentedControl
        size="xs"
        aria-labelledby="date-style-label"
        value={style}
        onChange={(value) => setDateStyle(value as DateStyle)}
        data={DATE_STYLES.map((value) => ({ value, label: t(`dateStyle.${value}`) }))}
        data-testid="date-style"
      />
    </Stack>
  );
}
