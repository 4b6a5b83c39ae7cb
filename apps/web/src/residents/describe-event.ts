/** An event's data in words for the history table: statuses by name, dates as dates, codes as labels. */
import type { TFunction } from 'i18next';
import { formatDate } from '../dates/format-date';

const DATE_FIELDS = new Set(['periodExpiresOn', 'permitExpiresOn', 'departureBy', 'issuedOn', 'expiresOn', 'dateOfBirth', 'grantedOn']);
const STATUS_FIELDS = new Set(['status', 'toStatus']);
const SKIP = new Set(['residentId', 'eventId']);

/** A field's label: the record form's (fields.*), else the resident page's, else the correction form's, else its code. */
function fieldLabel(key: string, t: TFunction): string {
  for (const prefix of ['fields', 'resident', 'caseActions.fields']) {
    const label = t(`${prefix}.${key}`, { defaultValue: '' });
    if (typeof label === 'string' && label !== '') return label;
  }
  return key;
}

export function describeEventData(
  data: Record<string, unknown>,
  t: TFunction,
  language: string,
  statusName: (code: string) => string,
): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(data ?? {})) {
    if (SKIP.has(key) || value === undefined || value === null) continue;
    const label = fieldLabel(key, t);
    if (key === 'card' && typeof value === 'object') {
      const card = value as Record<string, unknown>;
      parts.push(`${t('fields.cardNumber')}: ${String(card.number ?? '')}`);
      if (card.expiresOn) parts.push(`${t('fields.cardExpiresOn')}: ${formatDate(String(card.expiresOn), language)}`);
      continue;
    }
    if (typeof value === 'string' && DATE_FIELDS.has(key)) parts.push(`${label}: ${formatDate(value, language)}`);
    else if (typeof value === 'string' && STATUS_FIELDS.has(key)) parts.push(`${label}: ${statusName(value)}`);
    else if (Array.isArray(value))
      parts.push(`${label}: ${value.map((v) => t(`options.${key}.${String(v)}`, { defaultValue: String(v) })).join('、')}`);
    else if (typeof value === 'boolean') parts.push(value ? label : '');
    // A nested record (the corrected registration fields of DetailsCorrected): its own fields, in words.
    else if (typeof value === 'object') parts.push(describeEventData(value as Record<string, unknown>, t, language, statusName));
    else parts.push(`${label}: ${t(`options.${key}.${String(value)}`, { defaultValue: String(value) })}`);
  }
  return parts.filter(Boolean).join(' / ');
}
