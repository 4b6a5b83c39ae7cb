import { describe, expect, it } from '@jest/globals';
import type { Digest, DigestItem, LocalDate } from '@zairyu/domain';
import { digestMail, withoutNameOf } from './digest-mail.js';

const item = (residentId: string | null, residentName: string | null, kind: string): DigestItem => ({
  deadline: {
    key: `${residentId}:${kind}`,
    residentId,
    residentName,
    assignedTo: null,
    kind,
    createdOn: '2026-01-05' as LocalDate,
    opensOn: null,
    dueOn: '2026-01-19' as LocalDate,
    metOn: null,
    voidOn: null,
  },
  reasons: ['reminder'],
  daysLeft: 10,
});

/** HOOK PERSON 2, then HOOK PERSON 20 … 29, each with two deadlines, and one of the organisation's own. */
const people = [2, ...Array.from({ length: 10 }, (_, i) => 20 + i)].map((n) => ({
  id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
  name: `HOOK PERSON ${n}`,
}));
const digest: Digest = {
  day: '2026-01-09' as LocalDate,
  items: [
    ...people.flatMap(({ id, name }) => [item(id, name, 'residence_notification'), item(id, name, 'period_renewal')]),
    item(null, null, 'registration_renewal'),
  ],
  dueThisWeek: [item(people[0]!.id, people[0]!.name, 'affiliation_notification')],
};

describe('a kept digest forgets one person, found by id', () => {
  for (const language of ['ja', 'en'] as const) {
    it(`replaces only that person's name (${language}), wherever they are listed, and no one else's`, () => {
      const { text } = digestMail(digest, { name: 'Sato', language }, 'https://ledger.example');
      const erased = withoutNameOf(text, people[0]!.id, '(erased)');
      const lines = erased.split('\n');
      expect(lines.filter((line) => line === '(erased)')).toHaveLength(2);
      expect(lines).not.toContain('HOOK PERSON 2');
      for (const { name } of people.slice(1)) expect(lines.filter((line) => line === name)).toHaveLength(1);
      // Only the names changed: the same lines otherwise.
      expect(lines.filter((line) => line !== '(erased)')).toEqual(text.split('\n').filter((line) => line !== 'HOOK PERSON 2'));
      expect(withoutNameOf(text, '00000000-0000-4000-8000-000000000099', '(erased)')).toBe(text);
    });
  }
});
