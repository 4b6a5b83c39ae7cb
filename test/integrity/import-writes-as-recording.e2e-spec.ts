/**
 * The caseload import writes through the same resident writer as recording: a row that matched
 * a resident is refused whatever recording would refuse, with the same code, and nothing is
 * appended — a full history (RESIDENT_HISTORY_FULL), an erased resident (RESIDENT_ERASED), a
 * resident of another organisation (not found, even when the read model named it). Erasure writes
 * through it too, with the request's correlation id.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { japanDateOf } from '@zairyu/domain';
import { Api, type Keys } from '../support/api-harness.js';

const BOUND = 6;
const today = japanDateOf(new Date());

let api: Api;
let org: Keys;
let other: Keys;

beforeAll(async () => {
  api = await Api.start({ maxEventsPerResident: BOUND });
  org = await api.organisation();
  other = await api.organisation('Other Support');
});
afterAll(() => api.close());

const HEADER = ['externalRef', 'fullName', 'dateOfBirth', 'nationality'];
const csv = (rows: string[][]) => Buffer.from(rows.map((row) => row.join(',')).join('\r\n') + '\r\n');

function upload(rows: string[][], query = '', token = org.caseworker) {
  return api.http
    .post(`/v1/imports${query}`)
    .auth(token, { type: 'bearer' })
    .attach('file', csv([HEADER, ...rows]), 'caseload.csv');
}

async function imported(ref: string, name: string, token = org.caseworker): Promise<string> {
  const report = await upload([[ref, name, '1990-01-01', 'VNM']], '', token).expect(200);
  expect(report.body).toMatchObject({ created: 1, errors: 0 });
  return report.body.results[0].residentId;
}

/** The row's one result, in a dry run and in the real run, and that neither appended anything. */
async function refusedRow(row: string[]) {
  const before = await api.eventCount();
  const dry = await upload([row], '?dryRun=true').expect(200);
  const real = await upload([row]).expect(200);
  expect(await api.eventCount()).toBe(before);
  expect(dry.body.results).toEqual(real.body.results);
  return real.body.results[0];
}

describe('an imported row is refused what recording refuses', () => {
  test(`a resident whose history is full (${BOUND} events) takes no correction: RESIDENT_HISTORY_FULL, as recording answers`, async () => {
    const id = await imported('F-1', 'FULL HISTORY');
    for (let n = 2; n <= BOUND; n++)
      await api
        .record(org.caseworker, id, 'DetailsCorrected', today, { fields: { phone: `+81 90-0000-000${n}` }, reason: 'typo' })
        .expect(201);
    const recorded = await api.record(org.caseworker, id, 'DetailsCorrected', today, {
      fields: { fullName: 'FULL HISTORY TOO' },
      reason: 'typo',
    });
    expect(recorded.body).toMatchObject({ status: 422, code: 'RESIDENT_HISTORY_FULL' });
    expect(await refusedRow(['F-1', 'FULL HISTORY TOO', '1990-01-01', 'VNM'])).toEqual({
      row: 2,
      status: 'error',
      residentId: id,
      errors: [
        {
          column: null,
          columnJa: null,
          field: null,
          message: recorded.body.detail,
          messageJa: 'この在留者の記録が上限に達しています。',
          code: 'RESIDENT_HISTORY_FULL',
        },
      ],
    });
  });

  test("an erased resident (erased with the request's correlation id) is not registered again under the same reference: RESIDENT_ERASED", async () => {
    const id = await imported('E-1', 'ERASED PERSON');
    await api.http
      .post(`/v1/residents/${id}/erasure`)
      .auth(org.manager, { type: 'bearer' })
      .set('x-correlation-id', 'erasure-request-1')
      .send({ reason: 'data_subject_request' })
      .expect(200);
    // The erasure is written like any fact: its metadata names the request it came from.
    const { rows } = await api.runtime.pool.query(
      "SELECT metadata->>'correlationId' AS correlation FROM events WHERE stream_id = $1 AND type = 'PersonalDataErased'",
      [`resident-${id}`],
    );
    expect(rows).toEqual([{ correlation: 'erasure-request-1' }]);
    const recorded = await api.record(org.caseworker, id, 'Moved', today, { address: 'Tokyo' }).expect(410);
    expect(await refusedRow(['E-1', 'ERASED PERSON', '1990-01-01', 'VNM'])).toEqual({
      row: 2,
      status: 'error',
      residentId: id,
      errors: [
        {
          column: null,
          columnJa: null,
          field: null,
          message: recorded.body.detail,
          messageJa: 'この在留者の個人データは消去済みです。',
          code: 'RESIDENT_ERASED',
        },
      ],
    });
  });

  test('a resident of another organisation is not found, even when the read model names it for this one', async () => {
    const theirs = await imported('O-1', 'THEIR PERSON', other.caseworker);
    const recorded = await api.record(org.caseworker, theirs, 'Moved', today, { address: 'Tokyo' }).expect(404);
    // A read model gone wrong (once the projection has caught up): their resident listed as ours.
    await api.http.get('/v1/residents').auth(other.viewer, { type: 'bearer' }).expect(200);
    await api.runtime.pool.query('UPDATE read_model.resident_summary SET organisation_id = $1 WHERE resident_id = $2', [
      org.organisationId,
      theirs,
    ]);
    expect(await refusedRow(['O-1', 'THEIR PERSON RENAMED', '1990-01-01', 'VNM'])).toEqual({
      row: 2,
      status: 'error',
      residentId: theirs,
      errors: [{ column: null, columnJa: null, field: null, message: recorded.body.detail, messageJa: '在留者が見つかりません。' }],
    });
  });
});
