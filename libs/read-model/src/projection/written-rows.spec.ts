import { describe, expect, test } from '@jest/globals';
import type { ResidentRows } from './resident-rows.js';
import { WrittenRows } from './written-rows.js';

const ORG = '00000000-0000-4000-8000-000000000001';
const A = '00000000-0000-4000-8000-0000000000aa';
const B = '00000000-0000-4000-8000-0000000000bb';

function rowsOf(residentId: string, change: Partial<ResidentRows['summary']> = {}, more: Partial<ResidentRows> = {}): ResidentRows {
  return {
    summary: {
      organisationId: ORG,
      residentId,
      fullName: 'NGUYEN VAN AN',
      dateOfBirth: '1998-02-28',
      nationality: 'VNM',
      gender: null,
      externalRef: null,
      notes: null,
      version: 3,
      cardNumber: 'AB12345678CD',
      statusTimeline: [{ from: '2024-04-01', status: 'SSW-1' } as never],
      registeredAt: '2026-11-23T00:00:00.000Z',
      profile: {
        nameKana: null,
        nameNative: null,
        passportNumber: null,
        passportExpiresOn: null,
        phone: null,
        email: null,
        employer: null,
      },
      assignedTo: null,
      nameKey: 'an nguyen van',
      closed: false,
      pendingApplication: null,
      employer: null,
      sswPanel: null,
      ...change,
    },
    searchTokens: ['nguyen', 'van', 'an'],
    cardNumbers: ['AB12345678CD'],
    deadlines: [deadline('d1', '2026-12-14'), deadline('d2', '2027-03-31')],
    ...more,
  };
}

function deadline(id: string, dueOn: string): ResidentRows['deadlines'][number] {
  return {
    id,
    kind: 'residence-notification',
    createdOn: '2026-11-30',
    opensOn: null,
    statutoryDueOn: dueOn,
    dueOn,
    metOn: null,
    voidOn: null,
    sourceEventId: `e-${id}`,
    owedBy: 'resident',
    employer: null,
  };
}

/** Who is sent to each table, by resident id (and deadline id). */
function sent(plan: ReturnType<WrittenRows['plan']>) {
  const ids = (rows: readonly ResidentRows[]) => rows.map((row) => row.summary.residentId);
  return {
    summaries: ids(plan.summaries),
    open: plan.openSummaries.map(({ rows, timeline }) => `${rows.summary.residentId}${timeline ? '+timeline' : ''}`),
    tokens: ids(plan.tokens),
    cards: ids(plan.cards),
    deadlines: plan.deadlines.map(({ deadline }) => deadline.id),
    replaced: plan.replaced,
  };
}

function writtenOnce(...rows: ResidentRows[]): WrittenRows {
  const written = new WrittenRows();
  written.remember(
    written.plan(
      rows.map((row) => row.summary.residentId),
      rows,
    ),
  );
  return written;
}

describe('the rows a batch sends, given what the projector last wrote', () => {
  test('a resident never written here is sent whole, every table replaced (compared in SQL)', () => {
    expect(sent(new WrittenRows().plan([A], [rowsOf(A)]))).toEqual({
      summaries: [A],
      open: [],
      tokens: [A],
      cards: [A],
      deadlines: ['d1', 'd2'],
      replaced: { summaries: [A], tokens: [A], cards: [A], deadlines: [A] },
    });
  });

  test('a resident whose rows did not change sends nothing at all', () => {
    const empty = {
      summaries: [],
      open: [],
      tokens: [],
      cards: [],
      deadlines: [],
      replaced: { summaries: [], tokens: [], cards: [], deadlines: [] },
    };
    expect(sent(writtenOnce(rowsOf(A)).plan([A], [rowsOf(A)]))).toEqual(empty);
  });

  test('a new version alone updates the open columns only; a changed status timeline goes with them', () => {
    const written = writtenOnce(rowsOf(A), rowsOf(B));
    const timeline = [{ from: '2024-04-01', status: 'SSW-2' } as never];
    const plan = sent(written.plan([A, B], [rowsOf(A, { version: 4 }), rowsOf(B, { version: 4, statusTimeline: timeline })]));
    expect(plan.open).toEqual([A, `${B}+timeline`]);
    expect([plan.summaries, plan.tokens, plan.cards, plan.deadlines]).toEqual([[], [], [], []]);
  });

  test('a corrected name re-seals the summary and replaces the words; cards and deadlines are not sent', () => {
    const plan = sent(
      writtenOnce(rowsOf(A)).plan([A], [{ ...rowsOf(A, { fullName: 'NGUYEN VAN BINH' }), searchTokens: ['nguyen', 'van', 'binh'] }]),
    );
    expect(plan).toMatchObject({ summaries: [A], open: [], tokens: [A], cards: [], deadlines: [] });
    expect(plan.replaced).toEqual({ summaries: [], tokens: [A], cards: [], deadlines: [] });
  });

  test('only the deadline rows that are new or changed are sent', () => {
    const later = rowsOf(A, {}, { deadlines: [deadline('d1', '2026-12-15'), deadline('d2', '2027-03-31'), deadline('d3', '2027-01-04')] });
    const plan = sent(writtenOnce(rowsOf(A)).plan([A], [later]));
    expect(plan).toMatchObject({ deadlines: ['d1', 'd3'] });
    expect(plan.replaced.deadlines).toEqual([]);
  });

  test('a resident who lost a deadline row has its deadlines replaced: all its rows sent, the one gone deleted in SQL', () => {
    const later = rowsOf(A, {}, { deadlines: [deadline('d1', '2026-12-14')] });
    const plan = sent(writtenOnce(rowsOf(A)).plan([A], [later]));
    expect(plan).toMatchObject({ deadlines: ['d1'] });
    expect(plan.replaced.deadlines).toEqual([A]);
  });

  test('a resident whose rows are gone (erased) has every table replaced by nothing; once known empty, nothing is sent again', () => {
    const written = writtenOnce(rowsOf(A));
    const erased = written.plan([A], []);
    expect(erased.replaced).toEqual({ summaries: [A], tokens: [A], cards: [A], deadlines: [A] });
    written.remember(erased);
    expect(written.plan([A], []).replaced).toEqual({ summaries: [], tokens: [], cards: [], deadlines: [] });
  });

  test('digests are kept only once remembered (the batch committed), and all go when forgotten', () => {
    const written = new WrittenRows();
    written.plan([A], [rowsOf(A)]);
    expect(written.plan([A], [rowsOf(A)]).replaced.summaries).toEqual([A]);
    written.remember(written.plan([A], [rowsOf(A)]));
    written.forget();
    expect(written.plan([A], [rowsOf(A)]).replaced.summaries).toEqual([A]);
  });

  test('bounded: the least recently written resident is forgotten first', () => {
    const written = new WrittenRows(1);
    written.remember(written.plan([A], [rowsOf(A)]));
    written.remember(written.plan([B], [rowsOf(B)]));
    expect(written.plan([A, B], [rowsOf(A), rowsOf(B)]).replaced.summaries).toEqual([A]);
  });
});
