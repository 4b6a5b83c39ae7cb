/**
 * Which values of an event's data are personal (architecture "Personal data"): names, date of
 * birth, passport, contact, address and free text, wherever they sit in the data (a
 * registration, a correction's `fields`, a move). They are sealed with the resident's data key
 * before the event is stored, so that destroying the key erases them (crypto-shredding) while
 * the history keeps its types and dates.
 */
export const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  'fullName',
  'nameKana',
  'nameNative',
  'dateOfBirth',
  'gender',
  'passportNumber',
  'passportExpiresOn',
  'phone',
  'email',
  'address',
  'notes',
  'note',
]);

/** A sealed value as it is stored: `{ "$sealed": "<base64 of iv, tag and ciphertext>" }`. */
export interface SealedValue {
  readonly $sealed: string;
}

export function isSealed(value: unknown): value is SealedValue {
  return (
    typeof value === 'object' && value !== null && typeof (value as SealedValue).$sealed === 'string' && Object.keys(value).length === 1
  );
}

/** A copy of `data` with every personal value (and nothing else) replaced by `replace(value)`. */
export function mapPersonalValues(data: unknown, replace: (value: unknown) => unknown): unknown {
  if (Array.isArray(data)) return data.map((item) => mapPersonalValues(item, replace));
  if (typeof data !== 'object' || data === null) return data;
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      PERSONAL_FIELDS.has(key) && value !== undefined && value !== null ? replace(value) : mapPersonalValues(value, replace),
    ]),
  );
}

export function hasPersonalValues(data: unknown): boolean {
  let found = false;
  mapPersonalValues(data, (value) => {
    found = true;
    return value;
  });
  return found;
}

/** Whether a sealed value is left anywhere in `data` (walked without copying: the projector asks it of every event). */
export function holdsSealedValue(data: unknown): boolean {
  if (isSealed(data)) return true;
  if (Array.isArray(data)) return data.some(holdsSealedValue);
  if (typeof data !== 'object' || data === null) return false;
  for (const value of Object.values(data)) if (typeof value === 'object' && value !== null && holdsSealedValue(value)) return true;
  return false;
}
