/**
 * What the live projector last wrote of each resident's rows, as digests of the unsealed values
 * (in memory only, never stored): a batch then writes only the tables, and the deadline rows,
 * whose digest changed, and an unchanged part of a resident is not sent at all (PostgreSQL no
 * longer parses and compares every touched resident's rows column by column). A resident whose
 * digest is not known is written whole, compared in SQL as before.
 *
 * True only while this projector alone wrote the tables since: projector.ts forgets them all
 * whenever the checkpoint it starts from is not the one it last wrote (another process, a
 * rebuild's swap), and keeps a batch's digests only once its transaction committed.
 */
import { hash } from 'node:crypto';
import type { ResidentRows } from './resident-rows.js';

type Deadline = ResidentRows['deadlines'][number];

/** A summary's columns that are neither sealed nor hashed, changed by most events (a version at least). */
type OpenColumns = Pick<ResidentRows['summary'], 'version' | 'assignedTo' | 'closed' | 'pendingApplication' | 'employer' | 'sswPanel'>;

/**
 * A resident's rows as one short string (memory: a few hundred bytes a resident): the digests of
 * the summary's sealed and hashed part, its status timeline, its open columns, the words and the
 * cards (PART characters each), then each deadline row's id and row digests (ID + ROW characters).
 */
type RowsDigest = string;
const PART = 16;
const ID = 8;
const ROW = 12;
const partAt = (i: number) => [i * PART, (i + 1) * PART] as const;
const [SUMMARY, TIMELINE, OPEN, TOKENS, CARDS] = [partAt(0), partAt(1), partAt(2), partAt(3), partAt(4)];
const DEADLINES = 5 * PART;
const part = (digest: RowsDigest, [from, to]: readonly [number, number]) => digest.slice(from, to);

/** What a batch writes of each table. */
export interface WritePlan {
  /** Per table, the residents (with rows) whose rows are sent: those whose digest is unknown, and those whose part changed. */
  summaries: ResidentRows[];
  /**
   * Summaries of which only the open columns (and the status timeline) changed: updated in place,
   * nothing sealed or hashed again; `timeline` when the status timeline changed too.
   */
  openSummaries: Array<{ rows: ResidentRows; timeline: boolean }>;
  tokens: ResidentRows[];
  cards: ResidentRows[];
  /** Only the deadline rows that are new or changed (all of a resident's whose deadlines are replaced). */
  deadlines: Array<{ rows: ResidentRows; deadline: Deadline }>;
  /**
   * Per table, the residents whose rows there are replaced (those no longer held deleted in SQL):
   * every table of a resident whose digest is unknown, or whose rows are gone or new; the words
   * and cards of one whose words or cards changed; the deadlines of one who lost a deadline row.
   */
  replaced: { summaries: string[]; tokens: string[]; cards: string[]; deadlines: string[] };
  /** The digests to keep once the batch's transaction committed. */
  digests: Map<string, RowsDigest | null>;
}

/** Residents whose digests are kept when the projector is not told otherwise. */
export const DEFAULT_WRITTEN_RESIDENTS = 20_000;

// SHA-1 (the fastest one-shot hash here), cut short: an equality check of one resident's rows, not a seal.
const digestOf = (value: unknown, length = PART) => hash('sha1', JSON.stringify(value), 'base64').slice(0, length);

const OPEN_UNSET: Record<keyof OpenColumns, undefined> = {
  version: undefined,
  assignedTo: undefined,
  closed: undefined,
  pendingApplication: undefined,
  employer: undefined,
  sswPanel: undefined,
};

function openColumnsOf(summary: ResidentRows['summary']): OpenColumns {
  const { version, assignedTo, closed, pendingApplication, employer, sswPanel } = summary;
  return { version, assignedTo, closed, pendingApplication, employer, sswPanel };
}

function rowsDigest(rows: ResidentRows): RowsDigest {
  return [
    digestOf({ ...rows.summary, ...OPEN_UNSET, statusTimeline: undefined }),
    digestOf(rows.summary.statusTimeline),
    digestOf(openColumnsOf(rows.summary)),
    digestOf([rows.summary.organisationId, rows.searchTokens]),
    digestOf([rows.summary.organisationId, rows.cardNumbers]),
    ...rows.deadlines.map((deadline) => digestOf(deadline.id, ID) + digestOf(deadline, ROW)),
  ].join('');
}

/** Each deadline row's digest, by its id's. */
function deadlineDigests(digest: RowsDigest): Map<string, string> {
  const rows = new Map<string, string>();
  for (let at = DEADLINES; at < digest.length; at += ID + ROW) rows.set(digest.slice(at, at + ID), digest.slice(at + ID, at + ID + ROW));
  return rows;
}

export class WrittenRows {
  /** null: the resident is known to have no rows. In order of last write: the first is dropped first. */
  private readonly kept = new Map<string, RowsDigest | null>();

  constructor(private readonly maxResidents = DEFAULT_WRITTEN_RESIDENTS) {}

  /** What to write so that the rows of `residentIds` are exactly `rows` (a resident without rows has none). */
  plan(residentIds: readonly string[], rows: readonly ResidentRows[]): WritePlan {
    const byResident = new Map(rows.map((row) => [row.summary.residentId, row]));
    const plan: WritePlan = {
      summaries: [],
      openSummaries: [],
      tokens: [],
      cards: [],
      deadlines: [],
      replaced: { summaries: [], tokens: [], cards: [], deadlines: [] },
      digests: new Map(),
    };
    for (const residentId of residentIds) {
      const now = byResident.get(residentId) ?? null;
      const old = this.kept.get(residentId);
      const digest = now === null ? null : rowsDigest(now);
      plan.digests.set(residentId, digest);
      if (old === null && now === null) continue;
      if (old === undefined || old === null || now === null || digest === null) {
        for (const replaced of Object.values(plan.replaced)) replaced.push(residentId);
        if (now === null) continue;
        plan.summaries.push(now);
        plan.tokens.push(now);
        plan.cards.push(now);
        for (const deadline of now.deadlines) plan.deadlines.push({ rows: now, deadline });
        continue;
      }
      const changed = (of: readonly [number, number]) => part(digest, of) !== part(old, of);
      if (changed(SUMMARY)) plan.summaries.push(now);
      else if (changed(OPEN) || changed(TIMELINE)) plan.openSummaries.push({ rows: now, timeline: changed(TIMELINE) });
      if (changed(TOKENS)) {
        plan.tokens.push(now);
        plan.replaced.tokens.push(residentId);
      }
      if (changed(CARDS)) {
        plan.cards.push(now);
        plan.replaced.cards.push(residentId);
      }
      if (digest.slice(DEADLINES) === old.slice(DEADLINES)) continue;
      const [before, after] = [deadlineDigests(old), deadlineDigests(digest)];
      if ([...before.keys()].some((id) => !after.has(id))) {
        // A row gone: this resident's deadlines are replaced (compared in SQL), as when unknown.
        plan.replaced.deadlines.push(residentId);
        for (const deadline of now.deadlines) plan.deadlines.push({ rows: now, deadline });
        continue;
      }
      now.deadlines.forEach((deadline, i) => {
        const at = DEADLINES + i * (ID + ROW);
        if (before.get(digest.slice(at, at + ID)) !== digest.slice(at + ID, at + ID + ROW)) plan.deadlines.push({ rows: now, deadline });
      });
    }
    return plan;
  }

  /** Keeps a plan's digests: its rows are committed. */
  remember(plan: WritePlan): void {
    for (const [residentId, digest] of plan.digests) {
      this.kept.delete(residentId);
      this.kept.set(residentId, digest);
    }
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.maxResidents) break;
      this.kept.delete(oldest);
    }
  }

  /** Forgets every digest: the tables may have been written by someone else. */
  forget(): void {
    this.kept.clear();
  }
}
