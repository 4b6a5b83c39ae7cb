/**
 * The contract suite against a real KurrentDB, when KURRENTDB_URL names one (infra/compose.yaml
 * starts a 3-node cluster). Without it, only the version mapping is checked here.
 */
import { describe, expect, test } from '@jest/globals';
import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';
import { toStreamState, versionOfRevision } from './expected-version.js';
import { eventStoreContract } from '../testing/event-store-contract.js';

const url = process.env['KURRENTDB_URL'];

describe('KurrentDB expected-version mapping (versions from 1, revisions from 0)', () => {
  test('maps every expected version', () => {
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState(0)).toBe(NO_STREAM);
    expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
    expect(toStreamState(1)).toBe(0n);
    expect(toStreamState(42)).toBe(41n);
    expect(versionOfRevision(0n)).toBe(1);
  });
});

if (url) {
  eventStoreContract('KurrentDB', async () => {
    const store = KurrentDbEventStore.connect(url);
    return { store, dispose: () => store.close() };
  });
} else {
  process.stdout.write('\nKURRENTDB_URL is not set: the EventStore contract suite ran against PostgreSQL only.\n');
}
