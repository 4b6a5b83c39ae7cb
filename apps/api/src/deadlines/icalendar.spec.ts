import { describe, expect, test } from '@jest/globals';
import { calendarText, foldContentLines } from './icalendar.js';

describe('content lines (RFC 5545 §3.1)', () => {
  test('a long line of Japanese and emoji folds into parts of at most 75 octets that unfold to the original', () => {
    const line = `SUMMARY:${'在留カード🏠'.repeat(30)}`;
    const folded = foldContentLines(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT\r\n`);
    const parts = folded.split('\r\n');
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1, -2).every((part, i) => i === 0 || part.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT\r\n`);
    expect(folded).not.toMatch(/[\ud800-\udbff]\r\n/);
  });

  test('control characters in a name become spaces; TAB and text stay', () => {
    expect(calendarText('A\rB\nC\u000bD\u001bE\u2028F\u0085G\tH — 東京')).toBe('A B C D E F G\tH — 東京');
  });
});
