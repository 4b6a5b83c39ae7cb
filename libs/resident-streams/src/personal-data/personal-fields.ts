import { DATA_KEEPING, type FieldKeeping } from '@zairyu/domain';

/**
 * Which values of an event's data are personal (architecture "Personal data"): for the domain's
 * event types, the fields its DATA_KEEPING declares sealed (names, contact, card and passport
 * numbers, free text, the employer …); for any other data, the values under these names,
 * wherever they sit (the first rule, kept for data the domain does not declare). They are
 * sealed with the resident's data key before the event is stored, so that destroying the key
 * erases them (crypto-shredding) while the history keeps its types and dates.
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

/**
 * A copy of `data` with every personal value (and nothing else) replaced by `replace(value)`;
 * `type`, when the domain declares it, says which fields are.
 */
export function mapPersonalValues(data: unknown, replace: (value: unknown) => unknown, type?: string): unknown {
  const declared = type !== undefined && Object.hasOwn(DATA_KEEPING, type) ? DATA_KEEPING[type as keyof typeof DATA_KEEPING] : undefined;
  return declared === undefined ? mapByName(data, replace) : mapDeclared(data, declared, replace);
}

function mapDeclared(data: unknown, keeping: FieldKeeping, replace: (value: unknown) => unknown): unknown {
  if (data === undefined || data === null || keeping === 'plain') return data;
  if (keeping === 'sealed') return replace(data);
  if (typeof data !== 'object' || Array.isArray(data)) return data;
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      // A field the declaration does not know (stored before it was declared) is read by the names rule.
      Object.hasOwn(keeping, key)
        ? mapDeclared(value, keeping[key]!, replace)
        : (mapByName({ [key]: value }, replace) as Record<string, unknown>)[key],
    ]),
  );
}

function mapByName(data: unknown, replace: (value: unknown) => unknown): unknown {
  if (Array.isArray(data)) return data.map((item) => mapByName(item, replace));
  if (typeof data !== 'object' || data === null) return data;
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      PERSONAL_FIELDS.has(key) && value !== undefined && value !== null ? replace(value) : mapByName(value, replace),
    ]),
  );
}

export function hasPersonalValues(data: unknown, type?: string): boolean {
  let found = false;
  mapPersonalValues(
    data,
    (value) => {
      found = true;
      return value;
    },
    type,
  );
  return found;
}

/** A copy of `data` with every sealed value, wherever it sits, replaced by `open(value)` (events sealed by any rule, old or new). */
export function mapSealedValues(data: unknown, open: (value: SealedValue) => unknown): unknown {
  if (isSealed(data)) return open(data);
  if (Array.isArray(data)) return data.map((item) => mapSealedValues(item, open));
  if (typeof data !== 'object' || data === null) return data;
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, mapSealedValues(value, open)]));
}

/** Whether a sealed value is left anywhere in `data` (walked without copying: the projector asks it of every event). */
export function holdsSealedValue(data: unknown): boolean {
  if (isSealed(data)) return true;
  if (Array.isArray(data)) return data.some(holdsSealedValue);
  if (typeof data !== 'object' || data === null) return false;
  for (const value of Object.values(data)) if (typeof value === 'object' && value !== null && holdsSealedValue(value)) return true;
  return false;
}
