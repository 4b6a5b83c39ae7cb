/**
 * Lead times as a caseworker types them: "90, 30, 14" (days before the due day, 全角 digits and
 * 、 accepted). Up to 10 whole numbers from 0 to 366, as the API takes; duplicates dropped,
 * largest first (the order reminders go out).
 */
export function parseLeadDays(text: string): number[] | null {
  const parts = text
    .normalize('NFKC')
    .split(/[\s,、]+/)
    .filter((part) => part !== '');
  if (parts.length === 0 || parts.length > 10 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const days = [...new Set(parts.map(Number))];
  if (days.some((day) => day > 366)) return null;
  return days.sort((a, b) => b - a);
}

export function formatLeadDays(days: readonly number[]): string {
  return days.join(', ');
}
