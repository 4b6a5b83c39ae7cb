/**
 * The projection split by organisation: partition `index` of `count` projects the events of the
 * organisations whose id hashes to it, from a checkpoint of its own. One partition (the default)
 * is the whole log under the checkpoint name the projection always had, so a database projected
 * before partitions existed carries on where it stood.
 */
import { createHash } from 'node:crypto';

export const RESIDENTS_PROJECTION = 'residents';

export interface Partition {
  readonly index: number;
  readonly count: number;
}

export const WHOLE_LOG: Partition = { index: 0, count: 1 };

/** The most partitions one setting may name: a lease is an advisory lock each. */
export const MAX_PARTITIONS = 256;

/** `PROJECTOR_PARTITIONS`: a whole number from 1 to MAX_PARTITIONS (unset: 1). */
export function partitionCountFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > MAX_PARTITIONS)
    throw new Error(`PROJECTOR_PARTITIONS must be a whole number from 1 to ${MAX_PARTITIONS}, not "${value}"`);
  return count;
}

export function partitionsOf(count: number): Partition[] {
  return Array.from({ length: count }, (_, index) => ({ index, count }));
}

const hashes = new Map<string, number>();

/**
 * The partition of an organisation's events: the first 32 bits of the SHA-256 of its id, modulo
 * `count` — the same in every process and every version. An event that names no organisation
 * goes to partition 0.
 */
export function partitionOf(organisationId: unknown, count: number): number {
  if (count === 1 || typeof organisationId !== 'string' || organisationId === '') return 0;
  let hash = hashes.get(organisationId);
  if (hash === undefined) {
    hash = createHash('sha256').update(organisationId).digest().readUInt32BE(0);
    if (hashes.size >= 10_000) hashes.clear();
    hashes.set(organisationId, hash);
  }
  return hash % count;
}

/** `residents` for the whole log; `residents#2/4` for partition 2 of 4. */
export function checkpointName({ index, count }: Partition): string {
  return count === 1 ? RESIDENTS_PROJECTION : `${RESIDENTS_PROJECTION}#${index}/${count}`;
}

/** The partition a checkpoint row belongs to, or null for a row of another projection. */
export function partitionOfCheckpoint(name: string): Partition | null {
  if (name === RESIDENTS_PROJECTION) return WHOLE_LOG;
  const match = /^residents#(\d+)\/(\d+)$/.exec(name);
  if (!match) return null;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index < count ? { index, count } : null;
}
