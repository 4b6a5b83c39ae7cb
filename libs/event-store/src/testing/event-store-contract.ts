/**
 * The behaviour every EventStore adapter promises, as one suite. Each adapter's spec calls
 * it with a factory for a fresh, empty store.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, StoredEvent } from '../event-store.js';
import { WrongExpectedVersionError } from '../errors.js';
import { comparePositions } from '../global-position.js';
import { planClaim } from '../reservations.js';

export interface StoreUnderTest {
  store: EventStore;
  dispose(): Promise<void>;
}

let run = 0;

export function newEvent(type = 'Moved', data: unknown = { address: 'Tokyo' }, occurredOn = '2026-04-01'): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    occurredOn,
    data,
    metadata: { recordedBy: 'key-1', organisationId: 'org-1', correlationId: randomUUID(), causationId: null },
  };
}

async function expectConflict(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(WrongExpectedVersionError);
}

export function eventStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: EventStore;
    /** A stream name no other test (or earlier run against the same server) uses. */
    const stream = (label: string) => `${label}-${process.pid}-${++run}-${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(() => subject.dispose());

    test('appends several events atomically and reads the stream back in version order with envelopes', async () => {
      const id = stream('resident');
      const events = [newEvent('Landed', { status: 'student' }, '2026-04-01'), newEvent('Moved', { address: 'Tokyo' }, '2026-04-03')];
      const result = await store.append(id, events, 'no_stream');
      expect(result.version).toBe(2);
      const read = await store.readStream(id);
      expect(read.map((e) => [e.version, e.type, e.occurredOn, e.eventId])).toEqual([
        [1, 'Landed', '2026-04-01', events[0]!.eventId],
        [2, 'Moved', '2026-04-03', events[1]!.eventId],
      ]);
      expect(read[0]!.data).toEqual({ status: 'student' });
      expect(read[0]!.metadata).toMatchObject({ recordedBy: 'key-1', organisationId: 'org-1', causationId: null });
      expect(new Date(read[0]!.metadata.recordedAt).getTime()).not.toBeNaN();
      expect(comparePositions(read[0]!.position, read[1]!.position)).toBeLessThan(0);
      expect(comparePositions(read[1]!.position, result.position)).toBe(0);
    });

    test('the head is the position of the last event written', async () => {
      const result = await store.append(stream('head'), [newEvent(), newEvent()], 'no_stream');
      expect(await store.headPosition()).toEqual(result.position);
    });

    test('a missing stream reads as empty', async () => {
      expect(await store.readStream(stream('nobody'))).toEqual([]);
    });

    test('several streams read at once, each whole and in version order', async () => {
      const [a, b, missing] = [stream('a'), stream('b'), stream('missing')];
      await store.append(a, [newEvent(), newEvent()], 'no_stream');
      await store.append(b, [newEvent()], 'no_stream');
      await store.append(a, [newEvent()], 2);
      const streams = await store.readStreams([a, b, missing]);
      expect([...streams.keys()]).toEqual([a, b, missing]);
      expect(streams.get(a)!.map((e) => e.version)).toEqual([1, 2, 3]);
      expect(streams.get(b)!.map((e) => e.version)).toEqual([1]);
      expect(streams.get(missing)).toEqual([]);
    });

    test('expected versions: no_stream, stream_exists, exact, any', async () => {
      const id = stream('resident');
      await expectConflict(store.append(id, [newEvent()], 'stream_exists'));
      await expectConflict(store.append(id, [newEvent()], 3));
      await store.append(id, [newEvent()], 'no_stream');
      await expectConflict(store.append(id, [newEvent()], 'no_stream'));
      await expectConflict(store.append(id, [newEvent()], 2));
      expect((await store.append(id, [newEvent()], 1)).version).toBe(2);
      expect((await store.append(id, [newEvent()], 'stream_exists')).version).toBe(3);
      expect((await store.append(id, [newEvent()], 'any')).version).toBe(4);
      expect((await store.readStream(id)).map((e) => e.version)).toEqual([1, 2, 3, 4]);
    });

    test('a refused append of several events writes none of them', async () => {
      const id = stream('resident');
      await store.append(id, [newEvent()], 'no_stream');
      await expectConflict(store.append(id, [newEvent(), newEvent(), newEvent()], 0));
      expect(await store.readStream(id)).toHaveLength(1);
    });

    test('readAll pages through the global log after an exclusive position', async () => {
      const id = stream('paging');
      await store.append(id, [newEvent(), newEvent(), newEvent()], 'no_stream');
      const all: StoredEvent[] = [];
      let after = null;
      for (;;) {
        const page = await store.readAll(after, 2);
        if (page.length === 0) break;
        all.push(...page);
        after = page.at(-1)!.position;
      }
      const ours = all.filter((e) => e.streamId === id);
      expect(ours.map((e) => e.version)).toEqual([1, 2, 3]);
      for (let i = 1; i < all.length; i++) expect(comparePositions(all[i - 1]!.position, all[i]!.position)).toBeLessThan(0);
    });

    test('50 concurrent appends to one stream with exact expected versions: one winner per version, nothing lost', async () => {
      const id = stream('contended');
      const winsPerVersion = new Map<number, number>();
      const writer = async (n: number) => {
        for (;;) {
          const version = (await store.readStream(id)).length;
          try {
            await store.append(id, [newEvent('Written', { writer: n })], version === 0 ? 'no_stream' : version);
            winsPerVersion.set(version + 1, (winsPerVersion.get(version + 1) ?? 0) + 1);
            return;
          } catch (error) {
            if (!(error instanceof WrongExpectedVersionError)) throw error;
          }
        }
      };
      await Promise.all(Array.from({ length: 50 }, (_, n) => writer(n)));
      const events = await store.readStream(id);
      expect(events.map((e) => e.version)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(new Set(events.map((e) => (e.data as { writer: number }).writer)).size).toBe(50);
      expect([...winsPerVersion.values()].every((wins) => wins === 1)).toBe(true);
      expect(winsPerVersion.size).toBe(50);
    }, 60_000);

    test('50 concurrent writers to different streams are all in the global log, once each, each stream in version order', async () => {
      const prefix = stream('fanout');
      const perWriter = 4;
      const start = await store.headPosition();
      await Promise.all(
        Array.from({ length: 50 }, async (_, n) => {
          for (let i = 0; i < perWriter; i++)
            await store.append(`${prefix}-${n}`, [newEvent('Written', { n, i })], i === 0 ? 'no_stream' : i);
        }),
      );
      const seen: StoredEvent[] = [];
      for (let page = await store.readAll(start, 37); page.length > 0; page = await store.readAll(page.at(-1)!.position, 37))
        seen.push(...page.filter((event) => event.streamId.startsWith(prefix)));

      expect(new Set(seen.map((e) => e.eventId)).size).toBe(50 * perWriter);
      expect(seen).toHaveLength(50 * perWriter);
      for (let n = 0; n < 50; n++) {
        expect(seen.filter((e) => e.streamId === `${prefix}-${n}`).map((e) => e.version)).toEqual([1, 2, 3, 4]);
      }
    }, 60_000);

    test('a stream reads from a version, at most so many events', async () => {
      const id = stream('slice');
      await store.append(id, [newEvent(), newEvent(), newEvent(), newEvent()], 'no_stream');
      expect((await store.readStream(id, { fromVersion: 2, maxCount: 2 })).map((e) => e.version)).toEqual([2, 3]);
      expect((await store.readStream(id, { fromVersion: 4 })).map((e) => e.version)).toEqual([4]);
      expect((await store.readStream(id, { maxCount: 1 })).map((e) => e.version)).toEqual([1]);
      expect(await store.readStream(id, { fromVersion: 5 })).toEqual([]);
    });

    test('an append to several streams writes all of them', async () => {
      const [a, b] = [stream('a'), stream('b')];
      await store.append(a, [newEvent()], 'no_stream');
      const results = await store.appendToStreams([
        { streamId: a, events: [newEvent()], expected: 1 },
        { streamId: b, events: [newEvent(), newEvent()], expected: 'no_stream' },
      ]);
      expect(results.map((result) => result.version)).toEqual([2, 2]);
      expect((await store.readStream(a)).map((e) => e.version)).toEqual([1, 2]);
      expect((await store.readStream(b)).map((e) => e.version)).toEqual([1, 2]);
    });

    test('an append to several streams refused on one stream writes none of them, and names that stream', async () => {
      const [a, b] = [stream('a'), stream('b')];
      await store.append(b, [newEvent()], 'no_stream');
      const refused = store.appendToStreams([
        { streamId: a, events: [newEvent()], expected: 'no_stream' },
        { streamId: b, events: [newEvent()], expected: 'no_stream' },
      ]);
      await expect(refused).rejects.toMatchObject({ name: 'WrongExpectedVersionError', streamId: b });
      expect(await store.readStream(a)).toEqual([]);
      expect(await store.readStream(b)).toHaveLength(1);
    });

    test('an append to several streams that the database rejects (a NUL in the data) writes none of them', async () => {
      const [claimStream, fact] = [stream('card'), stream('resident')];
      await expect(
        store.appendToStreams([
          { streamId: claimStream, events: [newEvent('ReservationClaimed', { owner: fact })], expected: 'no_stream' },
          { streamId: fact, events: [newEvent('Landed', { port: 'Narita\u0000' })], expected: 'no_stream' },
        ]),
      ).rejects.toThrow();
      expect(await store.readStream(claimStream)).toEqual([]);
      expect(await store.readStream(fact)).toEqual([]);
    });

    test('50 concurrent serialised writers of one stream, each reading then appending at the version it read: all succeed', async () => {
      const id = stream('queued');
      const writer = (n: number) =>
        store.serialised(id, async () => {
          const version = (await store.readStream(id)).length;
          return store.append(id, [newEvent('Written', { writer: n })], version === 0 ? 'no_stream' : version);
        });
      const results = await Promise.all(Array.from({ length: 50 }, (_, n) => writer(n)));
      expect(results.map((result) => result.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    }, 60_000);

    /** A claim of `value` for `owner`, appended together with the owner's fact, as the API does. */
    const claimWithFact = async (card: string, owner: string, holds: (holder: string) => Promise<boolean>) => {
      const plan = await planClaim(store, { stream: card, owner, occurredOn: '2026-04-01', metadata: newEvent().metadata, holds });
      if (plan.taken) return { claimed: false as const, owner: plan.owner };
      const fact = { streamId: owner, events: [newEvent('CardIssued', { card: { number: card } })], expected: 'any' as const };
      try {
        await store.appendToStreams(plan.write ? [plan.write, fact] : [fact]);
        return { claimed: true as const };
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) return { claimed: false as const, owner: 'raced' };
        throw error;
      }
    };

    test('two concurrent claims of one card number, each written with its fact: exactly one wins', async () => {
      const card = stream('card-org-1-AB12345678CD');
      const [a, b] = [stream('resident-a'), stream('resident-b')];
      const holds = async (holder: string) => (await store.readStream(holder)).length > 0;
      const results = await Promise.all([claimWithFact(card, a, holds), claimWithFact(card, b, holds)]);
      expect(results.filter((result) => result.claimed)).toHaveLength(1);
      expect((await store.readStream(a)).length + (await store.readStream(b)).length).toBe(1);
      expect(await store.readStream(card)).toHaveLength(1);
    });

    test('a claim whose owner no longer holds the value is taken over, by one of two claimants', async () => {
      const card = stream('card-org-1-ZZ12345678ZZ');
      const gone = stream('resident-gone');
      await store.append(card, [newEvent('ReservationClaimed', { owner: gone })], 'no_stream');
      const [c, d] = [stream('resident-c'), stream('resident-d')];
      const holds = async (holder: string) => holder !== gone && (await store.readStream(holder)).length > 0;
      const results = await Promise.all([claimWithFact(card, c, holds), claimWithFact(card, d, holds)]);
      expect(results.filter((result) => result.claimed)).toHaveLength(1);
      expect(await store.readStream(card)).toHaveLength(2);
    });

    test('a claimant that already holds the value appends nothing to the reservation', async () => {
      const card = stream('card-org-1-HH12345678HH');
      const owner = stream('resident-h');
      const holds = async (holder: string) => (await store.readStream(holder)).length > 0;
      expect(await claimWithFact(card, owner, holds)).toEqual({ claimed: true });
      expect(await claimWithFact(card, owner, holds)).toEqual({ claimed: true });
      expect(await store.readStream(card)).toHaveLength(1);
      expect(await store.readStream(owner)).toHaveLength(2);
    });
  });
}
