/** This month and the next, as calendar dates (YYYY-MM-DD, Japan's calendar). */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function addMonths(day: string, months: number): string {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 + months];
  const shifted = new Date(Date.UTC(year, month, 1));
  return `${shifted.toISOString().slice(0, 7)}-01`;
}

export function monthEnd(day: string): string {
  const next = new Date(`${addMonths(day, 1)}T00:00:00Z`);
  next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}
