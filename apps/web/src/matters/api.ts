/**
 * The 申請 screens' calls: a scrivener office's matters (/v1/matters), the register download, and
 * the resident facts a matter's page records (the …Applied fact a filing links, the 資料提出通知
 * and its submission), which live on the resident's stream and so refresh the resident and the board.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiProblem, toProblem, unwrap, type Schemas } from '../api/client';
import { caseloadKey } from '../board/api';
import { fileNameOf } from '../imports/api';
import { recordEvent, type FactToRecord } from '../record/api';
import { residentKeys, residentQuery } from '../residents/api';

export type Matter = Schemas['Matter'];
export type MatterStage = Matter['stage'];
export type MatterKind = Matter['kind'];
export type ChecklistItem = Matter['checklist'][number];
export type ChecklistUpdate = Schemas['ChecklistUpdate'];
export type AcceptMatter = Schemas['AcceptMatter'];
export type MatterFiling = Schemas['MatterFiling'];
export type MatterResult = Schemas['MatterResultInput']['result'];

export const MATTER_STAGES: readonly MatterStage[] = ['collecting', 'under_review', 'documents_requested', 'awaiting_result', 'done'];
export const MATTER_KINDS: readonly MatterKind[] = [
  'coe',
  'extension',
  'status_change',
  'permanent',
  'status_acquisition',
  'reentry_permit',
  'extra_activity',
  'work_qualification_certificate',
];
export const DOCUMENT_STATES: readonly ChecklistItem['state'][] = ['requested', 'received', 'not_applicable'];
export const DOCUMENT_PROVIDERS: readonly ChecklistItem['providedBy'][] = ['person', 'employer', 'office'];
export const CHANNELS: readonly NonNullable<MatterFiling['channel']>[] = ['counter', 'online', 'agent'];

/**
 * The resident fact that is a kind's filing, where the ledger records one whose data the filing
 * form can fill (libs/domain/src/matter/matter-kinds.ts). The filing records it on the resident
 * (the special period while pending follows it) and links it to the matter.
 */
const APPLIED_FACT: Partial<Record<MatterKind, string>> = {
  extension: 'ExtensionApplied',
  permanent: 'PermanentResidenceApplied',
  status_change: 'StatusChangeApplied',
};

export const matterKeys = {
  all: ['matters'] as const,
  list: ['matters', 'list'] as const,
  one: (id: string) => ['matters', id] as const,
};

export const mattersQuery = () =>
  queryOptions({ queryKey: matterKeys.list, queryFn: () => unwrap(api.GET('/v1/matters', { params: { query: {} } })) });

export const matterQuery = (id: string) =>
  queryOptions({ queryKey: matterKeys.one(id), queryFn: () => unwrap(api.GET('/v1/matters/{id}', { params: { path: { id } } })) });

/** After any write on a matter: its lists and page, the resident's reads and the board may have changed. */
function useRefresh() {
  const client = useQueryClient();
  return (matter: Matter) =>
    Promise.all([
      client.invalidateQueries({ queryKey: matterKeys.all }),
      client.invalidateQueries({ queryKey: residentKeys.one(matter.residentId) }),
      client.invalidateQueries({ queryKey: caseloadKey }),
    ]);
}

export function useAcceptMatter(onAccepted: (matter: Matter) => void) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AcceptMatter) => unwrap(api.POST('/v1/matters', { body })),
    onSuccess: async (matter) => {
      await refresh(matter);
      onAccepted(matter);
    },
  });
}

export function useUpdateChecklist(matterId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ code, update }: { code: string; update: ChecklistUpdate }) =>
      unwrap(api.PATCH('/v1/matters/{id}/checklist/{item}', { params: { path: { id: matterId, item: code } }, body: update })),
    onSuccess: refresh,
  });
}

/** The resident's current version (what a recorded fact sends in If-Match). */
function useRecordOnResident() {
  const client = useQueryClient();
  return async (residentId: string, fact: FactToRecord) => {
    const resident = await client.fetchQuery({ ...residentQuery(residentId), staleTime: 0 });
    return recordEvent(residentId, resident.version, fact);
  };
}

export interface FilingInput {
  filedOn: string;
  bureau?: string;
  receiptNumber?: string;
  channel?: MatterFiling['channel'];
}

/** The filing: the resident's …Applied fact first (where the kind has one), then the matter's filing linking it. */
export function useFileMatter(matter: Matter) {
  const refresh = useRefresh();
  const record = useRecordOnResident();
  return useMutation({
    mutationFn: async (input: FilingInput) => {
      const applied = APPLIED_FACT[matter.kind];
      const linkable = applied !== undefined && (applied !== 'StatusChangeApplied' || matter.toStatus !== null);
      let applicationEventId: string | undefined;
      if (linkable) {
        const data: Record<string, unknown> = { filedBy: 'scrivener' };
        if (input.receiptNumber) data['receiptNumber'] = input.receiptNumber;
        if (input.channel) data['channel'] = input.channel;
        if (applied === 'StatusChangeApplied') data['toStatus'] = matter.toStatus;
        applicationEventId = (await record(matter.residentId, { type: applied, occurredOn: input.filedOn, data })).eventId;
      }
      const body: MatterFiling = { ...input, ...(applicationEventId ? { applicationEventId } : {}) };
      return unwrap(api.POST('/v1/matters/{id}/filing', { params: { path: { id: matter.matterId } }, body }));
    },
    onSuccess: refresh,
  });
}

/** 資料提出通知 and its submission: facts of the resident (the deadline additional_documents is theirs). */
export function useRecordRequestFact(matter: Matter) {
  const client = useQueryClient();
  const refresh = useRefresh();
  const record = useRecordOnResident();
  return useMutation({
    mutationFn: (fact: FactToRecord) => record(matter.residentId, fact),
    onSuccess: async () => {
      await refresh(matter);
      await client.invalidateQueries({ queryKey: matterKeys.one(matter.matterId) });
    },
  });
}

export function useDecideMatter(matterId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Schemas['MatterResultInput']) =>
      unwrap(api.POST('/v1/matters/{id}/result', { params: { path: { id: matterId } }, body })),
    onSuccess: refresh,
  });
}

export function useCloseMatter(matterId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Schemas['MatterClose']) => unwrap(api.POST('/v1/matters/{id}/close', { params: { path: { id: matterId } }, body })),
    onSuccess: refresh,
  });
}

export type MissingDocument = Schemas['MissingDocumentList']['items'][number];

export const missingDocumentsQuery = () =>
  queryOptions({
    queryKey: [...matterKeys.all, 'missing-documents'] as const,
    queryFn: () => unwrap(api.GET('/v1/matters/missing-documents', { params: { query: {} } })),
  });

/** The kinds whose bureau form the API prefills (GET /v1/matters/{id}/application-form.xlsx). */
export const FORM_KINDS: readonly MatterKind[] = ['extension', 'status_change'];

/** An Excel file the API answers, saved under the name the server gives. */
async function saveWorkbook(call: Promise<{ data?: unknown; error?: unknown; response: Response }>, fallbackName: string): Promise<void> {
  const { data, error, response } = await call;
  if (!response.ok || !(data instanceof Blob)) throw new ApiProblem(toProblem(error, response));
  const url = URL.createObjectURL(data);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** The register (帳簿) as Excel. */
export const saveRegister = () => saveWorkbook(api.GET('/v1/matters/register.xlsx', { parseAs: 'blob' }), 'register.xlsx');

/** The bureau's application form, prefilled from the ledger, as Excel. */
export const saveApplicationForm = (matterId: string) =>
  saveWorkbook(
    api.GET('/v1/matters/{id}/application-form.xlsx', { params: { path: { id: matterId } }, parseAs: 'blob' }),
    'application-form.xlsx',
  );
