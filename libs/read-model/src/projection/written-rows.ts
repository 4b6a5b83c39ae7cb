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

interface RowsDigest {
  /** The summary's values but the open columns and the status timeline: what is sealed and hashed. */
  summary: string;
  timeline: string;
  open: string;
  tokens: string;
  cards: string;
  /** Each deadline row's digest, by its id. */
  deadlines: Map<string, string>;
}

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
  /** Only the deadline rows that are new or changed … */
  deadlines: Array<{ rows: ResidentRows; deadline: Deadline }>;
  /** … and those gone, of residents whose digest is known. */
  goneDeadlines: Array<{ organisationId: string; residentId: string; id: string }>;
  /**
   * Per table, the residents whose rows there are replaced (those no longer held deleted in SQL):
   * every table of a resident whose digest is unknown, or whose rows are gone or new; the words
   * and cards of one whose words or cards changed.
   */
  replaced: { summaries: string[]; tokens: string[]; cards: string[]; deadlines: string[] };
  /** The digests to keep once the batch's transaction committed. */
  digests: Map<string, RowsDigest | null>;
}

/** Residents whose digests are kept when the projector is not told otherwise. */
export const DEFAULT_WRITTEN_RESIDENTS = 20_000;

// 96 bits of SHA-1 (the fastest one-shot hash here): an equality check of one resident's rows, not a seal.
const digestOf = (value: unknown) => hash('sha1', JSON.stringify(value), 'base64').slice(0, 16);

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
  return {
    summary: digestOf({ ...rows.summary, ...OPEN_UNSET, statusTimeline: undefined }),
    timeline: digestOf(rows.summary.statusTimeline),
    open: digestOf(openColumnsOf(rows.summary)),
    tokens: digestOf([rows.summary.organisationId, rows.searchTokens]),
    cards: digestOf([rows.summary.organisationId, rows.cardNumbers]),
    deadlines: new Map(rows.deadlines.map((deadline) => [deadline.id, digestOf(deadline)])),
  };
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
      goneDeadlines: [],
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
      if (digest.summary !== old.summary) plan.summaries.push(now);
      else if (digest.open !== old.open || digest.timeline !== old.timeline)
        plan.openSummaries.push({ rows: now, timeline: digest.timeline !== old.timeline });
      if (digest.tokens !== old.tokens) {
        plan.tokens.push(now);
        plan.replaced.tokens.push(residentId);
      }
      if (digest.cards !== old.cards) {
        plan.cards.push(now);
        plan.replaced.cards.push(residentId);
      }
      for (const deadline of now.deadlines)
        if (old.deadlines.get(deadline.id) !== digest.deadlines.get(deadline.id)) plan.deadlines.push({ rows: now, deadline });
      for (const id of old.deadlines.keys())
        if (!digest.deadlines.has(id)) plan.goneDeadlines.push({ organisationId: now.summary.organisationId, residentId, id });
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
