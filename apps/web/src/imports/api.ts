/**
 * The 取込・出力 screen's calls: POST /v1/imports (the dry run and the real run) read as the
 * NDJSON progress stream, and the files that go out — the import template and the residents
 * and deadlines exports — fetched with the caller's credentials and saved under the name the
 * server gives (Content-Disposition), so they work with a session or a development key alike.
 */
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiProblem, toProblem, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { caseloadKey } from '../board/api';
import { residentKeys } from '../residents/api';
import { ndjsonLines } from './ndjson';
import { dateStyle } from '../dates/date-style';

/** A row's error or warning: the column as the file headed it and as the template names it, the reason in Japanese too. */
export type ImportIssue = Schemas['ImportRowError'];
/** A row's result: its errors (not imported), warnings (imported, worth a look) and employer match. */
export type ImportRowResult = Schemas['ImportRowResult'];
/** The report: counts, the header row found (below any title row), every row's result. */
export type ImportReport = Schemas['ImportReport'];

export interface Progress {
  processed: number;
  total: number;
}

type Line = ({ type: 'progress' } & Progress) | ({ type: 'report' } & ImportReport) | { type: 'error'; problem: Schemas['Problem'] };

/** Sends the file; `onProgress` hears each batch the server reports. A refused file or a stopped import throws ApiProblem. */
export async function runImport(file: File, dryRun: boolean, onProgress: (progress: Progress) => void): Promise<ImportReport> {
  const body = new FormData();
  body.append('file', file, file.name);
  const { data, error, response } = await api.POST('/v1/imports', {
    params: { query: { dryRun: dryRun ? 'true' : 'false' } },
    body: body as never,
    headers: { Accept: 'application/x-ndjson' },
    parseAs: 'stream',
  });
  if (!response.ok || !data) throw new ApiProblem(toProblem(error, response));
  for await (const raw of ndjsonLines(data as ReadableStream<Uint8Array>)) {
    const line = raw as Line;
    if (line.type === 'progress') onProgress({ processed: line.processed, total: line.total });
    else if (line.type === 'error') throw new ApiProblem(line.problem);
    else {
      const { type: _type, ...report } = line;
      return report;
    }
  }
  throw new ApiProblem({ type: 'about:blank', title: 'No report', status: 502, detail: 'The import ended without a report.' });
}

/** After a real run: every list and every resident the import wrote may have changed. */
export function useAfterImport() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: residentKeys.lists }),
      client.invalidateQueries({ queryKey: caseloadKey }),
      client.invalidateQueries({ queryKey: ['resident'] }),
    ]);
}

export type FileFormat = 'csv' | 'xlsx';
export type ResidentExportFilters = NonNullable<paths['/v1/residents.{format}']['get']['parameters']['query']>;
export type DeadlineExportFilters = NonNullable<paths['/v1/deadlines.{format}']['get']['parameters']['query']>;

/** What can be downloaded from here, with its filters. */
export type Download =
  | { kind: 'template'; format: FileFormat }
  | { kind: 'residents'; format: FileFormat; filters?: ResidentExportFilters }
  | { kind: 'deadlines'; format: FileFormat; filters?: DeadlineExportFilters };

/** The lists go out with their dates as this person reads them (西暦 / 和暦 / both). */
function request(download: Download) {
  const path = { format: download.format };
  const dates = dateStyle();
  switch (download.kind) {
    case 'template':
      return api.GET('/v1/imports/template.{format}', { params: { path }, parseAs: 'blob' });
    case 'residents':
      return api.GET('/v1/residents.{format}', { params: { path, query: { ...download.filters, dates } }, parseAs: 'blob' });
    case 'deadlines':
      return api.GET('/v1/deadlines.{format}', { params: { path, query: { ...download.filters, dates } }, parseAs: 'blob' });
  }
}

/** The file name Content-Disposition gives (`attachment; filename="residents-2026-12-06.csv"`). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/** Fetches the file and hands it to the browser's download, under the server's name. */
export async function saveDownload(download: Download): Promise<void> {
  const { data, error, response } = await request(download);
  if (!response.ok || !(data instanceof Blob)) throw new ApiProblem(toProblem(error, response));
  const url = URL.createObjectURL(data);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameOf(response.headers.get('content-disposition'), `${download.kind}.${download.format}`);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the blob to the download; revoking at once can cancel it in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
