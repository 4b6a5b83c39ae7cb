/**
 * Japanese and English are complete: the same keys in both, every key the code asks for
 * exists, every domain rule code has a Japanese sentence, every form field has a label.
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_CODES } from '../../../../libs/domain/src/domain-error';
import { choiceKey, EVENT_FORMS, labelKey, type FormField } from '../record/event-forms';
import { en } from './en';
import { ja } from './ja';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));
const has = (tree: Tree, key: string) =>
  key.split('.').reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree) !== undefined;

const source = fileURLToPath(new URL('..', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });

describe('the dictionaries', () => {
  test('ja and en have exactly the same keys', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(ja as Tree).sort());
  });

  test('no empty translation', () => {
    const value = (tree: Tree, key: string) => String(key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part]!, tree));
    for (const dictionary of [ja, en] as Tree[]) expect(keys(dictionary).filter((key) => value(dictionary, key).trim() === '')).toEqual([]);
  });

  test('every literal key used in the code exists', () => {
    const used = new Set<string>();
    for (const file of files(source)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !has(ja as Tree, key))).toEqual([]);
  });

  test('every rule code of the domain has a sentence (422 shown in words)', () => {
    expect(RULE_CODES.filter((code) => !has(ja as Tree, `codes.${code}`))).toEqual([]);
  });

  test('every problem code the API sends has a sentence (never shown raw)', () => {
    const api = fileURLToPath(new URL('../../../api/src', import.meta.url));
    const codes = new Set<string>();
    for (const file of files(api)) {
      if (/spec\.ts$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      // A problem's code has words joined by _ (a Node-style errno such as EREFUSEDTARGET is not one).
      for (const [, code] of text.matchAll(/\bcode: '([A-Z][A-Z0-9]*_[A-Z0-9_]+)'/g)) codes.add(code!);
      for (const [, list] of text.matchAll(/\bcodes: \[([^\]]*)\]/g))
        for (const [, code] of list!.matchAll(/'([A-Z][A-Z0-9_]+)'/g)) codes.add(code!);
    }
    expect(codes.size).toBeGreaterThan(15);
    expect([...codes].filter((code) => !has(ja as Tree, `codes.${code}`))).toEqual([]);
  });

  test('every form field has a label and every choice a name', () => {
    const missing: string[] = [];
    for (const [type, fields] of Object.entries(EVENT_FORMS)) {
      if (!has(ja as Tree, `events.${type}`)) missing.push(`events.${type}`);
      const check = (field: FormField) => {
        if (field.kind !== 'card' && !has(ja as Tree, labelKey(field))) missing.push(labelKey(field));
        for (const option of field.options ?? []) if (!has(ja as Tree, choiceKey(field, option))) missing.push(choiceKey(field, option));
        field.parts?.forEach(check);
      };
      fields.forEach(check);
    }
    expect(missing).toEqual([]);
  });
});
