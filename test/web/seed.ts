/**
 * A caseload recorded through the API (quick), dated relative to today in Japan so that the
 * board has something overdue, due this week, within 30 and 90 days, and a renewal window.
 */
import { addDays, todayInJapan } from '../../apps/web/src/dates/format-date.js';
import type { Api, Keys } from '../support/api-harness.js';

export const today = todayInJapan();
export const daysAgo = (n: number) => addDays(today, -n);

async function ok(call: PromiseLike<{ status: number; body: unknown }>, expected = 201) {
  const response = await call;
  if (response.status !== expected) throw new Error(`seed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Record<string, unknown>;
}

export interface Seeded {
  ids: string[];
}

/** `count` residents; resident i landed 40 days ago and moved (i * 3) % 40 days ago. */
export async function seedCaseload(api: Api, org: Keys, count: number, prefix = 'Resident'): Promise<Seeded> {
  const ids: string[] = [];
  const one = async (i: number) => {
    const id = await api.register(org.caseworker, {
      fullName: `${prefix} ${String(i).padStart(3, '0')}`,
      dateOfBirth: '1995-05-05',
      nationality: i % 2 ? 'VNM' : 'PHL',
      externalRef: `${prefix}-${i}`,
    });
    const card = `${prefix.slice(0, 2).toUpperCase()}${String(10_000_000 + i * 37).slice(0, 8)}${'AB'}`;
    await ok(
      api.record(org.caseworker, id, 'Landed', daysAgo(40), {
        status: i % 3 === 0 ? 'student' : 'specified_skilled_worker_1',
        periodExpiresOn: addDays(today, 60 + i * 5),
        card: { number: card },
      }),
    );
    await ok(api.record(org.caseworker, id, 'Moved', daysAgo((i * 3) % 40), { address: `Nagoya ${i}` }));
    if (i % 4 === 1)
      await ok(
        api.record(org.caseworker, id, 'AffiliationChanged', daysAgo(5), {
          kind: 'contract',
          change: 'contract_ended',
          organisation: 'Tokai Foods',
        }),
      );
    ids[i] = id;
  };
  for (let start = 0; start < count; start += 8)
    await Promise.all(Array.from({ length: Math.min(8, count - start) }, (_, k) => one(start + k)));
  return { ids };
}
