/**
 * The web UI (apps/web, built by Vite to static files) served at `/` by the same server.
 * Client routes (/residents/…, /board, …) answer with index.html so that a reload or a shared
 * link opens the right screen; /v1, /docs and /health are never touched. With no build present
 * the API runs as before (tests of the API alone need no web build).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build:web` writes the UI, from the repository root. */
export const DEFAULT_WEB_ROOT = resolve('apps/web/dist');

const API_PREFIXES = ['/v1', '/docs', '/health'];

function isClientRoute(path: string): boolean {
  if (API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}-`))) return false;
  // A path whose last segment has a dot names a file: a missing file stays a 404.
  return !/\.[^/]*$/.test(path);
}

export async function serveWebApp(fastify: FastifyInstance, root: string = DEFAULT_WEB_ROOT): Promise<boolean> {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  // Encapsulated: @fastify/swagger-ui registers its own copy of @fastify/static.
  await fastify.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // Hashed file names under /assets/ never change; index.html is read anew for each page load.
      setHeaders: (response, path) => {
        if (path.includes('/assets/')) response.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const path = request.url.split('?')[0]!;
    if (!isClientRoute(path)) return;
    const wantsHtml = path === '/' || (request.headers.accept ?? '').includes('text/html');
    if (!wantsHtml) return;
    // Read each time: a rebuild (new hashed asset names) needs no restart.
    const indexHtml = await readFile(indexFile, 'utf8');
    void reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    return reply;
  });
  return true;
}
