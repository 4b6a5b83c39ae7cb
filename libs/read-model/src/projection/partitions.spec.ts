import { describe, expect, test } from '@jest/globals';
import {
  checkpointName,
  partitionCountFrom,
  partitionOf,
  partitionOfCheckpoint,
  partitionsOf,
  RESIDENTS_PROJECTION,
} from './partitions.js';

describe('projection partitions', () => {
  test('an organisation’s partition is the first 32 bits of the SHA-256 of its id, mod the count (worked out with sha256sum)', () => {
    // printf %s 3f0c7a52-… | sha256sum → 58bba1d3… = 1,488,691,667: mod 8 = 3, mod 3 = 2.
    expect(partitionOf('3f0c7a52-1b7e-4c59-9a0e-6f1f8d2b9c41', 8)).toBe(3);
    expect(partitionOf('3f0c7a52-1b7e-4c59-9a0e-6f1f8d2b9c41', 3)).toBe(2);
    // 12b9377c… = 314,128,252: mod 8 = 4, mod 3 = 1.
    expect(partitionOf('00000000-0000-0000-0000-000000000000', 8)).toBe(4);
    expect(partitionOf('00000000-0000-0000-0000-000000000000', 3)).toBe(1);
  });

  test('an event that names no organisation goes to partition 0, and one partition takes everything', () => {
    expect(partitionOf(undefined, 8)).toBe(0);
    expect(partitionOf('', 8)).toBe(0);
    expect(partitionOf(42, 8)).toBe(0);
    expect(partitionOf('3f0c7a52-1b7e-4c59-9a0e-6f1f8d2b9c41', 1)).toBe(0);
  });

  test('one partition keeps the checkpoint name the projection always had; more are named index/count', () => {
    expect(checkpointName({ index: 0, count: 1 })).toBe(RESIDENTS_PROJECTION);
    expect(partitionsOf(3).map(checkpointName)).toEqual(['residents#0/3', 'residents#1/3', 'residents#2/3']);
    expect(partitionOfCheckpoint('residents#2/3')).toEqual({ index: 2, count: 3 });
    expect(partitionOfCheckpoint('residents')).toEqual({ index: 0, count: 1 });
    expect(partitionOfCheckpoint('residents#3/3')).toBeNull();
    expect(partitionOfCheckpoint('employers')).toBeNull();
  });

  test('PROJECTOR_PARTITIONS is 1 when unset, a whole number from 1 to 256 otherwise', () => {
    expect(partitionCountFrom(undefined)).toBe(1);
    expect(partitionCountFrom('')).toBe(1);
    expect(partitionCountFrom('8')).toBe(8);
    for (const bad of ['0', '-1', '2.5', 'two', '257'])
      expect(() => partitionCountFrom(bad)).toThrow(/PROJECTOR_PARTITIONS must be a whole number from 1 to 256/);
  });
});
