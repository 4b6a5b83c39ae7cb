/**
 * One typed client for the API (openapi-fetch over the paths of schema.d.ts, which
 * `npm run api:types` generates from the API's OpenAPI document). It carries the caller's
 * credentials: the session cookie with its CSRF token on writes, or — in development only — an
 * API key as a bearer token. Errors come back as ApiProblem (problem+json). The calls
 * themselves live in each feature's api.ts.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/** The API's named schemas, as its OpenAPI document describes them. */
export type Schemas = components['schemas'];
/** RFC 9457 problem details, as every error of the API is sent. */
export type Problem = Schemas['Problem'];

export type Credentials = { kind: 'session'; csrfToken: string } | { kind: 'key'; key: string } | null;

let credentials: Credentials = null;

export function setCredentials(next: Credentials): void {
  credentials = next;
}

/** The session's CSRF token ('' without a session): every write sends it, ending the session names it too. */
export function csrfToken(): string {
  return credentials?.kind === 'session' ? credentials.csrfToken : '';
}

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let onSessionEnded: (() => void) | null = null;

/** Told when the server no longer knows the session (idle or absolute expiry, signed out elsewhere, disabled). */
export function whenSessionEnds(listener: (() => void) | null): void {
  onSessionEnded = listener;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (credentials?.kind === 'key') request.headers.set('Authorization', `Bearer ${credentials.key}`);
    if (credentials?.kind === 'session' && WRITES.has(request.method)) request.headers.set('X-CSRF-Token', credentials.csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    // Signing in or out answers 401 about the password or an ended session itself: not an expiry to report.
    if (response.status === 401 && credentials?.kind === 'session' && new URL(request.url).pathname !== '/v1/session') onSessionEnded?.();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', credentials: 'same-origin' });
api.use(auth);

/** The body of a successful answer (typed by the operation), or an ApiProblem thrown for an error answer. */
export async function unwrap<Data>(call: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<Data> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiProblem(toProblem(error, response));
  return data as Data;
}

/** An error answer as a Problem: the API's own, or one made from the status (a proxy's HTML page, a network gateway). */
export function toProblem(body: unknown, response: Response): Problem {
  if (typeof body === 'object' && body !== null && 'status' in body) return body as Problem;
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: typeof body === 'string' ? body : '',
  };
}
