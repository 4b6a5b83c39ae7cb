/**
 * Cells that cannot become text of an event, refused with a row error in Japanese (the import's
 * users read Japanese first) and a stable code: bytes the file's encoding could not read (a
 * malformed Shift_JIS sequence, decoded as U+FFFD), and the characters no typed text may hold
 * (the domain's rule, typed-text.ts: NUL and the other control characters, half a surrogate pair).
 */
import { codePointName, textFault, type TextLines } from '@zairyu/domain';
import type { ImportField } from './import-template.js';
import { REPLACEMENT } from './spreadsheet-file.js';

export interface UnreadableCell {
  message: string;
  code: 'UNDECODABLE_BYTES' | 'CONTROL_CHARACTER';
}

/** Fields whose text may run over several lines, as in the domain's rules. */
const MULTI_LINE: ReadonlySet<ImportField> = new Set<ImportField>(['notes']);

/** The cell as a person can read it back: control characters and lone surrogates as U+XXXX. */
function shown(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being made visible
  return text.replace(/[\u0000-\u001f\u007f-\u009f]|[\ud800-\udfff]/g, (char) => `<${codePointName(char.charCodeAt(0))}>`);
}

/** Why the cell of `field` cannot be imported, or null. `undecodable`: its row held bytes the encoding could not read. */
export function unreadableCell(text: string, field: ImportField, undecodable: boolean): UnreadableCell | null {
  if (undecodable && text.includes(REPLACEMENT))
    return {
      code: 'UNDECODABLE_BYTES',
      message: `「${shown(text)}」に文字として読めないバイトがあります（Shift_JIS として正しくない並び）。元の表で入力し直し、保存し直してください`,
    };
  const lines: TextLines = MULTI_LINE.has(field) ? 'multi' : 'single';
  const fault = textFault(text, lines);
  if (fault === null) return null;
  const what = fault.kind === 'lone_surrogate' ? '文字の片割れ（対になっていないサロゲート）' : '制御文字';
  return {
    code: 'CONTROL_CHARACTER',
    message: `「${shown(text)}」の ${fault.index + 1} 文字目に${what} ${codePointName(fault.codePoint)} があります。取り除いてください`,
  };
}
