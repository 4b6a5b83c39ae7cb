import { describe, expect, test } from '@jest/globals';
import { normaliseCardNumber } from '../cards/normalise-card-number';
import { parseDate } from '../dates/parse-date';
import { eventDataSchema } from '../../../../libs/domain/src/events/event-schemas';
import { RECORDABLE_EVENT_TYPES, type EventType } from '../../../../libs/domain/src/events/events';
import type { JsonSchema } from '../../../../libs/domain/src/events/field-rules';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import { buildData, choiceKey, EVENT_FORMS, EVENT_GROUPS, labelKey, RECORDED_ELSEWHERE, type FormField } from './event-forms';

const build = (type: string, values: Record<string, string | boolean | string[]>) =>
  buildData(EVENT_FORMS[type]!, values, parseDate, normaliseCardNumber);

describe('a fact form sends only its type’s fields', () => {
  test('Landed: 和暦 dates read, card number normalised, empty optional fields left out', () => {
    expect(build('Landed', { status: 'student', periodExpiresOn: 'R8.3.31', 'card.number': 'ab 1234-5678 cd', port: '' })).toEqual({
      data: { status: 'student', periodExpiresOn: '2026-03-31', card: { number: 'AB12345678CD' } },
      errors: {},
    });
  });
  test('a missing required field and an unreadable date are named', () => {
    expect(build('ExtensionGranted', { periodExpiresOn: '2026-02-30' }).errors).toEqual({
      periodExpiresOn: 'date',
      'card.number': 'required',
    });
  });
  test('numbers and check boxes', () => {
    expect(build('ExtraActivityPermitted', { scope: 'individual', hoursPerWeek: '２０' }).data).toEqual({
      scope: 'individual',
      hoursPerWeek: 20,
    });
    expect(build('CardLost', { discoveredAbroad: true }).data).toEqual({ discoveredAbroad: true });
  });
  test('every type in the picker has a form, and every form is in the picker', () => {
    const picked = EVENT_GROUPS.flatMap((g) => g.types).sort();
    expect(picked).toEqual(Object.keys(EVENT_FORMS).sort());
  });
});

/** The card's parts, each with its own control in the card kind. */
const CARD_PARTS = ['number', 'issuedOn', 'expiresOn', 'kind', 'myNumberOption'];
/** The 指定書's parts: the 特定活動 case's code, or 特定技能's field, employer and 業務区分. */
const DESIGNATION_PARTS = ['field', 'employer', 'jobCategory'];

type Tree = { [key: string]: string | Tree };
const labelled = (dictionary: Tree, key: string) =>
  typeof key
    .split('.')
    .reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), dictionary) === 'string';

/** What is wrong with one form against the domain's rules of that fact's data: each gap named. */
function gaps(where: string, fields: readonly FormField[], schema: JsonSchema, dictionary: Tree): string[] {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema['required'] ?? []) as string[]);
  const missing: string[] = [];
  for (const [name, rule] of Object.entries(properties)) {
    const field = fields.find((candidate) => candidate.name === name);
    if (!field) {
      missing.push(`${where}.${name}: no form control`);
      continue;
    }
    if (field.kind !== 'card' && !labelled(dictionary, labelKey(field))) missing.push(`${where}.${name}: no label ${labelKey(field)}`);
    if (field.required !== required.has(name)) missing.push(`${where}.${name}: required is ${required.has(name)} in DATA_RULES`);
    const codes = rule['enum'] as string[] | undefined;
    if (codes && field.kind !== 'status') {
      if (JSON.stringify([...(field.options ?? [])].sort()) !== JSON.stringify([...codes].sort()))
        missing.push(`${where}.${name}: choices ${String(field.options)} but DATA_RULES has ${codes.join(',')}`);
      for (const code of codes)
        if (!labelled(dictionary, choiceKey(field, code))) missing.push(`${where}.${name}: no name ${choiceKey(field, code)}`);
    }
    if (field.kind === 'group') missing.push(...gaps(`${where}.${name}`, field.parts ?? [], rule, dictionary));
    if (field.kind === 'card') {
      const parts = Object.keys((rule['properties'] ?? {}) as object);
      for (const part of parts) if (!CARD_PARTS.includes(part)) missing.push(`${where}.card.${part}: no form control`);
    }
    if (field.kind === 'designation') {
      const variants = (rule['oneOf'] ?? []) as JsonSchema[];
      const sswParts = Object.keys((variants.find((v) => v['type'] === 'object')?.['properties'] ?? {}) as object);
      for (const part of sswParts) if (!DESIGNATION_PARTS.includes(part)) missing.push(`${where}.designation.${part}: no form control`);
      const codes = (variants.find((v) => v['enum'])?.['enum'] ?? []) as string[];
      for (const code of codes)
        if (!labelled(dictionary, `facts.options.designationCode.${code}`)) missing.push(`${where}.designation: no name for ${code}`);
    }
  }
  for (const field of fields) if (!Object.hasOwn(properties, field.name)) missing.push(`${where}.${field.name}: not in DATA_RULES`);
  return missing;
}

describe('a form for every fact the API accepts, in Japanese (and English)', () => {
  test('every recordable event type has a form or its own control', () => {
    const without = RECORDABLE_EVENT_TYPES.filter((type) => !EVENT_FORMS[type] && !RECORDED_ELSEWHERE[type]);
    expect(without).toEqual([]);
  });

  test.each([
    ['ja', ja],
    ['en', en],
  ])('every field of DATA_RULES has a control, the same choices, and a %s name for each', (_language, dictionary) => {
    const missing = Object.entries(EVENT_FORMS).flatMap(([type, fields]) => {
      const schema = eventDataSchema(type as EventType);
      const named = labelled(dictionary as Tree, `events.${type}`) ? [] : [`${type}: no name events.${type}`];
      return [...named, ...gaps(type, fields, schema, dictionary as Tree)];
    });
    expect(missing).toEqual([]);
  });

  test('the check notices a field added to the rules without a form control or label', () => {
    const schema = eventDataSchema('SupportInterviewHeld');
    const grown = { ...schema, properties: { ...(schema['properties'] as object), language: { type: 'string' } } };
    expect(gaps('SupportInterviewHeld', EVENT_FORMS.SupportInterviewHeld!, grown, ja as Tree)).toEqual([
      'SupportInterviewHeld.language: no form control',
    ]);
    const unlabelled = EVENT_FORMS.SupportInterviewHeld!.map((field) => (field.name === 'mode' ? { ...field, choices: 'nowhere' } : field));
    expect(gaps('SupportInterviewHeld', unlabelled, schema, ja as Tree)).toEqual([
      'SupportInterviewHeld.mode: no name nowhere.in_person',
      'SupportInterviewHeld.mode: no name nowhere.online',
    ]);
  });
});

describe('the 特定技能 forms build what the API takes', () => {
  test('an interview with its record, a filing with how and its number', () => {
    expect(
      build('SupportInterviewHeld', {
        with: 'supervisor',
        mode: 'online',
        interpreter: 'ベトナム語 山田',
        findings: '残業が多い',
        actions: '',
      }).data,
    ).toEqual({ with: 'supervisor', mode: 'online', interpreter: 'ベトナム語 山田', findings: '残業が多い' });
    expect(build('SswReportFiled', { kind: 'annual', fiscalYear: '2026', filedVia: 'online', referenceNumber: 'R-1' }).data).toEqual({
      kind: 'annual',
      fiscalYear: 2026,
      filedVia: 'online',
      referenceNumber: 'R-1',
    });
  });
  test('a 指定書 of 特定技能 with the employer chosen; a take-over with its pending application', () => {
    expect(
      build('ExistingStatusRecorded', {
        status: 'specified_skilled_worker_1',
        'designation.field': 'food_service',
        'designation.employer': 'emp-1',
        'pendingApplication.kind': 'extension',
        'pendingApplication.appliedOn': 'R8.11.1',
      }),
    ).toEqual({
      data: {
        status: 'specified_skilled_worker_1',
        designation: { field: 'food_service', employer: 'emp-1' },
        pendingApplication: { kind: 'extension', appliedOn: '2026-11-01' },
      },
      errors: {},
    });
    expect(build('ExistingStatusRecorded', { status: 'student', 'pendingApplication.receiptNumber': 'X1' }).errors).toEqual({
      'pendingApplication.kind': 'required',
      'pendingApplication.appliedOn': 'required',
    });
  });
});

describe('a notice from the office', () => {
  test('the documents asked for, one a line, sent as a list', () => {
    expect(
      build('AdditionalDocumentsRequested', { requestedOn: '2026-12-01', dueOn: 'R8.12.15', items: '在職証明書\n\n 課税証明書 ' }).data,
    ).toEqual({ requestedOn: '2026-12-01', dueOn: '2026-12-15', items: ['在職証明書', '課税証明書'] });
    expect(build('AdditionalDocumentsRequested', { requestedOn: '2026-12-01', dueOn: '2026-12-15', items: ' \n' }).errors).toEqual({
      items: 'required',
    });
  });
});
