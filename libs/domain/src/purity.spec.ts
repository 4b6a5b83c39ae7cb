/**
 * The domain is pure (docs/architecture.md): no framework, no database, no I/O, no clock. Callers
 * pass `asOf`. This reads every source file of the package and checks its imports.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = import.meta.dirname;
const sources = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
const ALLOWED_PACKAGES = ['@holiday-jp/holiday_jp'];

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!);
}

describe('libs/domain is pure', () => {
  test('imports only its own files and the holiday data', () => {
    expect(sources.length).toBeGreaterThan(20);
    const outside = sources.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !specifier.startsWith('.') && !ALLOWED_PACKAGES.includes(specifier))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(outside).toEqual([]);
  });

  test('never reads the clock', () => {
    const clocks = sources.filter((file) => /new Date\(\s*\)|Date\.now\(/.test(readFileSync(join(root, file), 'utf8')));
    expect(clocks).toEqual([]);
  });
});
