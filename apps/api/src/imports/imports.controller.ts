/**
 * `POST /v1/imports?dryRun=true|false` with one CSV or XLSX file (multipart/form-data, any
 * field name; a second file or a field beside it is a 400). The answer is the per-row report as JSON; a client that sends
 * `Accept: application/x-ndjson` gets progress lines first (`{"type":"progress","processed",
 * "total"}` after each batch of rows) and the report last (`{"type":"report", …}`), so a
 * large file shows how far it has come. One import runs at a time per organisation (import-lock.ts:
 * another meanwhile is a 409); the file is read in a worker thread, within limits (sheet-parser.ts).
 */
import { Controller, Get, Headers, HttpCode, Inject, Param, Post, Query as QueryParam, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OrgKey, RequiresRole } from '../auth/access.decorators.js';
import type { OrganisationCaller } from '../auth/principal.js';
import { APP_CONFIG, CLOCK, type AppConfig, type Clock } from '../bootstrap/tokens.js';
import { japanDateOf, type FieldError } from '@zairyu/domain';
import { Failure } from '../failures/failure.js';
import { problem } from '../http/problem.js';
import { correlationIdOf } from '../http/request-log.js';
import { toProblem } from '../http/problem-filter.js';
import { ALWAYS, ApiProblems, AUTHENTICATED } from '../openapi/api-problems.decorator.js';
import { ref } from '../openapi/schema-ref.js';
import { CaseloadImport, MAX_IMPORT_ROWS, type ImportReport } from './caseload-import.service.js';
import { ImportLock } from './import-lock.js';
import { CONTENT_TYPES, spreadsheetStream } from '../exports/index.js';
import { importExample, IMPORT_FIELDS, IMPORT_TEMPLATE } from './import-template.js';
import { readSpreadsheet, UnreadableFile } from './spreadsheet-file.js';

/** 10 MiB: some 60,000 rows of CSV. */
export const DEFAULT_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** A refusal of the file or a parameter, with its Japanese (`detailJa`, and `messageJa` on each error). */
function importProblem(
  detail: string,
  detailJa: string,
  field: string,
  message: string,
  messageJa: string,
  kind: 'INVALID_INPUT' | 'TOO_LARGE' = 'INVALID_INPUT',
) {
  return new Failure(kind, detail, { errors: [{ field, message, messageJa } as FieldError], detailJa });
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw importProblem(
    `${name} must be true or false.`,
    `${name} は true か false で指定してください。`,
    name,
    'must be true or false',
    'true か false で指定してください',
  );
}

@ApiTags('imports')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('v1/imports')
export class ImportsController {
  constructor(
    private readonly imports: CaseloadImport,
    private readonly lock: ImportLock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @RequiresRole('caseworker')
  @ApiOperation({
    summary: 'Import a caseload from one CSV (UTF-8 or Shift_JIS) or XLSX file; dryRun=true judges every row and writes nothing',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiQuery({ name: 'dryRun', required: false, schema: { type: 'string', enum: ['true', 'false'] }, description: 'default false' })
  @ApiQuery({
    name: 'confirm',
    required: false,
    schema: { type: 'string', enum: ['true', 'false'] },
    description: 'true: import rows that look like an open resident with another external reference (else POSSIBLE_DUPLICATE)',
  })
  @ApiResponse({
    status: 200,
    description:
      'The report, row by row. With `Accept: application/x-ndjson`: progress lines `{"type":"progress","processed","total"}`, ' +
      'then `{"type":"report", …the report}` (or `{"type":"error","problem"}` if the import stopped).',
    content: { 'application/json': { schema: ref('ImportReport') }, 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  @ApiProblems(
    ALWAYS,
    AUTHENTICATED,
    {
      status: 413,
      when:
        'The file is larger than IMPORT_MAX_BYTES (10 MiB by default), holds more than 20,000 rows, or is an XLSX that inflates ' +
        'past 50 MiB a part or 100 MiB in all (or has more than 500 parts).',
    },
    {
      status: 409,
      when:
        'Another import of the organisation is running; or (code PROJECTION_BEHIND, Retry-After) the read models have not taken in ' +
        'earlier writes within IMPORT_WAITS_FOR_PROJECTION_MS, so rows cannot yet be matched against the caseload.',
    },
    { status: 415, when: 'The body is not multipart/form-data.' },
    {
      status: 400,
      when: 'The file cannot be read, has no header the template knows, or a flag is not true/false.',
    },
  )
  async create(
    @OrgKey() caller: OrganisationCaller,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Headers('accept') accept: string | undefined,
    @QueryParam('dryRun') dryRun?: string,
    @QueryParam('confirm') confirm?: string,
  ): Promise<void> {
    const options = { dryRun: flag('dryRun', dryRun, false), confirm: flag('confirm', confirm, false) };
    const bytes = await this.upload(request);
    // The answer's last bytes go out once the lock is let go: a client that sends its next file on
    // the answer must not find the lock still held.
    const finish = await this.lock.holding(caller.organisationId, () => this.importFile(caller, request, reply, bytes, accept, options));
    finish();
  }

  /** Reads and imports the file; what it returns sends the end of the answer. */

  private async importFile(
    caller: OrganisationCaller,
    request: FastifyRequest,
    reply: FastifyReply,
    bytes: Buffer,
    accept: string | undefined,
    options: { dryRun: boolean; confirm: boolean },
  ): Promise<() => void> {
    let sheet;
    try {
      sheet = await readSpreadsheet(bytes, MAX_IMPORT_ROWS);
    } catch (error) {
      if (error instanceof UnreadableFile)
        throw importProblem(
          error.message,
          error.messageJa,
          'file',
          error.message,
          error.messageJa,
          error.status === 413 ? 'TOO_LARGE' : 'INVALID_INPUT',
        );
      throw error;
    }
    const streaming = (accept ?? '').includes('application/x-ndjson');
    let started = false;
    const line = (value: object) => {
      if (!started) {
        reply.raw.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
        started = true;
      }
      reply.raw.write(`${JSON.stringify(value)}\n`);
    };
    let report: ImportReport;
    try {
      report = await this.imports.run(caller, sheet, {
        ...options,
        correlationId: correlationIdOf(request),
        ...(streaming ? { onProgress: (processed: number, total: number) => line({ type: 'progress', processed, total }) } : {}),
      });
    } catch (error) {
      if (!started) throw error;
      return () => {
        line({
          type: 'error',
          problem: error instanceof Failure ? toProblem(error) : problem(500, 'The import stopped.'),
        });
        reply.raw.end();
      };
    }
    if (streaming)
      return () => {
        line({ type: 'report', ...report });
        reply.raw.end();
      };
    return () => void reply.status(200).header('cache-control', 'no-store').send(report);
  }

  @Get('template.:format')
  @ApiOperation({ summary: 'The import template: every column the import reads, headed in Japanese, with one example row' })
  @ApiParam({ name: 'format', enum: ['csv', 'xlsx'] })
  @ApiResponse({
    status: 200,
    description: 'An attachment: CSV in UTF-8 with BOM, or XLSX.',
    content: { 'text/csv': { schema: { type: 'string' } }, [CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(ALWAYS, AUTHENTICATED, { status: 404, when: 'The format is neither csv nor xlsx.' })
  template(@OrgKey() _caller: OrganisationCaller, @Param('format') format: string, @Res({ passthrough: true }) reply: FastifyReply) {
    if (format !== 'csv' && format !== 'xlsx')
      throw new Failure('NOT_FOUND', 'Template format was not found.', { detailJa: 'テンプレートの形式は csv か xlsx です。' });
    const columns = IMPORT_FIELDS.map((field) => ({
      header: IMPORT_TEMPLATE[field].ja,
      value: (row: ReturnType<typeof importExample>) => row[field] ?? null,
      width: 16,
    }));
    const row = importExample(japanDateOf(this.clock()));
    async function* example() {
      yield [row];
    }
    void reply.header('cache-control', 'no-store');
    return new StreamableFile(spreadsheetStream(format, '取込テンプレート', columns, example()) as never, {
      type: CONTENT_TYPES[format],
      disposition: `attachment; filename="import-template.${format}"`,
    });
  }

  private get maxBytes(): number {
    return this.config.importMaxBytes ?? DEFAULT_IMPORT_MAX_BYTES;
  }

  /**
   * The one file of the multipart body, read whole (at most IMPORT_MAX_BYTES). Every part is
   * read, so that a second file (or a field) is refused rather than silently left out.
   */
  private async upload(request: FastifyRequest): Promise<Buffer> {
    if (!request.isMultipart())
      throw new Failure('UNSUPPORTED_MEDIA', 'Send the file as multipart/form-data (one CSV or XLSX file).', {
        detailJa: 'ファイルは multipart/form-data で 1 つ（CSV か XLSX）送ってください。',
      });
    const oneFile = () =>
      importProblem(
        'Send one file only.',
        'ファイルは 1 つだけ送ってください。',
        'file',
        'must be one file, alone in the body',
        'ファイル 1 つだけを送ってください（2 つ目のファイルや項目は読みません）',
      );
    let bytes: Buffer | undefined;
    try {
      for await (const part of request.parts({ limits: { fileSize: this.maxBytes, files: 1, parts: 1 } })) {
        if (part.type !== 'file' || bytes !== undefined) throw oneFile();
        bytes = await part.toBuffer();
      }
    } catch (error) {
      if (error instanceof Failure) throw error;
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE')
        throw new Failure('TOO_LARGE', `The file is larger than ${this.maxBytes} bytes.`, {
          detailJa: `ファイルが大きすぎます（${this.maxBytes} バイトまで）。`,
        });
      if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') throw oneFile();
      throw importProblem(
        'The multipart body cannot be read.',
        'multipart の本文を読み取れません。',
        'file',
        'must be one file in multipart/form-data',
        'multipart/form-data でファイルを 1 つ送ってください',
      );
    }
    if (bytes === undefined)
      throw importProblem('No file was sent.', 'ファイルが送られていません。', 'file', 'is required', 'ファイルが必要です');
    return bytes;
  }
}
