/**
 * A security log entry in words: who acted (a person by name, a key, the platform, or nobody
 * known yet) and what happened, with its small details (a new role, a reason, which second
 * factor) in the desk's language. Ids are never shown; a person subject is named when known.
 */
import type { TFunction } from 'i18next';
import { formatTimestamp } from '../dates/format-date';
import type { SecurityEvent } from './api';

export function actorWords(entry: Pick<SecurityEvent, 'actor' | 'actorName'>, t: TFunction): string {
  if (entry.actor === 'anonymous') return t('security.log.anonymous');
  if (entry.actor === 'admin') return t('security.log.admin');
  if (entry.actor.startsWith('key:')) return entry.actorName ? `${t('security.log.key')}「${entry.actorName}」` : t('security.log.key');
  return entry.actorName ?? t('security.log.unknownPerson');
}

const ROLE = (role: unknown, t: TFunction) => t(`settings.roles.${String(role)}`, { defaultValue: String(role) });

/** The details of an entry, each in words; a detail with no words of its own is left out rather than shown raw. */
export function detailWords(entry: Pick<SecurityEvent, 'kind' | 'detail'>, t: TFunction, language: string): string[] {
  const words: string[] = [];
  const known = (key: string) => {
    const text = t(key, { defaultValue: '' });
    if (text) words.push(text);
  };
  for (const [name, value] of Object.entries(entry.detail ?? {})) {
    if (value === null || value === undefined) continue;
    switch (name) {
      case 'secondFactor':
      case 'step':
      case 'format':
      case 'via':
        known(`security.log.details.${name}.${String(value)}`);
        break;
      case 'requireTotp':
        known(`security.log.details.requireTotp.${String(value)}`);
        break;
      case 'from':
        if ('to' in entry.detail) words.push(t('security.log.details.roleChange', { from: ROLE(value, t), to: ROLE(entry.detail.to, t) }));
        break;
      case 'role':
        words.push(t('security.log.details.role', { role: ROLE(value, t) }));
        break;
      case 'reason':
        words.push(
          t('security.log.details.reason', {
            reason: t(`personalData.erasure.reasons.${String(value)}`, { defaultValue: '' }) || t('errors.unknown'),
          }),
        );
        break;
      case 'rows':
        words.push(t('security.log.details.rows', { count: Number(value) }));
        break;
      case 'failingSince':
        words.push(t('security.log.details.failingSince', { date: formatTimestamp(String(value), language) }));
        break;
    }
  }
  return words;
}

/** What happened: the kind, then its details. */
export function whatWords(entry: Pick<SecurityEvent, 'kind' | 'detail'>, t: TFunction, language: string): string {
  const details = detailWords(entry, t, language);
  const kind = t(`security.log.kinds.${entry.kind}`, { defaultValue: t('errors.unknown') });
  if (details.length === 0) return kind;
  return language === 'en' ? `${kind} (${details.join(', ')})` : `${kind}(${details.join('、')})`;
}
