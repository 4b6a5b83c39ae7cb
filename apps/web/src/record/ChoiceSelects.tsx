/**
 * An employer or a person chosen from a list, never typed: the employer records of the
 * organisation (GET /v1/employers), and the people who can be put in charge (GET
 * /v1/assignees). The id is sent; the name is shown.
 */
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { employersQuery } from '../board/api';
import { assigneesQuery } from '../people/api';

interface Props {
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  error?: string | null;
  required?: boolean;
}

export function EmployerSelect({ label, value, onChange, error, required }: Props) {
  const employers = useQuery(employersQuery());
  const data = (employers.data ?? []).map((employer) => ({ value: employer.id, label: employer.name }));
  // A name recorded before the employer had a record stays choosable as it was written.
  if (value && !data.some((choice) => choice.value === value)) data.push({ value, label: value });
  return (
    <Select
      label={label}
      data={data}
      value={value}
      onChange={onChange}
      error={error ?? undefined}
      required={required}
      clearable={!required}
      searchable
      nothingFoundMessage="—"
      w={300}
      maw="100%"
      data-testid="employer-select"
    />
  );
}

export function PersonSelect({ label, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const { me } = useSession();
  const assignees = useQuery(assigneesQuery());
  const data = assignees.data
    ? assignees.data.map((person) => ({ value: person.id, label: person.id === me?.id ? `${person.name}(${t('facts.me')})` : person.name }))
    : me
      ? [{ value: me.id, label: `${me.name}(${t('facts.me')})` }]
      : [];
  return (
    <Select
      label={label}
      data={data}
      value={value}
      onChange={onChange}
      error={error ?? undefined}
      clearable
      searchable
      w={300}
      maw="100%"
    />
  );
}
