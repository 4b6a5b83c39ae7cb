/** What the /v1/matters endpoints take and answer, for the OpenAPI document. Request bodies come from the domain's field rules. */
import type { SchemaObject } from '@nestjs/swagger';
import {
  ACCEPT_MATTER_RULES,
  CHECKLIST_STATES,
  CHECKLIST_UPDATE_RULES,
  CLOSE_MATTER_RULES,
  DECIDE_MATTER_RULES,
  DOCUMENT_PROVIDERS,
  FILE_MATTER_RULES,
  MATTER_KINDS,
  MATTER_RESULTS,
  MATTER_STAGES,
  type FieldRule,
} from '@zairyu/domain';
import { DATE, nullable, ref } from '../openapi/schema-ref.js';

function bodySchema(rules: Record<string, FieldRule>, description: string): SchemaObject {
  const required = Object.entries(rules)
    .filter(([, rule]) => !rule.optional)
    .map(([key]) => key);
  return {
    type: 'object',
    additionalProperties: false,
    description,
    properties: Object.fromEntries(Object.entries(rules).map(([key, rule]) => [key, rule.check.schema as SchemaObject])),
    ...(required.length > 0 ? { required } : {}),
  };
}

const CHECKLIST_ITEM = {
  type: 'object',
  required: ['code', 'label', 'state', 'providedBy', 'dueOn'],
  properties: {
    code: { type: 'string' },
    label: { type: 'string' },
    state: { type: 'string', enum: [...CHECKLIST_STATES] },
    providedBy: { type: 'string', enum: [...DOCUMENT_PROVIDERS] },
    dueOn: nullable(DATE),
  },
} satisfies SchemaObject;

const MATTER_FIELDS: Record<string, SchemaObject> = {
  matterId: { type: 'string', format: 'uuid' },
  residentId: { type: 'string', format: 'uuid' },
  residentName: { type: 'string', nullable: true },
  kind: { type: 'string', enum: [...MATTER_KINDS] },
  kindLabel: { type: 'string', description: '事件の名称' },
  feeYen: { type: 'integer', minimum: 0 },
  caseworker: { type: 'string', nullable: true },
  client: {
    description: '依頼者',
    oneOf: [
      { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['resident'] } } },
      {
        type: 'object',
        required: ['kind', 'name', 'address'],
        properties: { kind: { type: 'string', enum: ['company'] }, name: { type: 'string' }, address: { type: 'string' } },
      },
    ],
  },
  toStatus: { type: 'string', nullable: true },
  acceptedOn: DATE,
  checklist: { type: 'array', items: CHECKLIST_ITEM },
  missing: { type: 'array', items: CHECKLIST_ITEM, description: 'Checklist items still requested.' },
  filing: {
    type: 'object',
    nullable: true,
    required: ['filedOn', 'applicationEventId', 'bureau', 'receiptNumber', 'channel'],
    properties: {
      filedOn: DATE,
      applicationEventId: { type: 'string', nullable: true },
      bureau: { type: 'string', nullable: true },
      receiptNumber: { type: 'string', nullable: true, description: '受付番号' },
      channel: { type: 'string', nullable: true },
    },
  },
  stage: { type: 'string', enum: [...MATTER_STAGES] },
  stageLabel: { type: 'string', description: '書類収集中 / 申請済・審査中 / 資料提出待ち / 結果待ち / 完了' },
  result: {
    type: 'object',
    nullable: true,
    required: ['result', 'on'],
    properties: { result: { type: 'string', enum: [...MATTER_RESULTS] }, on: DATE },
  },
  nextRequestDueOn: nullable(DATE),
  openRequests: {
    type: 'array',
    description: 'The requests still open since the filing (資料提出通知, 出頭通知), earliest due first',
    items: {
      type: 'object',
      required: ['kind', 'dueOn'],
      properties: { kind: { type: 'string', enum: ['additional_documents', 'summons_appearance'] }, dueOn: DATE },
    },
  },
  stampFee: {
    type: 'object',
    nullable: true,
    description:
      '手数料: the revenue stamps (収入印紙) a grant is paid with, by kind, channel (online or paper) and the day the application was received (施行令9条); null before the filing or for a kind that costs none',
    required: ['stamps', 'basis', 'receivedOn'],
    properties: {
      stamps: {
        type: 'array',
        items: {
          type: 'object',
          required: ['variant', 'yen'],
          properties: {
            variant: { type: 'string', nullable: true, description: '1回限り / 数次 for a re-entry permit' },
            yen: { type: 'integer', minimum: 0 },
          },
        },
      },
      basis: { type: 'string', description: 'The articles the amount is taken from' },
      receivedOn: DATE,
    },
  },
  closedOn: nullable(DATE),
  version: { type: 'integer', minimum: 1 },
};

export const MATTER_SCHEMAS: Record<string, SchemaObject> = {
  Matter: { type: 'object', required: Object.keys(MATTER_FIELDS), properties: MATTER_FIELDS },
  MatterList: {
    type: 'object',
    required: ['items', 'total'],
    properties: { items: { type: 'array', items: ref('Matter') }, total: { type: 'integer', minimum: 0 } },
  },
  MissingDocumentList: {
    type: 'object',
    required: ['items', 'total'],
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: [
            'matterId',
            'residentId',
            'residentName',
            'kind',
            'kindLabel',
            'caseworker',
            'source',
            'code',
            'label',
            'providedBy',
            'dueOn',
          ],
          properties: {
            matterId: { type: 'string', format: 'uuid' },
            residentId: { type: 'string', format: 'uuid' },
            residentName: { type: 'string', nullable: true },
            kind: { type: 'string', enum: [...MATTER_KINDS] },
            kindLabel: { type: 'string' },
            caseworker: { type: 'string', nullable: true },
            source: {
              type: 'string',
              enum: ['checklist', 'bureau_request'],
              description: 'checklist: the office’s checklist; bureau_request: an unanswered 資料提出通知',
            },
            code: { type: 'string', nullable: true, description: 'The checklist item; null for a notice’s item' },
            label: { type: 'string' },
            providedBy: { type: 'string', enum: [...DOCUMENT_PROVIDERS] },
            dueOn: nullable(DATE),
          },
        },
      },
      total: { type: 'integer', minimum: 0 },
    },
  },
  AcceptMatter: bodySchema(
    ACCEPT_MATTER_RULES,
    'A matter accepted (受任): the resident, the kind, the fee agreed (yen), the caseworker, the day; the client defaults to the resident.',
  ),
  ChecklistUpdate: bodySchema(CHECKLIST_UPDATE_RULES, 'A checklist item marked; `label` adds an item the catalogue does not list.'),
  MatterFiling: bodySchema(FILE_MATTER_RULES, "The filing: the day, the resident's …Applied fact it is, the bureau, 受付番号 and channel."),
  MatterResultInput: bodySchema(DECIDE_MATTER_RULES, 'A result recorded on the matter itself.'),
  MatterClose: bodySchema(CLOSE_MATTER_RULES, 'The matter closed.'),
};
