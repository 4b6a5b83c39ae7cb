/** 性別 as a choice, stored as the import stores it (`male`, `female`); a value typed elsewhere stays choosable. */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const GENDERS = ['female', 'male'] as const;

export function GenderSelect({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  const known = (GENDERS as readonly string[]).includes(value);
  const data: { value: string; label: string }[] = GENDERS.map((code) => ({ value: code, label: t(`options.gender.${code}`) }));
  if (value && !known) data.push({ value, label: value });
  return (
    <Select
      label={label}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      clearable
      placeholder={t('register.genderUnset')}
      maw={220}
      data-testid="gender"
    />
  );
}
