/** Who a resident is put in charge of: the organisation's enabled caseworkers and managers, or 担当なし. */
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { assigneesQuery } from './api';

/** The value of 担当なし in the select (a Select value cannot be null and chosen at once). */
export const NOBODY = 'none';

export function AssigneeSelect({
  label,
  value,
  onChange,
  withNobody = true,
  w = 240,
}: {
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  withNobody?: boolean;
  w?: number;
}) {
  const { t } = useTranslation();
  const assignees = useQuery(assigneesQuery());
  const data = [
    ...(withNobody ? [{ value: NOBODY, label: t('assign.none') }] : []),
    ...(assignees.data ?? []).map((person) => ({ value: person.id, label: person.name })),
  ];
  return <Select label={label} data={data} value={value} onChange={onChange} searchable allowDeselect={false} w={w} maw="100%" />;
}
