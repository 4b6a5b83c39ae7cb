/**
 * What each kind of fact asks for (docs/api-v1.md "Event types"): only that type's fields, in the
 * order a caseworker fills them, grouped for the type picker. Labels are i18n keys: fields.* and
 * options.<field>.* for the core facts, facts.fields.* and facts.options.* for the rest (a field
 * may name its entry with `as` where one name means different things in two facts).
 * event-forms.spec.ts checks every form against the domain's DATA_RULES.
 */
export type FieldKind =
  | 'status'
  | 'date'
  | 'text'
  | 'longtext'
  | 'select'
  | 'multiselect'
  | 'card'
  | 'checkbox'
  | 'number'
  /** A list of short texts, one a line (sent as an array). */
  | 'lines'
  /** An employer record, chosen from the organisation's list (its id is sent). */
  | 'employer'
  /** A user of the organisation, chosen by name (their id is sent). */
  | 'person'
  /** 指定書: the 特定活動 case, or for 特定技能 the field, employer and 業務区分. */
  | 'designation'
  /** A nested object: its parts are sent under the field's name. */
  | 'group';

export interface FormField {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** For select and multiselect: the codes, labelled by <choices>.<code>. */
  options?: readonly string[];
  /** The label's i18n key (default fields.<name>). */
  label?: string;
  /** The i18n prefix of the choices' names (default options.<name>). */
  choices?: string;
  /** For a group: its fields. */
  parts?: readonly FormField[];
}

export const labelKey = (field: FormField) => field.label ?? `fields.${field.name}`;
export const choiceKey = (field: FormField, code: string) => `${field.choices ?? `options.${field.name}`}.${code}`;

const f = (name: string, kind: FieldKind, required = true, options?: readonly string[]): FormField => ({ name, kind, required, options });
/** A field labelled in the facts dictionary (facts.fields.<as>, facts.options.<as>). */
const x = (name: string, kind: FieldKind, required = true, options?: readonly string[], as = name): FormField => ({
  name,
  kind,
  required,
  options,
  label: `facts.fields.${as}`,
  choices: `facts.options.${as}`,
});

const card = (required = true) => f('card', 'card', required);
const designation = x('designation', 'designation', false);
const FILING = [
  f('receiptNumber', 'text', false),
  f('channel', 'select', false, ['counter', 'online', 'agent']),
  f('filedBy', 'select', false, ['self', 'scrivener', 'organisation']),
];
const application = FILING;
/** How a filing to ISA or Hello Work went in, and the number it got. */
const filingDetails = [x('filedVia', 'select', false, ['counter', 'post', 'online']), x('referenceNumber', 'text', false)];

export const EVENT_FORMS: Record<string, readonly FormField[]> = {
  ExistingStatusRecorded: [
    f('status', 'status'),
    f('periodExpiresOn', 'date', false),
    f('grantedOn', 'date', false),
    card(false),
    f('address', 'text', false),
    f('residenceNotified', 'checkbox', false),
    designation,
    x('inJapan', 'checkbox', false),
    {
      ...x('pendingApplication', 'group', false),
      parts: [
        x('kind', 'select', true, ['extension', 'status_change', 'permanent'], 'pendingKind'),
        x('appliedOn', 'date', true),
        f('toStatus', 'status', false),
        ...FILING,
      ],
    },
    x('ssw1CountFrom', 'date', false),
    x('ssw1MonthsUsed', 'number', false),
    x('skillDevelopmentCountFrom', 'date', false),
  ],
  CaseClosed: [
    f('reason', 'select', true, ['left_caseload', 'duplicate', 'contract_ended', 'transferred', 'other']),
    f('note', 'text', false),
  ],
  CaseReopened: [f('note', 'text', false)],
  CaseAssigned: [x('assignedTo', 'person', false), f('note', 'text', false)],
  Landed: [f('status', 'status'), f('periodExpiresOn', 'date'), f('port', 'text', false), card(false), designation],
  BornInJapan: [],
  CardIssued: [
    card(),
    f('reason', 'select', true, ['landing', 'detail_change', 'validity_renewal', 'loss_reissue', 'damage_reissue', 'exchange']),
  ],
  Moved: [f('address', 'text')],
  ResidenceNotified: [f('address', 'text')],
  DetailsChanged: [f('fields', 'multiselect', true, ['name', 'nationality', 'dateOfBirth', 'gender'])],
  ExtensionApplied: application,
  ExtensionGranted: [f('periodExpiresOn', 'date'), card()],
  ExtensionDenied: [],
  StatusChangeApplied: [f('toStatus', 'status'), ...application],
  StatusChangeGranted: [f('status', 'status'), f('periodExpiresOn', 'date', false), card(), designation],
  StatusChangeDenied: [],
  PermanentResidenceApplied: application,
  PermanentResidenceGranted: [card()],
  PermanentResidenceDenied: [],
  StatusAcquisitionApplied: [f('status', 'status'), ...application],
  StatusAcquisitionGranted: [f('status', 'status'), f('periodExpiresOn', 'date', false), card(), designation],
  CardLost: [f('discoveredAbroad', 'checkbox', false)],
  CardSurrendered: [f('reason', 'text', false)],
  Departed: [f('reentry', 'select', true, ['none', 'deemed', 'permit']), f('permitExpiresOn', 'date', false)],
  Reentered: [],
  StatusRevoked: [f('ground', 'text', false), f('departureBy', 'date', false)],
  Naturalised: [],
  Died: [],
  AffiliationChanged: [
    f('kind', 'select', true, ['activity', 'contract']),
    f('change', 'select', true, ['name_changed', 'address_changed', 'dissolved', 'left', 'transferred', 'contract_ended', 'new_contract']),
    f('organisation', 'text', false),
    x('employer', 'employer', false),
    x('helloWork', 'select', false, ['insured', 'not_insured']),
  ],
  AffiliationNotified: [],
  SpouseRelationshipEnded: [f('cause', 'select', true, ['divorce', 'death'])],
  SpouseNotified: [],
  ExtraActivityPermitted: [f('scope', 'select', true, ['comprehensive', 'individual']), f('hoursPerWeek', 'number', false)],
  CardVerified: [f('number', 'text'), f('result', 'select', true, ['valid', 'invalid'])],
  AdditionalDocumentsRequested: [
    x('requestedOn', 'date', true, undefined, 'noticeOn'),
    x('dueOn', 'date', true, undefined, 'documentsDueOn'),
    x('items', 'lines', true, undefined, 'documentItems'),
  ],
  AdditionalDocumentsSubmitted: [],
  SummonsIssued: [
    x('issuedOn', 'date', true, undefined, 'noticeOn'),
    x('appearOn', 'date', true, undefined, 'appearOn'),
    x('place', 'text', false, undefined, 'appearAt'),
  ],
  SummonsAttended: [],
  CoeIssued: [x('issuedOn', 'date', true, undefined, 'coeIssuedOn'), f('status', 'status')],
  SupportStarted: [x('employer', 'employer'), x('plan', 'text', false)],
  SupportEnded: [x('reason', 'text', true, undefined, 'supportEndReason')],
  SupportContractChanged: [x('summary', 'longtext', false)],
  SupportInterviewHeld: [
    x('with', 'select', true, ['worker', 'supervisor']),
    x('mode', 'select', true, ['in_person', 'online']),
    x('interpreter', 'text', false),
    x('findings', 'longtext', false),
    x('actions', 'longtext', false),
  ],
  OrientationHeld: [x('hours', 'number')],
  SswIntervalExcluded: [
    x('from', 'date', true, undefined, 'excludedFrom'),
    x('to', 'date', true, undefined, 'excludedTo'),
    x(
      'reason',
      'select',
      true,
      ['maternity', 'childcare', 'illness_injury', 'occupational_illness_injury', 'reentry_barred'],
      'exclusionReason',
    ),
  ],
  SswSixthYearApproved: [],
  SkillDevelopmentExtensionApproved: [],
  SkillDevelopmentTransferred: [
    x('reason', 'select', true, ['unavoidable', 'own_will'], 'transferReason'),
    x('restrictionMonths', 'number', false),
  ],
  SswContractChanged: [x('summary', 'longtext', false)],
  AcceptanceDifficulty: [
    x(
      'cause',
      'select',
      true,
      ['business_reasons', 'death', 'illness', 'disappearance', 'return_home', 'unable_to_work', 'other'],
      'difficultyCause',
    ),
  ],
  SupportPlanChanged: [x('summary', 'longtext', false)],
  SswStandardsNonConformity: [x('summary', 'longtext', false)],
  SupportDifficulty: [x('summary', 'longtext', false)],
  SswReportFiled: [
    x(
      'kind',
      'select',
      true,
      ['annual', 'contract', 'support_contract', 'acceptance_difficulty', 'support_plan', 'standards_nonconformity', 'support_difficulty'],
      'reportKind',
    ),
    x('fiscalYear', 'number', false),
    ...filingDetails,
  ],
  HelloWorkNotified: [x('kind', 'select', true, ['hiring', 'leaving'], 'helloWorkKind'), ...filingDetails],
};

/** Facts recorded by their own controls, not the fact form: the correction form and the history's retract. */
export const RECORDED_ELSEWHERE: Readonly<Record<string, string>> = {
  DetailsCorrected: 'residents/CaseActions.tsx',
  EventRetracted: 'residents/HistoryTable.tsx',
};

/** The type picker's groups (record.groups.*), in the order a life runs. */
export const EVENT_GROUPS: ReadonlyArray<{ group: string; types: readonly string[] }> = [
  { group: 'landing', types: ['Landed', 'BornInJapan', 'ExistingStatusRecorded'] },
  {
    group: 'applications',
    types: [
      'ExtensionApplied',
      'ExtensionGranted',
      'ExtensionDenied',
      'StatusChangeApplied',
      'StatusChangeGranted',
      'StatusChangeDenied',
      'PermanentResidenceApplied',
      'PermanentResidenceGranted',
      'PermanentResidenceDenied',
      'StatusAcquisitionApplied',
      'StatusAcquisitionGranted',
      'ExtraActivityPermitted',
      'AdditionalDocumentsRequested',
      'AdditionalDocumentsSubmitted',
      'SummonsIssued',
      'SummonsAttended',
      'CoeIssued',
    ],
  },
  { group: 'card', types: ['CardIssued', 'CardLost', 'CardSurrendered', 'CardVerified'] },
  { group: 'residence', types: ['Moved', 'ResidenceNotified', 'DetailsChanged'] },
  { group: 'affiliation', types: ['AffiliationChanged', 'AffiliationNotified', 'SpouseRelationshipEnded', 'SpouseNotified'] },
  { group: 'travel', types: ['Departed', 'Reentered'] },
  { group: 'end', types: ['StatusRevoked', 'Naturalised', 'Died'] },
  {
    group: 'ssw',
    types: [
      'SupportStarted',
      'OrientationHeld',
      'SupportInterviewHeld',
      'SswReportFiled',
      'HelloWorkNotified',
      'SswContractChanged',
      'SupportContractChanged',
      'SupportPlanChanged',
      'AcceptanceDifficulty',
      'SswStandardsNonConformity',
      'SupportDifficulty',
      'SswIntervalExcluded',
      'SswSixthYearApproved',
      'SupportEnded',
    ],
  },
  { group: 'skillDevelopment', types: ['SkillDevelopmentTransferred', 'SkillDevelopmentExtensionApproved'] },
  { group: 'other', types: ['CaseClosed', 'CaseReopened', 'CaseAssigned'] },
];

export type FormValues = Record<string, string | boolean | string[]>;

export interface Built {
  data: Record<string, unknown>;
  errors: Record<string, 'required' | 'date'>;
}

/**
 * The event's `data` from what was typed: dates read by `parseDate` (和暦 too), card numbers
 * normalised, empty optional fields left out. Errors name the form's field keys (a part of a
 * group or of the card as `group.part`).
 */
export function buildData(
  fields: readonly FormField[],
  values: FormValues,
  parseDate: (text: string) => string | null,
  normaliseCard: (text: string) => string,
): Built {
  const errors: Built['errors'] = {};
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string).trim() : '');
  const date = (key: string, required: boolean): string | undefined => {
    const typed = text(key);
    if (typed === '') {
      if (required) errors[key] = 'required';
      return undefined;
    }
    const parsed = parseDate(typed);
    if (parsed === null) errors[key] = 'date';
    return parsed ?? undefined;
  };
  const typedIn = (prefix: string) =>
    Object.entries(values).some(
      ([key, value]) => key.startsWith(prefix) && (Array.isArray(value) ? value.length > 0 : value !== '' && value !== false),
    );

  const build = (list: readonly FormField[], prefix: string): Record<string, unknown> => {
    const data: Record<string, unknown> = {};
    for (const field of list) {
      const key = `${prefix}${field.name}`;
      switch (field.kind) {
        case 'card': {
          const number = normaliseCard(text(`${key}.number`));
          const issuedOn = date(`${key}.issuedOn`, false);
          const expiresOn = date(`${key}.expiresOn`, false);
          const kind = text(`${key}.kind`);
          const myNumberOption = text(`${key}.myNumberOption`);
          if (number === '') {
            if (field.required || issuedOn || expiresOn) errors[`${key}.number`] = 'required';
            break;
          }
          data[field.name] = {
            number,
            ...(issuedOn && { issuedOn }),
            ...(expiresOn && { expiresOn }),
            ...(kind && { kind }),
            ...(myNumberOption && { myNumberOption }),
          };
          break;
        }
        case 'designation': {
          // 特定技能: the field (and employer, 業務区分); 特定活動: the case's code.
          const sswField = text(`${key}.field`);
          const code = text(`${key}.code`);
          if (sswField) {
            const employer = text(`${key}.employer`);
            const jobCategory = text(`${key}.jobCategory`);
            data[field.name] = { field: sswField, ...(employer && { employer }), ...(jobCategory && { jobCategory }) };
          } else if (code) data[field.name] = code;
          break;
        }
        case 'group': {
          if (!field.required && !typedIn(`${key}.`)) break;
          data[field.name] = build(field.parts ?? [], `${key}.`);
          break;
        }
        case 'date': {
          const value = date(key, field.required);
          if (value) data[field.name] = value;
          break;
        }
        case 'checkbox':
          if (values[key] === true) data[field.name] = true;
          break;
        case 'multiselect': {
          const chosen = Array.isArray(values[key]) ? (values[key] as string[]) : [];
          if (chosen.length > 0) data[field.name] = chosen;
          else if (field.required) errors[key] = 'required';
          break;
        }
        case 'lines': {
          const lines = text(key)
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== '');
          if (lines.length > 0) data[field.name] = lines;
          else if (field.required) errors[key] = 'required';
          break;
        }
        case 'number': {
          const typed = text(key).normalize('NFKC');
          if (typed !== '') data[field.name] = Number(typed);
          else if (field.required) errors[key] = 'required';
          break;
        }
        default: {
          const typed = field.name === 'number' && field.kind === 'text' ? normaliseCard(text(key)) : text(key);
          if (typed !== '') data[field.name] = typed;
          else if (field.required) errors[key] = 'required';
        }
      }
    }
    return data;
  };
  const data = build(fields, '');
  return { data, errors };
}
