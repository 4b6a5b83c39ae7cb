/**
 * The documents the immigration bureau lists for each kind of application, as data: the common
 * items of the bureau's pages (docs/sources/application-documents.md names each page). What a
 * category of employer or status adds is not listed: the office adds or marks items
 * not_applicable per matter.
 */
import type { MatterKind } from './matter-kinds.js';

/** Who hands the document in: the person, the employer (所属機関), or the office itself. */
export const DOCUMENT_PROVIDERS = ['person', 'employer', 'office'] as const;
export type DocumentProvider = (typeof DOCUMENT_PROVIDERS)[number];

export interface CatalogueDocument {
  readonly code: string;
  readonly ja: string;
  readonly providedBy: DocumentProvider;
}

const form = (ja: string): CatalogueDocument => ({ code: 'application_form', ja, providedBy: 'office' });
const PHOTO: CatalogueDocument = { code: 'photo', ja: '写真(縦4cm×横3cm)', providedBy: 'person' };
const PASSPORT_AND_CARD: CatalogueDocument = { code: 'passport_and_card', ja: '旅券及び在留カード(提示)', providedBy: 'person' };
const TAX: CatalogueDocument = { code: 'tax_certificates', ja: '住民税の課税(又は非課税)証明書及び納税証明書', providedBy: 'person' };
const EMPLOYER_PROOF: CatalogueDocument = {
  code: 'employer_category_proof',
  ja: '所属機関のカテゴリーを証明する文書(前年分の給与所得の源泉徴収票等の法定調書合計表の写し等)',
  providedBy: 'employer',
};
const RETURN_ENVELOPE: CatalogueDocument = { code: 'return_envelope', ja: '返信用封筒(簡易書留用切手貼付)', providedBy: 'office' };

export const DOCUMENT_CATALOGUE: Readonly<Record<MatterKind, readonly CatalogueDocument[]>> = {
  coe: [
    form('在留資格認定証明書交付申請書'),
    PHOTO,
    RETURN_ENVELOPE,
    EMPLOYER_PROOF,
    { code: 'passport_copy', ja: '旅券の写し', providedBy: 'person' },
  ],
  extension: [form('在留期間更新許可申請書'), PHOTO, PASSPORT_AND_CARD, EMPLOYER_PROOF, TAX],
  status_change: [
    form('在留資格変更許可申請書'),
    PHOTO,
    PASSPORT_AND_CARD,
    EMPLOYER_PROOF,
    { code: 'employment_contract', ja: '労働条件を明示する文書(雇用契約書等)の写し', providedBy: 'employer' },
    { code: 'diploma', ja: '学歴又は職歴を証明する文書(卒業証明書等)', providedBy: 'person' },
  ],
  permanent: [
    form('永住許可申請書'),
    PHOTO,
    PASSPORT_AND_CARD,
    { code: 'reason_statement', ja: '理由書', providedBy: 'office' },
    { code: 'family_register', ja: '身分関係を証明する資料(戸籍謄本・住民票等)', providedBy: 'person' },
    { code: 'tax_5_years', ja: '直近5年分の住民税の課税(又は非課税)証明書及び納税証明書', providedBy: 'person' },
    { code: 'national_taxes', ja: '国税の納税証明書(その3)', providedBy: 'person' },
    { code: 'pension_records', ja: '公的年金の保険料の納付状況を証明する資料(ねんきん定期便等)', providedBy: 'person' },
    { code: 'health_insurance', ja: '公的医療保険の保険料の納付状況を証明する資料', providedBy: 'person' },
    { code: 'guarantor', ja: '身元保証書及び身元保証人の身分事項を明らかにする文書', providedBy: 'person' },
  ],
  status_acquisition: [
    form('在留資格取得許可申請書'),
    { code: 'birth_certificate', ja: '出生届受理証明書等(出生を証する書類)', providedBy: 'person' },
    { code: 'resident_record', ja: '世帯全員の記載のある住民票の写し', providedBy: 'person' },
    { code: 'parents_cards', ja: '扶養者の在留カード及び旅券の写し', providedBy: 'person' },
  ],
  reentry_permit: [form('再入国許可申請書'), PASSPORT_AND_CARD],
  extra_activity: [
    form('資格外活動許可申請書'),
    PASSPORT_AND_CARD,
    { code: 'activity_proof', ja: '当該申請に係る活動の内容を明らかにする書類', providedBy: 'person' },
  ],
  work_qualification_certificate: [
    form('就労資格証明書交付申請書'),
    PASSPORT_AND_CARD,
    { code: 'activity_proof', ja: '資格外活動許可書又は在留資格に係る活動の内容を明らかにする書類', providedBy: 'employer' },
  ],
};
