/**
 * `npm run start:projector`: the projector as its own process against DATABASE_URL (and
 * KurrentDB when EVENT_STORE=kurrentdb). Several may run; one leads (advisory lock), the
 * others wait and take over.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { createPgPool, openEventStore } from '@zairyu/event-store';
import { masterKeyFrom, ResidentKeys, sealedEventStore } from '@zairyu/resident-streams';
import { openReadModel, Projector, ProjectorLeader } from '@zairyu/read-model';

const say = (message: string) =>
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), service: 'projector', message })}\n`);

async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('Set DATABASE_URL: the projector keeps the read models of that PostgreSQL.');
  const eventStore = process.env['EVENT_STORE'] === 'kurrentdb' ? 'kurrentdb' : 'postgres';
  const pool = createPgPool(databaseUrl, { applicationName: 'zairyu-projector' });
  const { key } = await masterKeyFrom(process.env, resolve(process.env['DATA_DIR'] ?? '.data'));
  const raw = await openEventStore({ eventStore, kurrentDbUrl: process.env['KURRENTDB_URL'] }, pool);
  const store = await sealedEventStore(raw, new ResidentKeys(pool, key));
  const dataSource = await openReadModel(databaseUrl);
  const leader = new ProjectorLeader(pool, new Projector(pool, store), {
    onLeadership: (leading) => say(leading ? 'leading: projecting' : 'waiting for the lock'),
    onError: (error) => say(`error: ${error instanceof Error ? error.message : String(error)}`),
  });
  leader.start();
  say('started');
  const stop = async () => {
    await leader.stop();
    await store.close();
    await dataSource.destroy();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
