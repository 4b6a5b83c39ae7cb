/**
 * Whose card a number is, within one organisation (read_model.card_registry: the keyed hash of
 * every number a resident has held), and each resident's current card number (opened from the
 * sealed summary). The card's own dates and state are read from the resident's history, as
 * every "as of" is.
 */
import type { DataSource } from 'typeorm';
import type { ReadModelSeal } from '../sealing/read-model-seal.js';

/** The resident of the organisation who holds or held the card, or null. */
export async function cardHolder(
  dataSource: DataSource,
  seal: ReadModelSeal,
  organisationId: string,
  cardNumber: string,
): Promise<string | null> {
  const rows: Array<{ resident_id: string }> = await dataSource.query(
    'SELECT resident_id FROM read_model.card_registry WHERE organisation_id = $1 AND card_number = $2',
    [organisationId, seal.hash(organisationId, cardNumber)],
  );
  return rows[0]?.resident_id ?? null;
}

/** Card number → resident, for every card of the organisation (an import checks its rows against them): asked by number. */
export async function cardHolders(
  dataSource: DataSource,
  seal: ReadModelSeal,
  organisationId: string,
): Promise<Pick<ReadonlyMap<string, string>, 'get'>> {
  const rows: Array<{ card_number: string; resident_id: string }> = await dataSource.query(
    'SELECT card_number, resident_id FROM read_model.card_registry WHERE organisation_id = $1',
    [organisationId],
  );
  const byHash = new Map(rows.map((row) => [row.card_number, row.resident_id]));
  return { get: (cardNumber: string) => byHash.get(seal.hash(organisationId, cardNumber)) };
}

/** The current card number of each resident who has one (the lists do not carry it). */
export async function currentCardNumbers(
  dataSource: DataSource,
  seal: ReadModelSeal,
  organisationId: string,
  residentIds: readonly string[],
): Promise<Map<string, string>> {
  if (residentIds.length === 0) return new Map();
  const rows: Array<{ resident_id: string; sealed: Buffer }> = await dataSource.query(
    'SELECT resident_id, sealed FROM read_model.resident_summary WHERE organisation_id = $1 AND resident_id = ANY($2::uuid[])',
    [organisationId, residentIds],
  );
  const opened = await seal.open(rows);
  return new Map([...opened].filter(([, columns]) => columns.cardNumber !== null).map(([id, columns]) => [id, columns.cardNumber!]));
}
