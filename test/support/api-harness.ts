/**
 * The whole API on a fresh database of the run's real PostgreSQL, with the projector in
 * process, driven over HTTP with supertest.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../apps/api/src/bootstrap/create-app.js';
import { openRuntime, type Runtime, type RuntimeOptions } from '../../apps/api/src/bootstrap/runtime.js';
import type { AppConfig } from '../../apps/api/src/bootstrap/tokens.js';
import { createMigratedTestDatabase, type TestDatabase } from './test-database.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789-abcdefghij';

export interface Keys {
  organisationId: string;
  manager: string;
  caseworker: string;
  viewer: string;
}

/** One key for every process of a test run, so replicas read what others sealed. */
export const TEST_MASTER_KEY = Buffer.alloc(32, 0x5a);

const CHEAP_PASSWORDS = { memoryCost: 1024, timeCost: 1 };

const runtimeOptions = (databaseUrl: string): RuntimeOptions => ({
  databaseUrl,
  eventStore: 'postgres',
  inlineProjector: true,
  poolSize: 10,
  readYourWritesMs: 5000,
  // Not a secret: every test database is thrown away.
  masterKey: TEST_MASTER_KEY,
});

/** The run's template database: every migration, applied once by opening the runtime on it. */
async function migrateOnce(databaseUrl: string): Promise<void> {
  const runtime = await openRuntime({ ...runtimeOptions(databaseUrl), inlineProjector: false });
  await runtime.close();
}

export class Api {
  readonly logs: string[] = [];
  private constructor(
    readonly app: NestFastifyApplication,
    readonly runtime: Runtime,
    private readonly database: TestDatabase,
  ) {}

  /** A second API process on this one's database (as a replica would be). */
  async replica(overrides: Partial<AppConfig> = {}): Promise<Api> {
    return Api.start(overrides, this);
  }

  /**
   * A fresh database; or, given `sharing`, a second API process on that one's database.
   * `runtime` changes how it is opened (`inlineProjector: false`: a process whose read models
   * nobody projects until another process with a projector starts).
   */
  static async start(overrides: Partial<AppConfig> = {}, sharing?: Api, runtime: Partial<RuntimeOptions> = {}): Promise<Api> {
    const database: TestDatabase = sharing
      ? { url: sharing.database.url, drop: async () => undefined }
      : await createMigratedTestDatabase(migrateOnce);
    const opened = await openRuntime({ ...runtimeOptions(database.url), ...runtime });
    const config: AppConfig = {
      port: 0,
      host: '127.0.0.1',
      adminToken: ADMIN_TOKEN,
      bodyLimit: 64 * 1024,
      // The reminder jobs' cron would run on the real clock: reminder tests drive them themselves.
      reminders: { jobs: false },
      ...overrides,
      // A test's passwords guard a database thrown away: argon2's smallest memory, one pass
      // (passwords.spec.ts holds the OWASP default).
      people: { passwordCost: CHEAP_PASSWORDS, ...overrides.people },
    };
    const logs: string[] = [];
    const app = await createApp(opened, config, { log: (line) => logs.push(line) });
    const api = new Api(app, opened, database);
    (api as { logs: string[] }).logs = logs;
    return api;
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  /** An organisation with one key of each role. */
  async organisation(name = 'Sakura Support', kind = 'support_organisation'): Promise<Keys> {
    const created = await this.http.post('/v1/organisations').auth(ADMIN_TOKEN, { type: 'bearer' }).send({ name, kind }).expect(201);
    const key = async (role: string) =>
      (
        await this.http
          .post(`/v1/organisations/${created.body.id}/api-keys`)
          .auth(ADMIN_TOKEN, { type: 'bearer' })
          .send({ label: role, role })
          .expect(201)
      ).body.key as string;
    return {
      organisationId: created.body.id,
      manager: await key('manager'),
      caseworker: await key('caseworker'),
      viewer: await key('viewer'),
    };
  }

  /** Registers the same person as often as a test needs: confirmed past the duplicate check. */
  async register(token: string, body: Record<string, unknown> = {}): Promise<string> {
    const response = await this.http
      .post('/v1/residents?confirm=true')
      .auth(token, { type: 'bearer' })
      .send({ fullName: 'NGUYEN VAN AN', dateOfBirth: '1998-07-21', nationality: 'VNM', ...body })
      .expect(201);
    return response.body.id;
  }

  record(token: string, residentId: string, type: string, occurredOn: string, data: Record<string, unknown> = {}) {
    return this.http.post(`/v1/residents/${residentId}/events`).auth(token, { type: 'bearer' }).send({ type, occurredOn, data });
  }

  async eventCount(): Promise<number> {
    const { rows } = await this.runtime.pool.query("SELECT count(*)::int AS n FROM events WHERE stream_id LIKE 'resident-%'");
    return rows[0].n;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.runtime.close();
    await this.database.drop();
  }
}
