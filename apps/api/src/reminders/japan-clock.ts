/** The day and the time of day in Japan (JST has no daylight saving: UTC+9 all year). */
import { japanDateOf, type LocalDate } from '@zairyu/domain';

export function japanDayAndTime(instant: Date): { day: LocalDate; time: string } {
  const shifted = new Date(instant.getTime() + 9 * 3_600_000);
  return { day: japanDateOf(instant), time: shifted.toISOString().slice(11, 16) };
}
