/**
 * The 所属機関 column of an import, linked to the organisation's employer records: by 法人番号
 * when the row gives one, else by the name as compared here (NFKC, case, spaces, ㈱ = (株) =
 * 株式会社). A name the organisation has no record of is a new employer: the dry run says so,
 * the real run creates it once (employers.service.ts, with its history) for all the rows that
 * name it. Residents and the 指定書 then name the record, so the lists' 所属機関 filter and the
 * per-employer grouping find the imported workers.
 */
import { isCorporateNumber } from '@zairyu/domain';
import type { OrganisationCaller } from '../auth/principal.js';
import { recordedBy } from '../auth/principal.js';
import { Failure } from '../failures/failure.js';
import type { EmployersService } from '../employers/index.js';

/** What a row's 所属機関 is in the ledger: an employer on record, or one the import adds. */
export interface EmployerLink {
  name: string;
  corporateNumber: string | null;
  match: 'new' | 'existing';
  /** The record (null: a new employer in a dry run, not created). */
  id: string | null;
}

const LEGAL_FORMS: Array<[RegExp, string]> = [
  [/\(株\)/g, '株式会社'],
  [/\(有\)/g, '有限会社'],
  [/\(合\)/g, '合同会社'],
  [/\(社\)/g, '社団法人'],
  [/\(財\)/g, '財団法人'],
];

/** A name as compared: ㈱ さくら = (株)さくら = 株式会社さくら. */
export function employerNameForm(name: string): string {
  let form = name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  for (const [short, long] of LEGAL_FORMS) form = form.replace(short, long);
  return form;
}

export class ImportEmployers {
  private readonly byId = new Map<string, EmployerLink>();
  private readonly byNumber = new Map<string, EmployerLink>();
  private readonly byName = new Map<string, EmployerLink>();

  private constructor(
    private readonly employers: EmployersService,
    private readonly caller: OrganisationCaller,
  ) {}

  static async load(employers: EmployersService, caller: OrganisationCaller): Promise<ImportEmployers> {
    const links = new ImportEmployers(employers, caller);
    for (const record of await employers.directory(caller.organisationId)) {
      const link: EmployerLink = { name: record.name, corporateNumber: record.corporateNumber, match: 'existing', id: record.id };
      links.byId.set(record.id, link);
      if (record.corporateNumber !== null) links.byNumber.set(record.corporateNumber, link);
      if (!links.byName.has(employerNameForm(record.name))) links.byName.set(employerNameForm(record.name), link);
    }
    return links;
  }

  /** Whether a 法人番号 as typed is one (13 digits with the right check digit). */
  static valid(corporateNumber: string): boolean {
    return isCorporateNumber(corporateNumber.normalize('NFKC').replace(/[\s-]/g, ''));
  }

  /** The employer a row names, as far as the records (and the rows above it) know. */
  link(name: string, corporateNumber: string | null): EmployerLink {
    const number = corporateNumber === null ? null : corporateNumber.normalize('NFKC').replace(/[\s-]/g, '');
    // A record's id (a list exported before its employers were named) is that record.
    const known =
      this.byId.get(name.toLowerCase()) ?? (number !== null ? this.byNumber.get(number) : this.byName.get(employerNameForm(name)));
    if (known !== undefined) return known;
    const added: EmployerLink = { name, corporateNumber: number, match: 'new', id: null };
    if (number !== null) this.byNumber.set(number, added);
    else this.byName.set(employerNameForm(name), added);
    return added;
  }

  /** Creates the record of a new employer (once, however many rows name it); the link then names it. */
  async create(link: EmployerLink): Promise<void> {
    if (link.id !== null) return;
    try {
      const record = await this.employers.create(
        this.caller.organisationId,
        { name: link.name, ...(link.corporateNumber !== null ? { corporateNumber: link.corporateNumber } : {}) },
        recordedBy(this.caller),
      );
      link.id = record.id;
    } catch (error) {
      // Another import (or a person) recorded the same 法人番号 meanwhile: link to that record.
      if (!(error instanceof Failure) || error.facts.code !== 'CORPORATE_NUMBER_IN_USE') throw error;
      const record = (await this.employers.directory(this.caller.organisationId)).find(
        (candidate) => candidate.corporateNumber === link.corporateNumber,
      );
      if (record === undefined) throw error;
      link.id = record.id;
    }
  }
}
