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

export interface SupportedWorkers {
  employers: Array<{ id: string; name: string }>;
  ids: string[];
}

/**
 * Specified Skilled Workers (特定技能1号) this organisation supports, at two employers on record:
 * worker i landed (20 + 10 i) days ago with a designation naming employer i % 2, and support
 * started that day. So the board holds employers' filings (支援委託契約の届出, 14 days, overdue by
 * now), the organisation's interviews and orientations, and the workers' own notifications.
 */
export async function seedSupportedWorkers(api: Api, org: Keys, count: number): Promise<SupportedWorkers> {
  const employers = [];
  for (const name of ['東海フーズ株式会社', '中部ケア株式会社'])
    employers.push(
      (await ok(api.http.post('/v1/employers').auth(org.caseworker, { type: 'bearer' }).send({ name }))) as { id: string; name: string },
    );
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const employer = employers[i % 2]!;
    const id = await api.register(org.caseworker, {
      fullName: `NGUYEN THI ${String.fromCharCode(65 + i)}`,
      dateOfBirth: '1999-03-03',
      nationality: 'VNM',
      externalRef: `SSW-${i}`,
    });
    const on = daysAgo(20 + 10 * i);
    await ok(
      api.record(org.caseworker, id, 'Landed', on, {
        status: 'specified_skilled_worker_1',
        periodExpiresOn: addDays(on, 365),
        card: { number: `SW${String(30_000_000 + i)}AA` },
        designation: { field: 'food_and_beverage_manufacturing', employer: employer.id },
      }),
    );
    await ok(api.record(org.caseworker, id, 'SupportStarted', on, { employer: employer.id }));
    // Support from the landing day is part of the application (no filing); a change 5 days later
    // is notified by the employer (19条の18①3号), which the board's employer filter shows.
    await ok(api.record(org.caseworker, id, 'SupportContractChanged', addDays(on, 5), { summary: 'fee' }));
    ids.push(id);
  }
  return { employers, ids };
}

/**
 * The organisation's registration as a 登録支援機関 ending on the last day of the month five
 * months from now: its renewal (from the 1st of the month 6 months before the expiry month to the
 * end of the month 4 months before) is open today and due by the end of next month.
 */
export async function registerSupportOrganisation(api: Api, org: Keys): Promise<{ expiresOn: string }> {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const expiresOn = new Date(Date.UTC(year, month - 1 + 6, 0)).toISOString().slice(0, 10);
  await ok(
    api.http
      .patch(`/v1/organisations/${org.organisationId}`)
      .auth(org.manager, { type: 'bearer' })
      .send({ registrationExpiresOn: expiresOn }),
    200,
  );
  return { expiresOn };
}
