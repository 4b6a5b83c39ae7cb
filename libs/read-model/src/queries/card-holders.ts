/**
 * Whose card a number is, within one organisation (read_model.card_registry: every number a
 * resident has held), and each resident's current card number. The card's own dates and state
 * are read from the resident's history, as every "as of" is.
 */
import type { DataSource } from 'typeorm';

/** The resident of the organisation who holds or held the card, or null. */
export async function cardHolder(dataSource: DataSource, organisationId: string, cardNumber: string): Promise<string | null> {
  const rows: Array<{ resident_id: string }> = await dataSource.query(
    'SELECT resident_id FROM read_model.card_registry WHERE organisation_id = $1 AND card_number = $2',
    [organisationId, cardNumber],
  );
  return rows[0]?.resident_id ?? null;
}

/** Card number → resident, for every card of the organisation (an import checks its rows against them). */
export async function cardHolders(dataSource: DataSource, organisationId: string): Promise<Map<string, string>> {
  const rows: Array<{ card_number: string; resident_id: string }> = await dataSource.query(
    'SELECT card_number, resident_id FROM read_model.card_registry WHERE organisation_id = $1',
    [organisationId],
  );
  return new Map(rows.map((row) => [row.card_number, row.resident_id]));
}

/** The current card number of each resident who has one (the lists do not carry it). */
export async function currentCardNumbers(
  dataSource: DataSource,
  organisationId: string,
  residentIds: readonly string[],
): Promise<Map<string, string>> {
  if (residentIds.length === 0) return new Map();
  const rows: Array<{ resident_id: string; card_number: string | null }> = await dataSource.query(
    'SELECT resident_id, card_number FROM read_model.resident_summary WHERE organisation_id = $1 AND resident_id = ANY($2::uuid[])',
    [organisationId, residentIds],
  );
  return new Map(rows.filter((row) => row.card_number !== null).map((row) => [row.resident_id, row.card_number!]));
}
