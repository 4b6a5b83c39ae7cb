/**
 * What the deadline catalogue says of each kind, and who may owe one. Its own file so that the
 * SSW kinds (ssw/ssw-deadline-kinds.ts) and the catalogue that merges them (deadline-catalogue.ts)
 * both use it without importing each other.
 */

export interface DeadlineDefinition {
  readonly legalBasis: string;
  readonly label: { readonly ja: string; readonly en: string };
  readonly movesOnHoliday: boolean;
  readonly owedBy?: OwedBy;
}

/** The worker (19条の7–19条の16), the employer (19条の18; Hello Work) or the support organisation. */
export const OWED_BY = ['resident', 'employer', 'organisation'] as const;
export type OwedBy = (typeof OWED_BY)[number];

/** Who owes it, in words: 本人 (the worker), 所属機関 (the employer), 登録支援機関 (the support organisation itself). */
export const OWED_BY_LABEL: Readonly<Record<OwedBy, { readonly ja: string; readonly en: string }>> = {
  resident: { ja: '本人', en: 'the resident' },
  employer: { ja: '所属機関', en: 'the employer' },
  organisation: { ja: '登録支援機関', en: 'the support organisation' },
};
