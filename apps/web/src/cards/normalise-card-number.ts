/**
 * A residence card number as the API reads it (docs/api-v1.md, 2026-11-23): NFKC, upper case, no
 * spaces or hyphens. `ab 1234-5678 cd` → `AB12345678CD`. Applied as the caseworker types.
 */
export function normaliseCardNumber(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐－ー]/g, '');
}

/** Two letters, eight digits, two letters (在留カード番号). */
export function isCardNumber(value: string): boolean {
  return /^[A-Z]{2}\d{8}[A-Z]{2}$/.test(value);
}
