/**
 * Starts the parse of an uploaded file in a worker thread (sheet-parser.worker.mjs) and waits
 * for its rows, so that the event loop goes on answering other requests meanwhile. The worker's
 * heap is bounded and its time too: a file that would take more of either is refused (413),
 * and only the worker is ended, never the API.
 */
import { Worker } from 'node:worker_threads';

export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row number a spreadsheet program shows (the header is row 1). */
  row: number;
  cells: Cell[];
  /**
   * Some of the row's bytes were not text in the file's encoding (a malformed Shift_JIS
   * sequence): U+FFFD stands for each in its cells, which are then refused, never stored.
   */
  undecodable?: true;
}

export class UnreadableFile extends Error {
  constructor(
    message: string,
    /** The same in Japanese, for the problem's `detailJa`. */
    readonly messageJa: string,
    /** 400: the file cannot be read; 413: it holds more than one import takes. */
    readonly status: 400 | 413 = 400,
  ) {
    super(message);
  }
}

export interface ParsedSheet {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'shift_jis' | null;
  /** The first rows as they are (CSV: blank records too), for the header search. */
  head: SheetRow[];
  /** The rows after them that hold a value. */
  rest: SheetRow[];
}

const MiB = 1024 * 1024;

/**
 * What an XLSX may inflate to. A caseload of 20,000 rows is some 20 MiB of worksheet XML; the
 * parts of a workbook number about a dozen (more with images or many sheets).
 */
export const XLSX_LIMITS = { entries: 500, entryBytes: 50 * MiB, totalBytes: 100 * MiB };
/** The worker's heap: a legal file of 20,000 rows needs well under half of it. */
const WORKER_HEAP_MB = 256;
const WORKER_TIME_MS = 60_000;

const WORKER_URL = new URL('./sheet-parser.worker.mjs', import.meta.url);

const tooLarge = () =>
  new UnreadableFile('The file takes more than one import may to read.', 'ファイルの読み取りに必要なメモリや時間が上限を超えました。', 413);

/** A cell as the worker sends it: a date as its time, since a cloned Date may be of another realm than this code's. */
type SentCell = Exclude<Cell, Date> | { date: number };
type SentRow = Omit<SheetRow, 'cells'> & { cells: SentCell[] };

const received = (rows: SentRow[]): SheetRow[] =>
  rows.map((row) => ({
    ...row,
    cells: row.cells.map((cell) => (cell !== null && typeof cell === 'object' ? new Date(cell.date) : cell)),
  }));

type WorkerAnswer =
  | { ok: true; format: ParsedSheet['format']; encoding: ParsedSheet['encoding']; head: SentRow[]; rest: SentRow[] }
  | { ok: false; status: 400 | 413; message: string; messageJa: string };

/**
 * Parses running at once in this process: each worker may take its heap, and the machine's cores
 * are few. Imports of other organisations wait their turn here (one per organisation is the lock's).
 */
const PARALLEL_PARSES = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL_PARSES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next === undefined) running--;
    else next(); // the turn passes on: `running` stays as it is
  }
}

export function parseSheet(bytes: Buffer, options: { headRows: number; maxRows: number }): Promise<ParsedSheet> {
  return inTurn(() => parseInWorker(bytes, options));
}

function parseInWorker(bytes: Buffer, options: { headRows: number; maxRows: number }): Promise<ParsedSheet> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { bytes, headRows: options.headRows, maxRows: options.maxRows, zipLimits: XLSX_LIMITS },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: false,
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      // The answer is in: whatever the worker still holds (a stream stopped at the cap) goes with it.
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(tooLarge())), WORKER_TIME_MS);
    worker.once('message', (answer: WorkerAnswer) =>
      settle(() =>
        answer.ok
          ? resolve({ format: answer.format, encoding: answer.encoding, head: received(answer.head), rest: received(answer.rest) })
          : reject(new UnreadableFile(answer.message, answer.messageJa, answer.status)),
      ),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge() : error)),
    );
    worker.once('exit', () => settle(() => reject(new Error('The spreadsheet parser ended without an answer.'))));
  });
}
