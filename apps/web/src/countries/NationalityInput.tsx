/** 国籍・地域 typed as a name (ベトナム) with the country names as suggestions; the form reads it back with typedNationality. */
import { Autocomplete } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryNames } from './countries';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  required?: boolean;
}

export function NationalityInput({ label, value, onChange, error, required }: Props) {
  const { t, i18n } = useTranslation();
  const names = useMemo(() => countryNames(i18n.language), [i18n.language]);
  return (
    <Autocomplete
      label={label}
      description={t('register.nationalityHint')}
      data={names}
      limit={8}
      value={value}
      onChange={onChange}
      error={error}
      required={required}
      maw={420}
      data-testid="nationality"
    />
  );
}
