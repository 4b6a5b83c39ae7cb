/**
 * The employer set-up the employer, export, isolation and OpenAPI tests share: an employer on
 * record (所属機関) and a Specified Skilled Worker (特定技能1号) this organisation supports there.
 */
import type { Api } from './api-harness.js';

export interface EmployerOnRecord {
  id: string;
  name: string;
  corporateNumber: string | null;
  version: number;
}

/** POST /v1/employers as `token`'s organisation; fails the test unless it is created. */
export async function employerOnRecord(api: Api, token: string, body: Record<string, unknown>): Promise<EmployerOnRecord> {
  return (await api.http.post('/v1/employers').auth(token, { type: 'bearer' }).send(body).expect(201)).body;
}

export interface WorkerAt {
  fullName: string;
  dateOfBirth?: string;
  card: string;
  /** The designated field (特定産業分野), e.g. food_service. */
  field: string;
  /** The employer's record id (or a name) on the designation and the support. */
  employer: string;
}

/**
 * Registers a worker who landed on 2026-04-01 as 特定技能1号 until 2029-03-31, with a designation
 * naming the field and employer, and whose support started that day; returns the resident id.
 */
export async function supportedWorker(api: Api, token: string, worker: WorkerAt): Promise<string> {
  const id = await api.register(token, { fullName: worker.fullName, ...(worker.dateOfBirth ? { dateOfBirth: worker.dateOfBirth } : {}) });
  await api
    .record(token, id, 'Landed', '2026-04-01', {
      status: 'specified_skilled_worker_1',
      periodExpiresOn: '2029-03-31',
      card: { number: worker.card },
      designation: { field: worker.field, employer: worker.employer },
    })
    .expect(201);
  await api.record(token, id, 'SupportStarted', '2026-04-01', { employer: worker.employer }).expect(201);
  return id;
}
