/**
 * How an export writes its dates (`dates=`): `western` 2026-04-01 (the default, what the import
 * and other software read), `japanese` 令和8年4月1日 (和暦, as an office's own ledger writes
 * them), `both` 2026-04-01(令和8年4月1日). The web desk passes the person's own choice.
 */
import { japaneseEraDate } from '@zairyu/domain';
import { invalidInput } from '../failures/failure.js';

export const EXPORT_DATE_STYLES = ['western', 'japanese', 'both'] as const;
export type ExportDateStyle = (typeof EXPORT_DATE_STYLES)[number];

export function exportDateStyle(value: string | undefined): ExportDateStyle {
  if (value === undefined || value === '') return 'western';
  if ((EXPORT_DATE_STYLES as readonly string[]).includes(value)) return value as ExportDateStyle;
  throw invalidInput(`dates must be one of ${EXPORT_DATE_STYLES.join(', ')}.`, [
    { field: 'dates', message: `must be one of ${EXPORT_DATE_STYLES.join(', ')}` },
  ]).inJapanese('日付の書き方は western（西暦）、japanese（和暦）、both（両方）のどれかです。');
}

/** A YYYY-MM-DD value as text in the chosen style (CSV, and XLSX for `both`). */
export function exportDateText(value: string, style: ExportDateStyle): string {
  if (style === 'western') return value;
  return style === 'japanese' ? japaneseEraDate(value) : `${value}(${japaneseEraDate(value)})`;
}

/**
 * The XLSX number format of a date cell: 和暦 keeps a real date (it sorts and computes) shown
 * as 令和元年5月1日 by Excel's Japanese calendar with 元年 (the `x-gannen` locale tag).
 */
export function xlsxDateFormat(style: ExportDateStyle): string {
  return style === 'japanese' ? '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"' : 'yyyy-mm-dd';
}
