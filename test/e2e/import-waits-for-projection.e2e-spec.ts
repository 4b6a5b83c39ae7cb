/**
 * An import matches its rows against the read models, so it first waits for them to take in
 * every earlier write of the organisation. A file sent while they are still behind (here: no
 * process projects at all) is refused whole with a 409 to send again, in Japanese, rather than
 * having rows already written judged as changed meanwhile; once the projection has caught up
 * the same file imports as unchanged.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';

let unprojected: Api;
let projecting: Api | undefined;
let org: Keys;

const FILE = Buffer.from(
  '\uFEFF管理番号,氏名,生年月日,国籍・地域,在留資格,在留期間満了日,在留カード番号\r\n' +
    'W-1,TRAN THI MAI,1996/4/2,ベトナム,特定技能1号,2027/3/31,AB12345678CD\r\n' +
    'W-2,SANTOS MARIA,平成10年12月1日,フィリピン,技術・人文知識・国際業務,2028/1/15,EF12345678GH\r\n',
);

const upload = (api: Api) =>
  api.http.post('/v1/imports?dryRun=false').auth(org.caseworker, { type: 'bearer' }).attach('file', FILE, 'ledger.csv');

beforeAll(async () => {
  // The only process on its database, with no projector: what it writes stays out of the read models.
  unprojected = await Api.start({ importWaitsForProjectionMs: 300 }, undefined, { inlineProjector: false });
  org = await unprojected.organisation();
});
afterAll(async () => {
  await projecting?.close();
  await unprojected.close();
});

test('a file sent before the read models hold the last import is refused whole, then imports as unchanged', async () => {
  const first = await upload(unprojected).expect(200);
  expect(first.body).toMatchObject({ created: 2, errors: 0 });
  const written = await unprojected.eventCount();

  const behind = await upload(unprojected).expect(409);
  expect(behind.headers['content-type']).toContain('application/problem+json');
  expect(behind.headers['retry-after']).toBe('60');
  expect(behind.body).toMatchObject({ code: 'PROJECTION_BEHIND' });
  expect(behind.body.detailJa).toContain('もう一度ファイルを送ってください');
  expect(await unprojected.eventCount()).toBe(written);

  projecting = await unprojected.replica();
  const again = await upload(unprojected).expect(200);
  expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: 0 });
});
