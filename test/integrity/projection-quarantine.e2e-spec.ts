/**
 * One resident's events must never stop the read side of every organisation.
 * A NUL in an imported name made every projection batch fail (PostgreSQL's jsonb takes no NUL; names
 * are now kept sealed, but other texts are not):
 * every tenant's lists waited out their read-your-writes time and went stale, /health said ok,
 * and erasing that resident answered 500. Here one resident's stream is poisoned directly in the
 * store (past the validators that now refuse such input): the projection quarantines it and goes
 * on for everyone else, /health says degraded naming it, the platform admin lists it, and a fix
 * or an erasure projects it again.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { residentStream } from '@zairyu/resident-streams';
import { ADMIN_TOKEN, Api, type Keys } from '../support/api-harness.js';

let api: Api;
let poisoned: Keys;
let other: Keys;

beforeAll(async () => {
  api = await Api.start();
  poisoned = await api.organisation('Poisoned Office');
  other = await api.organisation('Other Office', 'scrivener_office');
});
afterAll(() => api.close());

const metadataOf = (organisationId: string) => ({ recordedBy: 'test', organisationId, correlationId: randomUUID(), causationId: null });

/**
 * A NUL in a value the read model keeps as text, appended through the (sealing) store as an
 * import did before texts were checked. A name no longer does it (the read model keeps names
 * sealed, as bytes): the employer of 特定技能 support is kept as text (support that ended long ago,
 * so that no retention rule holds an erasure). The id of the first event, to retract it.
 */
async function poisonWithNul(organisationId: string, residentId: string): Promise<string> {
  const eventId = randomUUID();
  const stream = residentStream(residentId);
  const version = (await api.runtime.store.readStream(stream)).at(-1)!.version;
  await api.runtime.store.append(
    stream,
    [
      {
        eventId,
        type: 'SupportStarted',
        occurredOn: '2019-04-01',
        data: { employer: 'POISONED\u0000EMPLOYER' },
        metadata: metadataOf(organisationId),
      },
      {
        eventId: randomUUID(),
        type: 'SupportEnded',
        occurredOn: '2019-05-01',
        data: { reason: 'ended' },
        metadata: metadataOf(organisationId),
      },
    ],
    version,
  );
  return eventId;
}

/** An event row written straight into the log whose data the domain cannot fold (a status that is no status). */
async function poisonWithRow(organisationId: string, residentId: string): Promise<void> {
  await api.runtime.pool.query(
    `INSERT INTO events (stream_id, version, event_id, type, occurred_on, data, metadata)
     SELECT $1, max(version) + 1, $2, 'Landed', '2026-04-01', '{"status": 42, "periodExpiresOn": "2027-01-01"}', $3::jsonb
       FROM events WHERE stream_id = $1`,
    [residentStream(residentId), randomUUID(), JSON.stringify(metadataOf(organisationId))],
  );
}

/** A correction whose sealed name is damaged: its bytes open with no key. */
async function poisonWithDamagedSeal(organisationId: string, residentId: string): Promise<void> {
  await api.runtime.pool.query(
    `INSERT INTO events (stream_id, version, event_id, type, occurred_on, data, metadata)
     SELECT $1, max(version) + 1, $2, 'DetailsCorrected', '2026-04-01', $3::jsonb, $4::jsonb
       FROM events WHERE stream_id = $1`,
    [
      residentStream(residentId),
      randomUUID(),
      JSON.stringify({ fields: { fullName: { $sealed: Buffer.alloc(48, 7).toString('base64') } }, reason: 'damaged' }),
      JSON.stringify(metadataOf(organisationId)),
    ],
  );
}

async function names(keys: Keys, query: string): Promise<string[]> {
  const listed = await api.http
    .get(`/v1/residents?query=${encodeURIComponent(query)}`)
    .auth(keys.viewer, { type: 'bearer' })
    .expect(200);
  return listed.body.items.map((item: { fullName: string }) => item.fullName);
}

async function health() {
  return (await api.http.get('/health').expect(200)).body;
}

async function quarantineList() {
  return (await api.http.get('/v1/projection/quarantine').auth(ADMIN_TOKEN, { type: 'bearer' }).expect(200)).body;
}

/** The projection has passed every event written so far (nothing waits on a stuck batch). */
async function caughtUp(): Promise<void> {
  for (let tries = 0; tries < 200 && (await api.runtime.projection.lag()) !== 0; tries++) await new Promise((r) => setTimeout(r, 25));
  expect(await api.runtime.projection.lag()).toBe(0);
}

describe('a resident whose events cannot be projected is quarantined; everyone else is projected', () => {
  test('a NUL in one resident’s text: other organisations’ and the same organisation’s lists stay current; /health is degraded; a correction re-projects it', async () => {
    const victim = await api.register(poisoned.caseworker, { fullName: 'VICTIM ONE' });
    await api.register(other.caseworker, { fullName: 'BEFORE POISON' });
    await caughtUp();
    const poison = await poisonWithNul(poisoned.organisationId, victim);

    // Written after the poison: each list shows it at once (read-your-writes waits for the projection).
    const started = Date.now();
    await api.register(other.caseworker, { fullName: 'AFTER POISON' });
    await api.register(poisoned.caseworker, { fullName: 'NEIGHBOUR AFTER' });
    expect(await names(other, 'AFTER')).toEqual(['AFTER POISON']);
    expect(await names(poisoned, 'NEIGHBOUR')).toEqual(['NEIGHBOUR AFTER']);
    expect(Date.now() - started).toBeLessThan(4000);
    await caughtUp();

    // The quarantined resident keeps its last good rows.
    expect(await names(poisoned, 'VICTIM')).toEqual(['VICTIM ONE']);
    const degraded = await health();
    expect(degraded).toMatchObject({
      status: 'degraded',
      projectionLag: 0,
      quarantined: { total: 1, residents: [{ residentId: victim, version: 3, error: expect.stringContaining('22021') }] },
    });
    // The rows go as typed arrays: PostgreSQL refuses the NUL in a text column (not in a jsonb escape).
    expect(degraded.quarantined.residents[0].error).toContain('invalid byte sequence');
    expect(JSON.stringify(degraded)).not.toContain(poisoned.organisationId);
    const listed = await quarantineList();
    expect(listed).toMatchObject({ total: 1, items: [{ residentId: victim, organisationId: poisoned.organisationId, version: 3 }] });
    // The platform's list, not an organisation's.
    await api.http.get('/v1/projection/quarantine').auth(poisoned.manager, { type: 'bearer' }).expect(403);

    // A later fix projects it again and it leaves the quarantine.
    await api
      .record(poisoned.caseworker, victim, 'DetailsCorrected', '2026-04-02', { fields: { fullName: 'VICTIM FIXED' }, reason: 'typo' })
      .expect(201);
    await api.record(poisoned.caseworker, victim, 'EventRetracted', '2026-04-02', { eventId: poison, reason: 'imported' }).expect(201);
    expect(await names(poisoned, 'VICTIM')).toEqual(['VICTIM FIXED']);
    await caughtUp();
    expect(await health()).toEqual({ status: 'ok', projectionLag: 0 });
    expect(await quarantineList()).toEqual({ total: 0, items: [] });
  });

  test('an event row the domain cannot fold: the rest goes on; erasing that resident answers 200 and clears the quarantine', async () => {
    const victim = await api.register(poisoned.caseworker, { fullName: 'BROKEN ROW' });
    await poisonWithRow(poisoned.organisationId, victim);
    await api.register(other.caseworker, { fullName: 'LATER STILL' });
    expect(await names(other, 'LATER')).toEqual(['LATER STILL']);
    await caughtUp();
    expect(await health()).toMatchObject({ status: 'degraded', quarantined: { residents: [{ residentId: victim, version: 2 }] } });

    const erased = await api.http
      .post(`/v1/residents/${victim}/erasure`)
      .auth(poisoned.manager, { type: 'bearer' })
      .send({ reason: 'recorded_in_error' });
    expect(erased.status).toBe(200);
    await caughtUp();
    expect(await names(poisoned, 'BROKEN')).toEqual([]);
    expect(await health()).toEqual({ status: 'ok', projectionLag: 0 });
  });

  test('erasing a resident quarantined for a NUL in its text answers 200 (the value reaches no text column)', async () => {
    const victim = await api.register(poisoned.caseworker, { fullName: 'NUL TO ERASE' });
    await poisonWithNul(poisoned.organisationId, victim);
    await caughtUp();
    expect((await health()).status).toBe('degraded');
    await api.http
      .post(`/v1/residents/${victim}/erasure`)
      .auth(poisoned.manager, { type: 'bearer' })
      .send({ reason: 'recorded_in_error' })
      .expect(200);
    await caughtUp();
    expect(await health()).toEqual({ status: 'ok', projectionLag: 0 });
    await api.http.get(`/v1/residents/${victim}`).auth(poisoned.viewer, { type: 'bearer' }).expect(410);
  });

  test('a sealed value damaged in the database: the log is still read, that resident alone is quarantined', async () => {
    const victim = await api.register(poisoned.caseworker, { fullName: 'DAMAGED SEAL' });
    await caughtUp();
    await poisonWithDamagedSeal(poisoned.organisationId, victim);
    await api.register(other.caseworker, { fullName: 'PAST DAMAGE' });
    expect(await names(other, 'PAST')).toEqual(['PAST DAMAGE']);
    await caughtUp();
    expect(await health()).toMatchObject({
      status: 'degraded',
      quarantined: { total: 1, residents: [{ residentId: victim, version: null }] },
    });
    // Its last good rows stay.
    expect(await names(poisoned, 'DAMAGED')).toEqual(['DAMAGED SEAL']);
  });
});
