/**
 * An organisation keeps one enabled manager: two managers who demote or disable each other at
 * the same moment cannot both succeed. Repeated, since a race shows only some of the time.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Api } from '../support/api-harness.js';
import { person } from '../support/people.js';

const TRIALS = 10;
let api: Api;

beforeAll(async () => {
  api = await Api.start({ people: { freeFailuresPerAddress: 1000 } });
});
afterAll(() => api.close());

const enabledManagers = async (organisationId: string) =>
  (
    await api.runtime.pool.query(
      `SELECT count(*)::int AS n FROM platform.app_user WHERE organisation_id = $1 AND role = 'manager' AND disabled_at IS NULL`,
      [organisationId],
    )
  ).rows[0].n as number;

test(`two managers demoting or disabling each other at once: one wins, one gets LAST_MANAGER, one manager is left (${TRIALS} trials)`, async () => {
  for (let trial = 0; trial < TRIALS; trial++) {
    const org = await api.organisation(`Race ${trial}`);
    const [a, b] = [
      await person(api, org.organisationId, org.manager, 'manager'),
      await person(api, org.organisationId, org.manager, 'manager'),
    ];
    const change = trial % 2 === 0 ? { role: 'caseworker' } : { disabled: true };
    const answers = await Promise.all(
      [
        [a, b],
        [b, a],
      ].map(([actor, target]) =>
        actor!.agent.patch(`/v1/organisations/${org.organisationId}/users/${target!.userId}`).set('x-csrf-token', actor!.csrf).send(change),
      ),
    );
    // The loser is refused: LAST_MANAGER, or (when the winner committed before it was even let in)
    // 401 for a manager disabled meanwhile, 403 for one who is a caseworker now.
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    const loser = answers.find((answer) => answer.status !== 200)!;
    expect(['LAST_MANAGER', 401, 403]).toContain(loser.status === 422 ? loser.body.code : loser.status);
    expect(await enabledManagers(org.organisationId)).toBe(1);
  }
});
