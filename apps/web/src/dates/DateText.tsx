/**
 * A date typed as a caseworker writes it (2026-04-01, 2026/4/1, 令和8年4月1日, R8.4.1), echoed
 * back as 2026年4月1日(水) so a misread era or month is seen before saving.
 */
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from './format-date';
import { parseDate } from './parse-date';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | null;
  required?: boolean;
  name?: string;
}

export function DateText({ label, value, onChange, error, required, name }: Props) {
  const { t, i18n } = useTranslation();
  const parsed = value.trim() === '' ? null : parseDate(value);
  const echo = parsed ? `→ ${formatDate(parsed, i18n.language)}` : t('record.dateHint');
  return (
    <TextInput
      label={label}
      name={name}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      description={echo}
      error={error ?? undefined}
      required={required}
      placeholder="2026-04-01"
      autoComplete="off"
      w={260}
    />
  );
}
