/**
 * An event's data in words for the history table: each field by its form's label, statuses by
 * name, dates as dates, codes by their names, employers and people by name, never an id.
 */
import type { TFunction } from 'i18next';
// Relative, not @domain: this module is unit-tested, and Jest knows no @domain alias.
import { specifiedField } from '../../../../libs/domain/src/ssw/specified-fields';
import { countryName } from '../countries/countries';
import { formatDate } from '../dates/format-date';
import { choiceKey, EVENT_FORMS, labelKey, type FormField } from '../record/event-forms';

const DATE_FIELDS = new Set(['periodExpiresOn', 'permitExpiresOn', 'departureBy', 'issuedOn', 'expiresOn', 'dateOfBirth', 'grantedOn']);
const STATUS_FIELDS = new Set(['status', 'toStatus']);
const SKIP = new Set(['residentId', 'eventId']);

/** Who an id names: an employer record or a person of the organisation (the id itself when unknown). */
export type NameOf = (kind: 'employer' | 'person', id: string) => string;

/** A field's label: the record form's (fields.*), else the resident page's, else the correction form's, else its code. */
function fieldLabel(key: string, t: TFunction): string {
  for (const prefix of ['fields', 'resident', 'caseActions.fields']) {
    const label = t(`${prefix}.${key}`, { defaultValue: '' });
    if (typeof label === 'string' && label !== '') return label;
  }
  return key;
}

interface Words {
  t: TFunction;
  language: string;
  statusName(code: string): string;
  nameOf: NameOf;
}

/** One field as its form shows it. */
function describeField(field: FormField, value: unknown, words: Words): string {
  const { t, language, statusName, nameOf } = words;
  const label = t(labelKey(field));
  switch (field.kind) {
    case 'card': {
      const card = value as Record<string, unknown>;
      const parts = [`${t('fields.cardNumber')}: ${String(card.number ?? '')}`];
      if (card.expiresOn) parts.push(`${t('fields.cardExpiresOn')}: ${formatDate(String(card.expiresOn), language)}`);
      if (card.kind) parts.push(`${t('fields.cardKind')}: ${t(`options.cardKind.${String(card.kind)}`)}`);
      return parts.join(' / ');
    }
    case 'designation': {
      if (typeof value === 'string') return `${label}: ${t(`facts.options.designationCode.${value}`, { defaultValue: value })}`;
      const given = value as { field?: string; employer?: string; jobCategory?: string };
      const named = given.field ? specifiedField(given.field) : undefined;
      const parts = [`${t('facts.fields.designationField')}: ${named ? (language === 'en' ? named.en : named.ja) : String(given.field)}`];
      if (given.employer) parts.push(`${t('facts.fields.designationEmployer')}: ${nameOf('employer', given.employer)}`);
      if (given.jobCategory) parts.push(`${t('facts.fields.jobCategory')}: ${given.jobCategory}`);
      return parts.join(' / ');
    }
    case 'group':
      return `${label}（${describeFields(field.parts ?? [], value as Record<string, unknown>, words)}）`;
    case 'date':
      return `${label}: ${formatDate(String(value), language)}`;
    case 'status':
      return `${label}: ${statusName(String(value))}`;
    case 'checkbox':
      return value === true ? label : '';
    case 'select':
      return `${label}: ${t(choiceKey(field, String(value)))}`;
    case 'multiselect':
      return `${label}: ${(value as unknown[]).map((code) => t(choiceKey(field, String(code)))).join('、')}`;
    case 'lines':
      return `${label}: ${(value as unknown[]).map(String).join('、')}`;
    case 'employer':
      return `${label}: ${nameOf('employer', String(value))}`;
    case 'person':
      return `${label}: ${nameOf('person', String(value))}`;
    default:
      return `${label}: ${String(value)}`;
  }
}

function describeFields(fields: readonly FormField[], data: Record<string, unknown>, words: Words): string {
  const parts: string[] = [];
  // In the order the form asks (the stored data's key order is the server's), then the rest.
  const rank = (key: string) => {
    const at = fields.findIndex((field) => field.name === key);
    return at === -1 ? fields.length : at;
  };
  const entries = Object.entries(data ?? {}).sort(([a], [b]) => rank(a) - rank(b));
  for (const [key, value] of entries) {
    if (SKIP.has(key) || value === undefined || value === null) continue;
    const field = fields.find((candidate) => candidate.name === key);
    parts.push(field ? describeField(field, value, words) : describeLoose(key, value, words));
  }
  return parts.filter(Boolean).join(' / ');
}

/** A field no form has (the registration's, a correction's): named by the dictionaries. */
function describeLoose(key: string, value: unknown, words: Words): string {
  const { t, language, statusName, nameOf } = words;
  const label = fieldLabel(key, t);
  if (key === 'assignedTo' && typeof value === 'string') return `${t('facts.fields.assignedTo')}: ${nameOf('person', value)}`;
  if (key === 'employer' && typeof value === 'string') return `${t('facts.fields.employer')}: ${nameOf('employer', value)}`;
  if (typeof value === 'string' && DATE_FIELDS.has(key)) return `${label}: ${formatDate(value, language)}`;
  if (typeof value === 'string' && STATUS_FIELDS.has(key)) return `${label}: ${statusName(value)}`;
  if (typeof value === 'string' && key === 'nationality') return `${label}: ${countryName(value, language)}`;
  if (Array.isArray(value))
    return `${label}: ${value.map((v) => t(`options.${key}.${String(v)}`, { defaultValue: String(v) })).join('、')}`;
  if (typeof value === 'boolean') return value ? label : '';
  // A nested record (the corrected registration fields of DetailsCorrected): its own fields, in words.
  if (typeof value === 'object') return describeFields([], value as Record<string, unknown>, words);
  return `${label}: ${t(`options.${key}.${String(value)}`, { defaultValue: String(value) })}`;
}

export function describeEventData(
  data: Record<string, unknown>,
  t: TFunction,
  language: string,
  statusName: (code: string) => string,
  context: { type?: string; nameOf?: NameOf } = {},
): string {
  const words: Words = { t, language, statusName, nameOf: context.nameOf ?? ((_kind, id) => id) };
  return describeFields((context.type && EVENT_FORMS[context.type]) || [], data, words);
}
