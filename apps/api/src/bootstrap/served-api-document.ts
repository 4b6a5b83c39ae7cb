/**
 * The OpenAPI document exactly as a default start serves it at /docs-json, without a running
 * API: a throwaway embedded PostgreSQL, the app on it, one request, everything stopped. The web
 * UI's types are generated from it (apps/web/scripts/api-types.mjs), and CI checks that the
 * checked-in ones still match it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedAppUrl, startEmbeddedPostgres } from '@zairyu/event-store';
import { masterKeyFrom } from '@zairyu/resident-streams';
import { createApp } from './create-app.js';
import { readEnvironment } from './environment.js';
import { openRuntime } from './runtime.js';

export async function servedApiDocument(): Promise<unknown> {
  const dataDir = await mkdtemp(join(tmpdir(), 'zairyu-openapi-'));
  try {
    const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), persistent: false });
    try {
      // No environment: the document of the no-configuration start, whoever runs this.
      const env = readEnvironment({});
      const runtime = await openRuntime({
        databaseUrl: await embeddedAppUrl(postgres),
        eventStore: 'postgres',
        inlineProjector: false,
        masterKey: (await masterKeyFrom({}, dataDir)).key,
      });
      try {
        const app = await createApp(runtime, env, { webRoot: null, log: () => undefined });
        try {
          const answer = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/docs-json' });
          if (answer.statusCode !== 200) throw new Error(`/docs-json answered ${answer.statusCode}`);
          return answer.json();
        } finally {
          await app.close();
        }
      } finally {
        await runtime.close();
      }
    } finally {
      await postgres.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
