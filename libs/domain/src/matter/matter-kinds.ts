/**
 * The applications an administrative scrivener (行政書士) is engaged for (受任), and the resident
 * facts that record each one's filing and decision. docs/sources/application-documents.md.
 */
import type { EventType } from '../events/events.js';

export const MATTER_KINDS = [
  'coe',
  'extension',
  'status_change',
  'permanent',
  'status_acquisition',
  'reentry_permit',
  'extra_activity',
  'work_qualification_certificate',
] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];

export interface MatterKindDefinition {
  /** 事件の名称 as the register names it. */
  readonly ja: string;
  readonly en: string;
  /** The resident fact that is this application's filing, where the ledger records one. */
  readonly applied: EventType | null;
  /** The resident facts that are its decision. */
  readonly decided: { readonly granted: readonly EventType[]; readonly denied: readonly EventType[] };
}

const none = { granted: [], denied: [] };

export const MATTER_KIND_CATALOGUE: Readonly<Record<MatterKind, MatterKindDefinition>> = {
  coe: {
    ja: '在留資格認定証明書交付申請',
    en: 'Certificate of eligibility',
    applied: null,
    decided: { granted: ['CoeIssued'], denied: [] },
  },
  extension: {
    ja: '在留期間更新許可申請',
    en: 'Extension of the period of stay',
    applied: 'ExtensionApplied',
    decided: { granted: ['ExtensionGranted'], denied: ['ExtensionDenied'] },
  },
  status_change: {
    ja: '在留資格変更許可申請',
    en: 'Change of status of residence',
    applied: 'StatusChangeApplied',
    decided: { granted: ['StatusChangeGranted'], denied: ['StatusChangeDenied'] },
  },
  permanent: {
    ja: '永住許可申請',
    en: 'Permanent residence',
    applied: 'PermanentResidenceApplied',
    decided: { granted: ['PermanentResidenceGranted'], denied: ['PermanentResidenceDenied'] },
  },
  status_acquisition: {
    ja: '在留資格取得許可申請',
    en: 'Acquisition of a status of residence',
    applied: 'StatusAcquisitionApplied',
    decided: { granted: ['StatusAcquisitionGranted'], denied: [] },
  },
  reentry_permit: { ja: '再入国許可申請', en: 'Re-entry permit', applied: null, decided: none },
  extra_activity: {
    ja: '資格外活動許可申請',
    en: 'Permission for activity outside the status',
    applied: null,
    decided: { granted: ['ExtraActivityPermitted'], denied: [] },
  },
  work_qualification_certificate: {
    ja: '就労資格証明書交付申請',
    en: 'Certificate of authorised employment',
    applied: null,
    decided: none,
  },
};
