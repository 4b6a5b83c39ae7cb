/** The worker thread of `npm run projections:rebuild` (rebuild.ts): loads its range and says so. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRangeOf, type RangeMessage, type RangeWork } from './rebuild-range.js';

const post = (message: RangeMessage) => parentPort!.postMessage(message);
post({ done: await loadRangeOf(workerData as RangeWork, (events) => post({ events })) });
