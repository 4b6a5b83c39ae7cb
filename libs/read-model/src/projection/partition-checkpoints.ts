/**
 * Where a partition with no checkpoint row yet starts (the partition count was just changed, or a
 * rebuild swapped in tables): after what every partition of some earlier count has projected,
 * else at the start of the log. Only a complete set of rows says that all organisations' events
 * up to its lowest position are in the tables; starting lower than needed only projects again
 * what is there (each resident's rows are made equal to its fold), never skips an event.
 */
import type pg from 'pg';
import { comparePositions, formatPosition, parsePosition, START_OF_LOG, type GlobalPosition } from '@zairyu/event-store';
import type { ReadModelSchema } from '../read-model-tables.js';
import { checkpointName, partitionOfCheckpoint, partitionsOf, type Partition } from './partitions.js';

export async function startingPosition(pool: Pick<pg.Pool, 'query'>, schema: ReadModelSchema, mine: Partition): Promise<GlobalPosition> {
  const { rows } = await pool.query<{ name: string; position: string }>(`SELECT name, position FROM ${schema}.projection_checkpoint`);
  const byCount = new Map<number, GlobalPosition[]>();
  for (const row of rows) {
    const partition = partitionOfCheckpoint(row.name);
    if (partition === null || partition.count === mine.count) continue;
    byCount.set(partition.count, [...(byCount.get(partition.count) ?? []), parsePosition(row.position)]);
  }
  let start = START_OF_LOG;
  for (const [count, positions] of byCount) {
    if (positions.length !== count) continue;
    const lowest = positions.reduce((a, b) => (comparePositions(a, b) <= 0 ? a : b));
    if (comparePositions(lowest, start) > 0) start = lowest;
  }
  return start;
}

/** A rebuilt whole-log checkpoint given to each of `count` partitions, before the swap. */
export async function checkpointEveryPartition(
  client: Pick<pg.Pool, 'query'>,
  schema: ReadModelSchema,
  count: number,
  position: GlobalPosition,
): Promise<void> {
  if (count === 1) return;
  await client.query(
    `INSERT INTO ${schema}.projection_checkpoint (name, position) SELECT unnest($1::text[]), $2
     ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = now()`,
    [partitionsOf(count).map(checkpointName), formatPosition(position)],
  );
}
