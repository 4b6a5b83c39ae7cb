/**
 * One typed client for the API (openapi-fetch over the paths of schema.d.ts). It carries the
 * caller's credentials: the session cookie with its CSRF token on writes, or — in development
 * only — an API key as a bearer token. Errors come back as ApiProblem (problem+json).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import type { Problem } from './views';

export type Credentials = { kind: 'session'; csrfToken: string } | { kind: 'key'; key: string } | null;

let credentials: Credentials = null;

export function setCredentials(next: Credentials): void {
  credentials = next;
}

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const auth: Middleware = {
  onRequest({ request }) {
    if (credentials?.kind === 'key') request.headers.set('Authorization', `Bearer ${credentials.key}`);
    if (credentials?.kind === 'session' && WRITES.has(request.method)) request.headers.set('X-CSRF-Token', credentials.csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', credentials: 'same-origin' });
api.use(auth);

/** The body of a successful answer, or an ApiProblem thrown for an error answer. */
export async function unwrap<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiProblem(toProblem(error, response.status));
  return data as T;
}

function toProblem(body: unknown, status: number): Problem {
  if (typeof body === 'object' && body !== null && 'status' in body) return body as Problem;
  return { status, detail: typeof body === 'string' ? body : undefined };
}
