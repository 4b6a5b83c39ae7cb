/**
 * 法人番号: 13 digits, the first a check digit over the 12-digit base number (会社法人等番号).
 * 法人番号の指定等に関する省令 (平成26年財務省令第70号) 2条: 9 − ((Σ Pn × Qn) mod 9), where Pn
 * is the n-th digit of the base number counted from its lowest digit and Qn is 1 for odd n,
 * 2 for even n.
 */
export function corporateNumberCheckDigit(baseNumber: string): number {
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(baseNumber[12 - n]);
    sum += digit * (n % 2 === 0 ? 2 : 1);
  }
  return 9 - (sum % 9);
}

export function isCorporateNumber(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[1-9][0-9]{12}$/.test(value)) return false;
  return Number(value[0]) === corporateNumberCheckDigit(value.slice(1));
}
