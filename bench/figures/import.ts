/**
 * The import figure: a caseload spreadsheet of N rows (CSV, Japanese headers, 和暦 and
 * slashed dates, a card each) through `POST /v1/imports` on the real API process: the dry run,
 * the real run, and the same file again (every row unchanged). Target: 10,000 rows in < 60 s.
 */
import { BENCH_ADMIN, call, startApi } from '../api-process.js';
import type pg from 'pg';
import { progress, report } from '../report.js';
import { resetSqlStats, writeSqlStats } from '../sql-statements.js';

const STATUSES = ['特定技能1号', '技術・人文知識・国際業務', '留学', '技能実習2号'];
const NATIONS = ['ベトナム', 'PHL', 'Indonesia', 'ネパール', 'MMR'];

export function caseloadCsv(rows: number): string {
  const lines = ['管理番号,氏名,フリガナ,生年月日,国籍・地域,在留資格,在留期間満了日,在留カード番号,住居地,所属機関'];
  for (let i = 0; i < rows; i++) {
    const month = (i % 12) + 1;
    lines.push(
      [
        `B-${i}`,
        `NGUYEN VAN BENCH${i}`,
        'グエン・ヴァン・ベンチ',
        i % 2 === 0 ? `平成${(i % 10) + 2}年${month}月${(i % 28) + 1}日` : `199${i % 10}/${month}/${(i % 28) + 1}`,
        NATIONS[i % NATIONS.length],
        STATUSES[i % STATUSES.length],
        `2027/${month}/${(i % 28) + 1}`,
        `IM${String(i).padStart(8, '0')}BN`,
        `東京都新宿区西新宿${i}`,
        '株式会社ベンチ',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function importFile(
  base: string,
  key: string,
  csv: string,
  dryRun: boolean,
): Promise<{ seconds: number; body: Record<string, number> }> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'caseload.csv');
  const started = performance.now();
  const response = await fetch(`${base}/v1/imports?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
  if (!response.ok) throw new Error(`POST /v1/imports: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as Record<string, number>;
  return { seconds: (performance.now() - started) / 1000, body };
}

export async function importFigure(pool: pg.Pool, databaseUrl: string, rows: number): Promise<void> {
  const { base, stop } = await startApi(databaseUrl, { IMPORT_MAX_BYTES: String(64 * 1024 * 1024) });
  try {
    const org = await call(base, BENCH_ADMIN, 'POST', '/v1/organisations', { name: 'Import bench', kind: 'support_organisation' });
    const { key } = await call(base, BENCH_ADMIN, 'POST', `/v1/organisations/${org.id}/api-keys`, { label: 'bench', role: 'caseworker' });
    const csv = caseloadCsv(rows);
    progress(`import: ${rows} rows, ${(Buffer.byteLength(csv) / 1024).toFixed(0)} KiB of CSV`);
    const dry = await importFile(base, key, csv, true);
    report(`import ${rows} rows, dry run`, dry.seconds, 's', rows);
    await resetSqlStats(pool);
    const real = await importFile(base, key, csv, false);
    await writeSqlStats(pool, 'import', rows);
    if (real.body['created'] !== rows)
      throw new Error(`import created ${real.body['created']} of ${rows}: ${JSON.stringify(real.body).slice(0, 500)}`);
    report(`import ${rows} rows, real run`, real.seconds, 's', rows);
    const again = await importFile(base, key, csv, false);
    if (again.body['unchanged'] !== rows)
      throw new Error(
        `the second import left ${again.body['unchanged']} of ${rows} unchanged: ${JSON.stringify({ ...again.body, results: undefined, columns: undefined })}`,
      );
    report(`import ${rows} rows again (all unchanged)`, again.seconds, 's', rows);
  } finally {
    await stop();
  }
}
