/** A status of residence (在留資格), named as the domain's status catalogue names it. */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATUS_CATALOGUE, STATUS_CODES } from '@domain/status-catalogue';

export function statusName(code: string | null | undefined, language: string): string {
  if (!code) return '—';
  const entry = (STATUS_CATALOGUE as Record<string, { ja: string } | undefined>)[code];
  if (!entry) return code;
  return language === 'en' ? `${entry.ja} (${code})` : entry.ja;
}

interface Props {
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  error?: string | null;
  required?: boolean;
  clearable?: boolean;
  placeholder?: string;
}

export function StatusSelect({ label, value, onChange, error, required, clearable, placeholder }: Props) {
  const { i18n } = useTranslation();
  return (
    <Select
      label={label}
      data={STATUS_CODES.map((code) => ({ value: code, label: statusName(code, i18n.language) }))}
      value={value}
      onChange={onChange}
      error={error ?? undefined}
      required={required}
      clearable={clearable}
      placeholder={placeholder}
      searchable
      w={300}
    />
  );
}
