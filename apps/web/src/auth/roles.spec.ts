import { describe, expect, test } from '@jest/globals';
import { allows } from './roles';

describe('the screens follow the API roles', () => {
  test('a viewer may read, not write; a caseworker may write; only a manager manages', () => {
    expect(allows('viewer', 'viewer')).toBe(true);
    expect(allows('viewer', 'caseworker')).toBe(false);
    expect(allows('caseworker', 'caseworker')).toBe(true);
    expect(allows('caseworker', 'manager')).toBe(false);
    expect(allows('manager', 'caseworker')).toBe(true);
  });
});
