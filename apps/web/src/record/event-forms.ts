/**
 * What each kind of fact asks for (docs/api-v1.md "Event types"): only that type's fields, in the
 * order a caseworker fills them, grouped for the type picker. Labels are i18n keys
 * (fields.*, options.<field>.*); statuses come from the domain's status catalogue.
 */
export type FieldKind = 'status' | 'date' | 'text' | 'select' | 'multiselect' | 'card' | 'checkbox' | 'number';

export interface FormField {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** For select and multiselect: the codes, labelled by options.<name>.<code>. */
  options?: readonly string[];
}

const f = (name: string, kind: FieldKind, required = true, options?: readonly string[]): FormField => ({ name, kind, required, options });

const card = (required = true) => f('card', 'card', required);
const application = [
  f('receiptNumber', 'text', false),
  f('channel', 'select', false, ['counter', 'online', 'agent']),
  f('filedBy', 'select', false, ['self', 'scrivener', 'organisation']),
];

export const EVENT_FORMS: Record<string, readonly FormField[]> = {
  ExistingStatusRecorded: [
    f('status', 'status'),
    f('periodExpiresOn', 'date', false),
    f('grantedOn', 'date', false),
    card(false),
    f('address', 'text', false),
    f('residenceNotified', 'checkbox', false),
  ],
  CaseClosed: [
    f('reason', 'select', true, ['left_caseload', 'duplicate', 'contract_ended', 'transferred', 'other']),
    f('note', 'text', false),
  ],
  CaseReopened: [f('note', 'text', false)],
  Landed: [f('status', 'status'), f('periodExpiresOn', 'date'), f('port', 'text', false), card(false)],
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
  StatusChangeGranted: [f('status', 'status'), f('periodExpiresOn', 'date', false), card()],
  StatusChangeDenied: [],
  PermanentResidenceApplied: application,
  PermanentResidenceGranted: [card()],
  PermanentResidenceDenied: [],
  StatusAcquisitionApplied: [f('status', 'status'), ...application],
  StatusAcquisitionGranted: [f('status', 'status'), f('periodExpiresOn', 'date', false), card()],
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
  ],
  AffiliationNotified: [],
  SpouseRelationshipEnded: [f('cause', 'select', true, ['divorce', 'death'])],
  SpouseNotified: [],
  ExtraActivityPermitted: [f('scope', 'select', true, ['comprehensive', 'individual']), f('hoursPerWeek', 'number', false)],
  CardVerified: [f('number', 'text'), f('result', 'select', true, ['valid', 'invalid'])],
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
    ],
  },
  { group: 'card', types: ['CardIssued', 'CardLost', 'CardSurrendered', 'CardVerified'] },
  { group: 'residence', types: ['Moved', 'ResidenceNotified', 'DetailsChanged'] },
  { group: 'affiliation', types: ['AffiliationChanged', 'AffiliationNotified', 'SpouseRelationshipEnded', 'SpouseNotified'] },
  { group: 'travel', types: ['Departed', 'Reentered'] },
  { group: 'end', types: ['StatusRevoked', 'Naturalised', 'Died'] },
  { group: 'other', types: ['CaseClosed', 'CaseReopened'] },
];

export type FormValues = Record<string, string | boolean | string[]>;

export interface Built {
  data: Record<string, unknown>;
  errors: Record<string, 'required' | 'date'>;
}

/**
 * The event's `data` from what was typed: dates read by `parseDate` (和暦 too), card numbers
 * normalised, empty optional fields left out. Errors name the form's field keys.
 */
export function buildData(
  fields: readonly FormField[],
  values: FormValues,
  parseDate: (text: string) => string | null,
  normaliseCard: (text: string) => string,
): Built {
  const data: Record<string, unknown> = {};
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
  for (const field of fields) {
    switch (field.kind) {
      case 'card': {
        const number = normaliseCard(text('card.number'));
        const issuedOn = date('card.issuedOn', false);
        const expiresOn = date('card.expiresOn', false);
        const kind = text('card.kind');
        if (number === '') {
          if (field.required || issuedOn || expiresOn) errors['card.number'] = 'required';
          break;
        }
        data.card = { number, ...(issuedOn && { issuedOn }), ...(expiresOn && { expiresOn }), ...(kind && { kind }) };
        break;
      }
      case 'date': {
        const value = date(field.name, field.required);
        if (value) data[field.name] = value;
        break;
      }
      case 'checkbox':
        if (values[field.name] === true) data[field.name] = true;
        break;
      case 'multiselect': {
        const chosen = Array.isArray(values[field.name]) ? (values[field.name] as string[]) : [];
        if (chosen.length > 0) data[field.name] = chosen;
        else if (field.required) errors[field.name] = 'required';
        break;
      }
      case 'number': {
        const typed = text(field.name).normalize('NFKC');
        if (typed !== '') data[field.name] = Number(typed);
        else if (field.required) errors[field.name] = 'required';
        break;
      }
      default: {
        const typed = field.name === 'number' ? normaliseCard(text(field.name)) : text(field.name);
        if (typed !== '') data[field.name] = typed;
        else if (field.required) errors[field.name] = 'required';
      }
    }
  }
  return { data, errors };
}
