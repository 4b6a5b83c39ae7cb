/**
 * First start: the web UI asks GET /v1/setup whether any organisation exists (without
 * credentials, and learning nothing more), and the links of invitations and resets are
 * absolute — PUBLIC_URL when set, else the scheme and host the request came to — so that they
 * work where they are pasted (a mail, a chat).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api, ADMIN_TOKEN } from '../support/api-harness.js';
import { tokenOf } from '../support/people.js';

let api: Api;

beforeAll(async () => {
  api = await Api.start();
});
afterAll(() => api.close());

const TOKEN = /[A-Za-z0-9_-]{43}$/;

describe('first start', () => {
  test('setup is needed until the first organisation exists, and the answer says nothing else', async () => {
    const before = await api.http.get('/v1/setup').expect(200);
    expect(before.body).toEqual({ needed: true });

    const created = await api.http
      .post('/v1/organisations')
      .set('Host', 'desk.sakura.example:8443')
      .auth(ADMIN_TOKEN, { type: 'bearer' })
      .send({ name: 'さくら支援センター', kind: 'support_organisation', firstManager: { name: '佐藤 花子', email: 'hana@sakura.example' } })
      .expect(201);
    // The first manager's link opens the web UI at the host the admin reached.
    expect(created.body.firstManager.inviteUrl).toMatch(new RegExp(`^http://desk\\.sakura\\.example:8443/#/invitations/${TOKEN.source}`));
    await api.http.get(`/v1/invitations/${tokenOf(created.body.firstManager.inviteUrl)}`).expect(200);

    const after = await api.http.get('/v1/setup').expect(200);
    expect(after.body).toEqual({ needed: false });
  });

  test('an invitation and a reset made by a manager are absolute links to the host asked', async () => {
    const org = await api.organisation('Fuji Gyosei', 'scrivener_office');
    const invited = await api.http
      .post(`/v1/organisations/${org.organisationId}/users`)
      .set('Host', 'ledger.fuji.example')
      .auth(org.manager, { type: 'bearer' })
      .send({ name: '田中 ゆき', email: 'yuki@fuji.example', role: 'caseworker' })
      .expect(201);
    expect(invited.body.inviteUrl).toMatch(new RegExp(`^http://ledger\\.fuji\\.example/#/invitations/${TOKEN.source}`));

    const reset = await api.http
      .post(`/v1/organisations/${org.organisationId}/users/${invited.body.id}/reset-access`)
      .set('Host', 'ledger.fuji.example')
      .auth(org.manager, { type: 'bearer' })
      .expect(201);
    expect(reset.body.inviteUrl).toMatch(new RegExp(`^http://ledger\\.fuji\\.example/#/invitations/${TOKEN.source}`));
  });
});

describe('with PUBLIC_URL', () => {
  let configured: Api;
  beforeAll(async () => {
    configured = await Api.start({ people: { publicUrl: 'https://zairyu.sakura.example' } });
  });
  afterAll(() => configured.close());

  test('the link starts with PUBLIC_URL, whatever host the request came to', async () => {
    const created = await configured.http
      .post('/v1/organisations')
      .set('Host', 'internal-10-0-0-7:3000')
      .auth(ADMIN_TOKEN, { type: 'bearer' })
      .send({ name: 'Sakura', kind: 'support_organisation', firstManager: { name: 'Hana', email: 'hana@sakura.example' } })
      .expect(201);
    expect(created.body.firstManager.inviteUrl).toMatch(new RegExp(`^https://zairyu\\.sakura\\.example/#/invitations/${TOKEN.source}`));
  });
});
