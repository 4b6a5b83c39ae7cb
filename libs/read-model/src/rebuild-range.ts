/**
 * What a rebuild's worker thread needs to load its range, apart from the package's index: that
 * index brings TypeORM and every query, 14 MB of a thread's memory it never uses (bench/README.md,
 * "The rebuild in two threads").
 */
export { loadRange, type StreamRange } from './projection/load-by-resident.js';
export { ReadModelSeal } from './sealing/read-model-seal.js';
export { REBUILD_SCHEMA } from './read-model-tables.js';
