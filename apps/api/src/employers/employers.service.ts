/**
 * Employer records of an organisation: every read and write is scoped to the caller's
 * organisation (another organisation's employer is a 404, at the cost of a missing one), and
 * every version is kept in employer_history.
 */
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { inTransaction } from '@zairyu/event-store';
import { employerResidents, ReadModelSeal } from '@zairyu/read-model';
import type { ProjectionHandle } from '../projection/index.js';
import { PG_POOL, PROJECTION } from '../bootstrap/tokens.js';
import { Failure, invalidInput, notFound } from '../failures/failure.js';
import { isUuid } from '../http/query-params.js';
import { checkBody } from '../http/check-body.js';
import { CreateEmployerDto, UpdateEmployerDto } from './employer.dto.js';

export interface Employer {
  id: string;
  name: string;
  corporateNumber: string | null;
  address: string | null;
  contact: unknown;
  filesHelloWork: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface EmployerRow {
  id: string;
  name: string;
  corporate_number: string | null;
  address: string | null;
  contact: unknown;
  files_hello_work: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, corporate_number, address, contact, files_hello_work, version, created_at, updated_at';

/** What a search compares: NFKC (full-width → half-width), lower case, spaces collapsed. */
export function searchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function view(row: EmployerRow): Employer {
  return {
    id: row.id,
    name: row.name,
    corporateNumber: row.corporate_number,
    address: row.address,
    contact: row.contact ?? null,
    filesHelloWork: row.files_hello_work,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const record = (employer: Employer) => ({
  name: employer.name,
  corporateNumber: employer.corporateNumber,
  address: employer.address,
  contact: employer.contact,
  filesHelloWork: employer.filesHelloWork,
});

const numberInUse = (corporateNumber: string) =>
  new Failure('CONFLICT', `An employer with 法人番号 ${corporateNumber} is already on record.`, { code: 'CORPORATE_NUMBER_IN_USE' });

function checked<T extends object>(cls: new () => T, body: unknown): T {
  const { value, errors } = checkBody(cls, body);
  if (errors.length > 0) throw invalidInput('The employer is not valid.', errors);
  return value;
}

@Injectable()
export class EmployersService {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
    private readonly seal: ReadModelSeal,
  ) {}

  async create(organisationId: string, body: unknown, changedBy: string): Promise<Employer> {
    const dto = checked(CreateEmployerDto, body);
    const id = randomUUID();
    return inTransaction(this.pool, async (client) => {
      const rows = await this.insertOrConflict(client, dto.corporateNumber, () =>
        client.query<EmployerRow>(
          `INSERT INTO platform.employer (id, organisation_id, name, search_text, corporate_number, address, contact, files_hello_work, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, 1) RETURNING ${COLUMNS}`,
          [
            id,
            organisationId,
            dto.name,
            searchText(dto.name),
            dto.corporateNumber ?? null,
            dto.address ?? null,
            dto.contact === undefined ? null : JSON.stringify(dto.contact),
            dto.filesHelloWork ?? false,
          ],
        ),
      );
      const employer = view(rows[0]!);
      await this.keepVersion(client, organisationId, employer, changedBy);
      return employer;
    });
  }

  async list(organisationId: string, query: string, page: number, pageSize: number): Promise<{ items: Employer[]; total: number }> {
    const q = searchText(query);
    const { rows } = await this.pool.query<EmployerRow & { total: string }>(
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM platform.employer
       WHERE organisation_id = $1
         AND ($2 = '' OR strpos(search_text, $2) > 0 OR corporate_number LIKE $3 || '%')
       ORDER BY search_text, id LIMIT $4 OFFSET $5`,
      [organisationId, q, q.replace(/[^0-9]/g, '') || '-', pageSize, (page - 1) * pageSize],
    );
    const total = rows.length > 0 ? Number(rows[0]!.total) : await this.count(organisationId, q);
    return { items: rows.map(view), total };
  }

  /** Every employer of the organisation, name and 法人番号 only: an import links its 所属機関 column to them. */
  async directory(organisationId: string): Promise<Array<Pick<Employer, 'id' | 'name' | 'corporateNumber'>>> {
    const { rows } = await this.pool.query<{ id: string; name: string; corporate_number: string | null }>(
      'SELECT id, name, corporate_number FROM platform.employer WHERE organisation_id = $1 ORDER BY created_at, id',
      [organisationId],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, corporateNumber: row.corporate_number }));
  }

  async get(organisationId: string, id: string): Promise<Employer & { residents: Array<{ id: string; fullName: string }> }> {
    const employer = await this.find(this.pool, organisationId, id, false);
    // The residents come from the read model: include every fact written before this read.
    await this.projection.caughtUp(organisationId);
    return { ...employer, residents: await employerResidents(this.pool, this.seal, organisationId, employer.id) };
  }

  async history(organisationId: string, id: string) {
    await this.find(this.pool, organisationId, id, false);
    const { rows } = await this.pool.query<{ version: number; record: unknown; changed_by: string; changed_at: Date }>(
      `SELECT version, record, changed_by, changed_at FROM platform.employer_history
       WHERE employer_id = $1 AND organisation_id = $2 ORDER BY version`,
      [id, organisationId],
    );
    return rows.map((row) => ({
      version: row.version,
      ...(row.record as object),
      changedBy: row.changed_by,
      changedAt: row.changed_at.toISOString(),
    }));
  }

  async update(organisationId: string, id: string, body: unknown, ifMatch: number | null, changedBy: string): Promise<Employer> {
    const dto = checked(UpdateEmployerDto, body);
    const given = body as Record<string, unknown>;
    return inTransaction(this.pool, async (client) => {
      const current = await this.find(client, organisationId, id, true);
      if (ifMatch !== null && ifMatch !== current.version) {
        throw new Failure('STALE_VERSION', `The employer is at version ${current.version}, not ${ifMatch}.`);
      }
      const has = (field: string) => Object.hasOwn(given, field);
      const next = {
        name: dto.name ?? current.name,
        corporateNumber: has('corporateNumber') ? (dto.corporateNumber ?? null) : current.corporateNumber,
        address: has('address') ? (dto.address ?? null) : current.address,
        contact: has('contact') ? (dto.contact ?? null) : current.contact,
        filesHelloWork: dto.filesHelloWork ?? current.filesHelloWork,
      };
      const rows = await this.insertOrConflict(client, next.corporateNumber ?? undefined, () =>
        client.query<EmployerRow>(
          `UPDATE platform.employer SET name = $3, search_text = $4, corporate_number = $5, address = $6, contact = $7::jsonb,
             files_hello_work = $8, version = version + 1, updated_at = now()
           WHERE id = $1 AND organisation_id = $2 RETURNING ${COLUMNS}`,
          [
            id,
            organisationId,
            next.name,
            searchText(next.name),
            next.corporateNumber,
            next.address,
            next.contact === null ? null : JSON.stringify(next.contact),
            next.filesHelloWork,
          ],
        ),
      );
      const employer = view(rows[0]!);
      await this.keepVersion(client, organisationId, employer, changedBy);
      return employer;
    });
  }

  /** One employer of the organisation (404 otherwise). */
  record(organisationId: string, id: string): Promise<Employer> {
    return this.find(this.pool, organisationId, id, false);
  }

  /** The record a fact names, by id or by name as the facts may (docs/ssw-duties.md §2); null when none. */
  async named(organisationId: string, idOrName: string): Promise<Employer | null> {
    const { rows } = await this.pool.query<EmployerRow>(
      `SELECT ${COLUMNS} FROM platform.employer WHERE organisation_id = $1 AND (id::text = lower($2) OR name = $2)
       ORDER BY (id::text = lower($2)) DESC, created_at LIMIT 1`,
      [organisationId, idOrName],
    );
    return rows[0] === undefined ? null : view(rows[0]);
  }

  /** A malformed id names nothing: 404, like another organisation's employer. */
  private async find(db: pg.Pool | pg.PoolClient, organisationId: string, id: string, lock: boolean): Promise<Employer> {
    if (!isUuid(id)) throw notFound('Employer');
    const { rows } = await db.query<EmployerRow>(
      `SELECT ${COLUMNS} FROM platform.employer WHERE id = $1 AND organisation_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [id.toLowerCase(), organisationId],
    );
    if (rows.length === 0) throw notFound('Employer');
    return view(rows[0]!);
  }

  private async count(organisationId: string, q: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM platform.employer
       WHERE organisation_id = $1 AND ($2 = '' OR strpos(search_text, $2) > 0 OR corporate_number LIKE $3 || '%')`,
      [organisationId, q, q.replace(/[^0-9]/g, '') || '-'],
    );
    return Number(rows[0]!.n);
  }

  private async keepVersion(client: pg.PoolClient, organisationId: string, employer: Employer, changedBy: string) {
    await client.query(
      `INSERT INTO platform.employer_history (employer_id, version, organisation_id, record, changed_by) VALUES ($1, $2, $3, $4::jsonb, $5)`,
      [employer.id, employer.version, organisationId, JSON.stringify(record(employer)), changedBy],
    );
  }

  private async insertOrConflict(
    client: pg.PoolClient,
    corporateNumber: string | undefined,
    write: () => Promise<pg.QueryResult<EmployerRow>>,
  ): Promise<EmployerRow[]> {
    await client.query('SAVEPOINT employer_write');
    try {
      return (await write()).rows;
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT employer_write');
      if ((error as { code?: string }).code === '23505' && corporateNumber !== undefined) throw numberInUse(corporateNumber);
      throw error;
    }
  }
}
