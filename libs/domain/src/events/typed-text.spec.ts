import { describe, expect, test } from '@jest/globals';
import { codePointName, textFault, textFaultMessage } from './typed-text.js';

describe('typed text holds no control characters and no half of a surrogate pair', () => {
  test('NUL, ESC, DEL and a C1 control are refused, with the first one named and placed', () => {
    expect(textFault('髙橋\u0000太郎')).toEqual({ kind: 'control_character', codePoint: 0, index: 2 });
    expect(textFault('NGUYEN\u001b[31m')).toMatchObject({ codePoint: 0x1b, index: 6 });
    expect(textFault('A\u007f')).toMatchObject({ codePoint: 0x7f });
    expect(textFault('A\u0085B')).toMatchObject({ codePoint: 0x85 });
    expect(textFaultMessage(textFault('ab\u0000')!)).toBe(
      'must not contain control characters, tabs or line breaks (U+0000 at character 3)',
    );
  });

  test('one line (a name, an address) takes no TAB, LF or CR; several lines (a note) take them and nothing else', () => {
    for (const separator of ['\t', '\n', '\r']) {
      expect(textFault(`NGUYEN${separator}VAN`)).not.toBeNull();
      expect(textFault(`first line${separator}second line`, 'multi')).toBeNull();
    }
    expect(textFault('line\r\nline\u0000', 'multi')).toMatchObject({ codePoint: 0, index: 10 });
    expect(textFault('\u000b', 'multi')).toMatchObject({ codePoint: 0x0b });
  });

  test('half of a surrogate pair is refused; a whole pair (an emoji), kanji, kana and accents are text', () => {
    expect(textFault('A\ud800B')).toEqual({ kind: 'lone_surrogate', codePoint: 0xd800, index: 1 });
    expect(textFault('\udc00')).toMatchObject({ kind: 'lone_surrogate' });
    expect(textFault('髙橋 グエン Nguyễn Văn 😀 ①㈱')).toBeNull();
    expect(codePointName(0xd800)).toBe('U+D800');
  });
});
