/**
 * The query figure's read models, written in the form the projector writes them
 * (libs/read-model projection/resident-rows-writer.ts): each resident has its own data key in
 * `vault.resident_key` (made and wrapped by ResidentKeys.keysToSeal, as a projection does), its
 * personal columns sealed with that key as one value, `name_sort` the first two letters of the
 * name, and its search words (every beginning of every word), card number and person key as
 * keyed hashes with the organisation's key. Sealed values cannot be copied from a template: a
 * value opens only with its resident's key and id. What is not personal (the status timeline,
 * the deadlines) comes from one real projected resident or from SQL, as before the sealing.
 * Nothing else may read or write the tables meanwhile (their indexes are built after the load).
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { cardNumberForm, owedByOf, type DeadlineKind } from '@zairyu/domain';
import {
  nameSortOf,
  personKey,
  residentProfile,
  searchTokens,
  tokenPrefixes,
  type PersonalColumns,
  type ReadModelSeal,
} from '@zairyu/read-model';

const SURNAMES = ['NGUYEN', 'TRAN', 'LE', 'PHAM', 'SANTOS', 'REYES', 'WANG', 'LI', 'SHRESTHA', 'GURUNG'];
const GIVEN_NAMES = ['AN', 'BINH', 'HOA', 'LAN', 'MARIA', 'JOSE', 'WEI', 'NA', 'RAM', 'SITA'];
export const DEADLINE_KINDS: DeadlineKind[] = [
  'period_renewal',
  'residence_notification',
  'address_change_notification',
  'affiliation_notification',
  'card_validity_renewal',
  'reentry',
];
/** Residents sealed and written per statement group: a few MB of arrays each. */
const BATCH = 5_000;

/** The i-th resident of the n-th organisation (i from 1): ten surnames × ten given names, numbered. */
export function benchPerson(n: number, i: number) {
  const dateOfBirth = new Date(Date.UTC(1985, 0, 1 + (i % 5000))).toISOString().slice(0, 10);
  return {
    fullName: `${SURNAMES[i % 10]} ${GIVEN_NAMES[Math.floor(i / 10) % 10]} ${i}`,
    dateOfBirth,
    nationality: 'VNM',
    externalRef: `EXT-${i}`,
    cardNumber: `Q${String.fromCharCode(65 + (n % 26))}${String(i).padStart(8, '0')}ZZ`,
  };
}

/** The columns of each table for one batch, as arrays (one per column) for `unnest`. */
interface Batch {
  summaries: { residentIds: string[]; sealed: Buffer[]; nameSorts: string[]; personKeys: string[] };
  tokens: { residentIds: string[]; tokens: string[] };
  cards: { residentIds: string[]; cardNumbers: string[] };
}

/** Batches written at once, each on its own connection: PostgreSQL works on two while this process seals the next. */
const WRITERS = 2;

/**
 * Seals and hashes `count` residents of one organisation and writes their summary, search-word,
 * card and deadline rows (six deadlines each, due between 2024 and 2029, 40 % met). The hashes
 * of the organisation's words are kept while it is filled: the same HMAC of the same text, made
 * once.
 */
export async function fillSealedOrganisation(
  pool: pg.Pool,
  seal: ReadModelSeal,
  organisationId: string,
  n: number,
  count: number,
  statusTimeline: unknown,
): Promise<void> {
  const hashes = new Map<string, string>();
  const hash = (text: string) => {
    let hashed = hashes.get(text);
    if (hashed === undefined) hashes.set(text, (hashed = seal.hash(organisationId, text)));
    return hashed;
  };
  const timeline = JSON.stringify(statusTimeline);
  const writing = new Set<Promise<void>>();
  for (let first = 1; first <= count; first += BATCH) {
    const people = Array.from({ length: Math.min(BATCH, count - first + 1) }, (_, k) => ({
      residentId: randomUUID(),
      ...benchPerson(n, first + k),
    }));
    const keys = await seal.keysToSeal(new Map(people.map((person) => [person.residentId, organisationId])));
    const batch: Batch = {
      summaries: { residentIds: [], sealed: [], nameSorts: [], personKeys: [] },
      tokens: { residentIds: [], tokens: [] },
      cards: { residentIds: [], cardNumbers: [] },
    };
    for (const person of people) {
      // The fields in the writer's order, so that the sealed bytes are the writer's too.
      const personal: PersonalColumns = {
        fullName: person.fullName,
        dateOfBirth: person.dateOfBirth,
        gender: null,
        externalRef: person.externalRef,
        notes: null,
        cardNumber: person.cardNumber,
        profile: residentProfile({}),
      };
      batch.summaries.residentIds.push(person.residentId);
      batch.summaries.sealed.push(seal.seal(keys, person.residentId, personal));
      batch.summaries.nameSorts.push(nameSortOf(person.fullName));
      batch.summaries.personKeys.push(hash(personKey(person)));
      for (const token of new Set(searchTokens(person).flatMap(tokenPrefixes).map(hash))) {
        batch.tokens.residentIds.push(person.residentId);
        batch.tokens.tokens.push(token);
      }
      batch.cards.residentIds.push(person.residentId);
      batch.cards.cardNumbers.push(hash(cardNumberForm(person.cardNumber)!));
    }
    if (writing.size >= WRITERS) await Promise.race(writing);
    const written: Promise<void> = writeBatch(pool, organisationId, timeline, batch).finally(() => writing.delete(written));
    writing.add(written);
  }
  await Promise.all(writing);
}

async function writeBatch(pool: pg.Pool, organisationId: string, timeline: string, { summaries, tokens, cards }: Batch): Promise<void> {
  await pool.query(
    `INSERT INTO read_model.resident_summary (organisation_id, resident_id, nationality, version, status_timeline, registered_at, sealed, name_sort, person_key)
     SELECT $1, r, 'VNM', 20, $2::jsonb, now(), s, n, p FROM unnest($3::uuid[], $4::bytea[], $5::text[], $6::text[]) AS x(r, s, n, p)`,
    [organisationId, timeline, summaries.residentIds, summaries.sealed, summaries.nameSorts, summaries.personKeys],
  );
  await pool.query(
    `INSERT INTO read_model.resident_search_token (organisation_id, resident_id, token)
     SELECT $1, r, t FROM unnest($2::uuid[], $3::text[]) AS x(r, t)`,
    [organisationId, tokens.residentIds, tokens.tokens],
  );
  await pool.query(
    `INSERT INTO read_model.card_registry (organisation_id, resident_id, card_number)
     SELECT $1, r, c FROM unnest($2::uuid[], $3::text[]) AS x(r, c)`,
    [organisationId, cards.residentIds, cards.cardNumbers],
  );
  // Each deadline named as the domain names it: the event it comes from, and its kind (deadline-book.ts).
  await pool.query(
    `INSERT INTO read_model.deadline (organisation_id, id, resident_id, kind, created_on, opens_on, statutory_due_on, due_on, met_on, void_on, source_event_id, owed_by)
     SELECT $1, source || ':' || kind, r, kind, date '2024-01-01', NULL, due, due, CASE WHEN random() < 0.4 THEN due - 3 END, NULL, source, owed_by
     FROM (SELECT r, k.kind, k.owed_by, gen_random_uuid()::text AS source, date '2024-01-01' + (random() * 1825)::int AS due
           FROM unnest($2::uuid[]) AS r CROSS JOIN unnest($3::text[], $4::text[]) AS k(kind, owed_by)) d`,
    [organisationId, summaries.residentIds, DEADLINE_KINDS, DEADLINE_KINDS.map(owedByOf)],
  );
}
