import { expect, test } from '@jest/globals';
import type pg from 'pg';
import { openEventStore } from './open-event-store.js';

// The KurrentDB adapter is imported only when chosen (open-event-store.ts); chosen, it is there.
test('EVENT_STORE=kurrentdb opens the KurrentDB adapter, loaded on demand; without a URL it says what is missing', async () => {
  const unused = {} as pg.Pool;
  const store = await openEventStore({ eventStore: 'kurrentdb', kurrentDbUrl: 'kurrentdb://127.0.0.1:1?tls=false' }, unused);
  expect(store.constructor.name).toBe('KurrentDbEventStore');
  await store.close();
  await expect(openEventStore({ eventStore: 'kurrentdb' }, unused)).rejects.toThrow('EVENT_STORE=kurrentdb needs KURRENTDB_URL.');
});
