/**
 * What the SSW filing drafts print about the 登録支援機関 itself, as its own papers write them
 * (docs/sources/support-registration-number.md).
 *
 * 登録番号: the number ISA gives at registration and prints in its 登録支援機関登録簿 — two digits
 * for the year of registration (西暦 last two digits, 19 = 2019), 登, a hyphen and six digits:
 * 19登-000123. (reading: the layout is taken from the published register as secondary sources
 * quote it; no 省令 fixes it.) Typed with full-width digits or hyphen (１９登－０００１２３) it is
 * the same number.
 */
const REGISTRATION_NUMBER = /^\d{2}登-\d{6}$/;

/** Full-width digits and hyphens, and the dashes a Japanese keyboard offers, to ASCII. */
function halfWidth(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‐‑‒–—―−ー]/g, '-')
    .trim();
}

/** The number in its ISA form, or null when it is not one. */
export function supportRegistrationNumber(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const number = halfWidth(value);
  return REGISTRATION_NUMBER.test(number) ? number : null;
}

/**
 * A Japanese telephone number as forms write it: 0 then 9 or 10 more digits (10 for a fixed line,
 * 11 for a mobile, IP or 0120 line), hyphens between groups allowed (03-1234-5678), or the same
 * number in brackets (03(1234)5678); the hyphenated form is kept.
 */
export function japanesePhoneNumber(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const phone = halfWidth(value).replace(/^(0\d{1,4})\((\d{1,4})\)(\d{3,4})$/, '$1-$2-$3');
  if (!/^0\d*(-\d+)*$/.test(phone)) return null;
  const digits = phone.replaceAll('-', '').length;
  return digits === 10 || digits === 11 ? phone : null;
}
