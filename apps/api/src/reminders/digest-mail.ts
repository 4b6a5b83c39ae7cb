/**
 * The digest as a mail, in the reader's language. The subject carries only the count (it is
 * shown on lock screens and in mail logs); the body names people, since it goes to the
 * organisation's own staff. Each person links into the web UI.
 */
import { DEADLINE_CATALOGUE, groupByPerson, type Digest, type DigestItem, type DigestReason } from '@zairyu/domain';

export type DigestLanguage = 'ja' | 'en';

const WORDS = {
  ja: {
    subject: (n: number) => `【在留台帳】期限のお知らせ ${n}件`,
    greeting: (name: string) => `${name} 様`,
    intro: '本日お知らせする期限は次のとおりです。',
    reasons: {
      overdue: '期限超過',
      reminder: '期限が近づいています',
      window_opens: '申請受付が始まりました',
      escalation: '【要対応・超過】',
    },
    due: (due: string, days: number) => (days < 0 ? `期限 ${due}(${-days}日超過)` : `期限 ${due}(あと${days}日)`),
    alsoThisWeek: '今後7日以内の期限',
    organisation: '組織の期限',
    open: '開く',
    footer: 'このメールは在留台帳から自動送信されています。通知の設定は「設定」から変更できます。',
  },
  en: {
    subject: (n: number) => `[Zairyu Ledger] ${n} ${n === 1 ? 'deadline needs' : 'deadlines need'} attention`,
    greeting: (name: string) => `Hello ${name},`,
    intro: "Today's deadlines:",
    reasons: { overdue: 'Overdue', reminder: 'Due soon', window_opens: 'Window opens', escalation: '[ESCALATED: overdue]' },
    due: (due: string, days: number) => {
      const n = Math.abs(days);
      return `due ${due} (${n} day${n === 1 ? '' : 's'} ${days < 0 ? 'overdue' : 'left'})`;
    },
    alsoThisWeek: 'Also due in the next 7 days',
    organisation: "The organisation's deadlines",
    open: 'Open',
    footer: 'Sent by Zairyu Ledger. Change what you receive under Settings.',
  },
} as const;

export interface DigestMail {
  subject: string;
  text: string;
}

export function digestMail(digest: Digest, reader: { name: string; language: DigestLanguage }, publicUrl: string): DigestMail {
  const words = WORDS[reader.language];
  const label = (kind: string) =>
    Object.hasOwn(DEADLINE_CATALOGUE, kind) ? DEADLINE_CATALOGUE[kind as keyof typeof DEADLINE_CATALOGUE].label[reader.language] : kind;
  const line = (item: DigestItem) => {
    const reasons = item.reasons.map((reason: DigestReason) => words.reasons[reason]).join(' / ');
    return `  - ${reasons ? `${reasons}: ` : ''}${label(item.deadline.kind)} — ${words.due(item.deadline.dueOn, item.daysLeft)}`;
  };
  const section = (items: readonly DigestItem[]) =>
    groupByPerson(items).flatMap((group) => [
      group.residentId === null ? words.organisation : `${group.residentName ?? ''}`,
      ...group.items.map(line),
      ...(group.residentId === null ? [] : [`  ${words.open}: ${publicUrl}/#/residents/${group.residentId}`]),
      '',
    ]);
  const text = [
    words.greeting(reader.name),
    '',
    words.intro,
    '',
    ...section(digest.items),
    ...(digest.dueThisWeek.length > 0 ? [words.alsoThisWeek, '', ...section(digest.dueThisWeek)] : []),
    words.footer,
  ].join('\n');
  return { subject: words.subject(digest.items.length), text };
}

/**
 * A kept digest's text with one person's name replaced by `mark`, found by their id: each
 * person's lines end with the link to them (`…/#/residents/<id>`), and their name is the line
 * that opens that group. Never by the name's text, which may be part of another person's name
 * ("HOOK PERSON 2" in "HOOK PERSON 20").
 */
export function withoutNameOf(text: string, residentId: string, mark: string): string {
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (!line.startsWith('  ') || !line.endsWith(`/#/residents/${residentId}`)) return;
    let header = index - 1;
    while (header >= 0 && lines[header]!.startsWith('  ')) header -= 1;
    if (header >= 0) lines[header] = mark;
  });
  return lines.join('\n');
}
