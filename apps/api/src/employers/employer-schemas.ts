/** What the employers (所属機関) and organisation registration endpoints answer, for the OpenAPI document. */
import type { SchemaObject } from '@nestjs/swagger';
import { DATE, INSTANT, nullable, ref } from '../openapi/schema-ref.js';
import { SUPPORT_BUSINESS_CHANGES } from '@zairyu/domain';
import { ORGANISATION_KINDS } from '../platform/index.js';

/** What each version of the record holds (employer_history keeps exactly these). */
const RECORD_FIELDS = {
  name: { type: 'string' },
  corporateNumber: { type: 'string', nullable: true, pattern: '^[0-9]{13}$', description: '法人番号' },
  address: { type: 'string', nullable: true },
  contact: {
    nullable: true,
    description: 'A line of text, or { name?, phone?, email? }.',
    oneOf: [
      { type: 'string' },
      {
        type: 'object',
        additionalProperties: false,
        properties: { name: { type: 'string' }, phone: { type: 'string' }, email: { type: 'string' } },
      },
    ],
  },
  filesHelloWork: { type: 'boolean', description: 'The employer files 外国人雇用状況の届出 at Hello Work.' },
};

const EMPLOYER_FIELDS = {
  id: { type: 'string', format: 'uuid' },
  ...RECORD_FIELDS,
  version: { type: 'integer', minimum: 1, description: 'Also the ETag; send it as If-Match.' },
  createdAt: INSTANT,
  updatedAt: INSTANT,
};

export const EMPLOYER_SCHEMAS: Record<string, SchemaObject> = {
  Employer: { type: 'object', required: Object.keys(EMPLOYER_FIELDS), properties: EMPLOYER_FIELDS },
  EmployerPage: {
    type: 'object',
    required: ['items', 'total'],
    properties: { items: { type: 'array', items: ref('Employer') }, total: { type: 'integer', minimum: 0 } },
  },
  EmployerWithResidents: {
    type: 'object',
    required: [...Object.keys(EMPLOYER_FIELDS), 'residents'],
    properties: {
      ...EMPLOYER_FIELDS,
      residents: {
        type: 'array',
        description: 'Residents under contract with it, or whose profile names it as their employer.',
        items: {
          type: 'object',
          required: ['id', 'fullName'],
          properties: { id: { type: 'string', format: 'uuid' }, fullName: { type: 'string' } },
        },
      },
    },
  },
  EmployerVersion: {
    type: 'object',
    required: ['version', ...Object.keys(RECORD_FIELDS), 'changedBy', 'changedAt'],
    properties: {
      version: { type: 'integer', minimum: 1 },
      ...RECORD_FIELDS,
      changedBy: { type: 'string', description: 'Who changed it: `user:<id>` or `key:<id>`.' },
      changedAt: INSTANT,
    },
  },
  EmployerHistory: { type: 'array', items: ref('EmployerVersion'), description: 'Every version, oldest first.' },
  OrganisationRegistration: {
    type: 'object',
    required: [
      'id',
      'name',
      'kind',
      'registrationExpiresOn',
      'registrationRenewalAppliedOn',
      'registeredMattersChangedOn',
      'registeredMattersNotifiedOn',
      'supportBusinessChange',
      'supportBusinessChangeOn',
      'supportBusinessNotifiedOn',
      'annualReportFiscalYear',
      'annualReportFiledOn',
      'supportRegistrationNumber',
      'address',
      'phone',
    ],
    properties: {
      id: { type: 'string', format: 'uuid' },
      name: { type: 'string' },
      kind: { type: 'string', enum: [...ORGANISATION_KINDS] },
      registrationExpiresOn: { ...nullable(DATE), description: 'The last day of the registration as a 登録支援機関 (法19条の23).' },
      registrationRenewalAppliedOn: { ...nullable(DATE), description: 'The renewal was applied for on this day.' },
      registeredMattersChangedOn: { ...nullable(DATE), description: 'The latest change of a registered matter (法19条の27).' },
      registeredMattersNotifiedOn: { ...nullable(DATE), description: 'That change was notified to ISA on this day.' },
      supportBusinessChange: {
        type: 'string',
        enum: [...SUPPORT_BUSINESS_CHANGES],
        nullable: true,
        description: 'The latest suspension, closure or (planned) resumption of the support business (法19条の29).',
      },
      supportBusinessChangeOn: {
        ...nullable(DATE),
        description: 'The day of that suspension or closure, or the day the business resumes.',
      },
      supportBusinessNotifiedOn: { ...nullable(DATE), description: 'That suspension, closure or resumption was notified on this day.' },
      annualReportFiscalYear: {
        type: 'integer',
        nullable: true,
        description:
          'The fiscal year of the latest yearly report filed (支援実施状況に係る届出, 法19条の30): 2025 = 2025-04-01 – 2026-03-31.',
      },
      annualReportFiledOn: { ...nullable(DATE), description: 'That yearly report was filed on this day.' },
      supportRegistrationNumber: {
        type: 'string',
        nullable: true,
        example: '19登-000123',
        description: 'The registration number as a 登録支援機関 (登録番号), as ISA writes it.',
      },
      address: { type: 'string', nullable: true, description: 'Address of the head office or main office (本店又は主たる事務所).' },
      phone: { type: 'string', nullable: true, example: '03-1234-5678', description: 'Telephone number.' },
    },
  },
};
