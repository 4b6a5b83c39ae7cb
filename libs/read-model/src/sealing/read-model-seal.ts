/**
 * The personal columns of the read models, kept sealed with the resident's data key (the one
 * its events are sealed with), and the keyed hashes (HMAC with the organisation's key) that
 * search, the card registry and the duplicate check compare instead of the text. Destroying a
 * resident's key (erasure) leaves nothing of the person readable in the rows, nor in the table
 * files and the WAL they were written through. A page of rows is opened with one look-up of
 * keys and one opening per resident, never one per field.
 */
import { DAMAGED_KEY, keyedHash, open, sealSameEachTime, type KeyLookup, type ResidentKeys } from '@zairyu/resident-streams';
import type { ResidentProfile } from '../projection/resident-profile.js';

/** What a summary row holds of the person, sealed as one value. */
export interface PersonalColumns {
  fullName: string;
  dateOfBirth: string;
  gender: string | null;
  externalRef: string | null;
  notes: string | null;
  cardNumber: string | null;
  profile: ResidentProfile;
}

/** Shown for a resident whose sealed row cannot be opened (its key damaged): the page still answers. */
export const UNREADABLE_COLUMNS: PersonalColumns = {
  fullName: '(読み取れません / unreadable)',
  dateOfBirth: '0001-01-01',
  gender: null,
  externalRef: null,
  notes: null,
  cardNumber: null,
  profile: { nameKana: null, nameNative: null, passportNumber: null, passportExpiresOn: null, phone: null, email: null, employer: null },
};

/**
 * How many characters of the lower-cased name the list is ordered by in SQL: the rows of the
 * buckets a page touches are opened and ordered by the whole name in memory. Two characters
 * are all of the name that a row keeps readable.
 */
export const NAME_SORT_LENGTH = 2;

export function nameSortOf(fullName: string): string {
  return [...fullName.toLowerCase()].slice(0, NAME_SORT_LENGTH).join('');
}

/** The list's order: the lower-cased name, then the id (as `ORDER BY lower(full_name), resident_id` in code points). */
export function byName(a: { fullName: string; residentId: string }, b: { fullName: string; residentId: string }): number {
  const [x, y] = [a.fullName.toLowerCase(), b.fullName.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a.residentId < b.residentId ? -1 : a.residentId > b.residentId ? 1 : 0;
}

const bound = (residentId: string) => `read-model:${residentId}`;

export class ReadModelSeal {
  constructor(readonly keys: ResidentKeys) {}

  /** The keyed hash of a text within one organisation. */
  hash(organisationId: string, text: string): string {
    return keyedHash(this.keys.organisationKey(organisationId), text);
  }

  /** The keys to seal these residents' rows with (made if a resident has none yet). */
  keysToSeal(owners: ReadonlyMap<string, string>): Promise<KeyLookup> {
    return this.keys.keysToSeal(owners);
  }

  seal(keys: KeyLookup, residentId: string, columns: PersonalColumns): Buffer {
    const key = keys.get(residentId);
    if (!key || key === DAMAGED_KEY) throw new Error(`No data key to seal the rows of resident ${residentId}`);
    return sealSameEachTime(key, Buffer.from(JSON.stringify(columns), 'utf8'), bound(residentId));
  }

  /** The rows' personal columns, opened: one key look-up for all, one opening per resident; an unreadable one is UNREADABLE_COLUMNS. */
  async open(rows: ReadonlyArray<{ resident_id: string; sealed: Buffer }>): Promise<Map<string, PersonalColumns>> {
    const opened = new Map<string, PersonalColumns>();
    if (rows.length === 0) return opened;
    const keys = await this.keys.keysOf([...new Set(rows.map((row) => row.resident_id))]);
    for (const row of rows) {
      const key = keys.get(row.resident_id);
      let columns = UNREADABLE_COLUMNS;
      if (key && key !== DAMAGED_KEY) {
        try {
          columns = JSON.parse(open(key, row.sealed, bound(row.resident_id)).toString('utf8')) as PersonalColumns;
        } catch {
          columns = UNREADABLE_COLUMNS;
        }
      }
      opened.set(row.resident_id, columns);
    }
    return opened;
  }
}
