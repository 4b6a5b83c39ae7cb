/**
 * The caseload's deadlines that the board can show as of a date: everything not yet met and
 * due within 90 days (and every overdue one), read page by page (200 a page) from
 * GET /v1/deadlines. Filters are applied in the browser, so a filter change never reloads.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Deadline, Paged } from '../api/views';
import { addDays } from '../dates/format-date';

const PAGE = 200;

async function page(asOf: string, number: number): Promise<Paged<Deadline>> {
  return unwrap<Paged<Deadline>>(
    api.GET('/v1/deadlines', {
      params: { query: { asOf, to: addDays(asOf, 120), state: 'open,overdue,upcoming', page: number, pageSize: PAGE } },
    }),
  );
}

export function useCaseload(asOf: string) {
  return useQuery({
    queryKey: ['caseload', asOf],
    queryFn: async () => {
      const first = await page(asOf, 1);
      const pages = Math.ceil(first.total / PAGE);
      const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(asOf, i + 2)));
      return [first, ...rest].flatMap((p) => p.items);
    },
  });
}
