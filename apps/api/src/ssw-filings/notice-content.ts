/**
 * Which 随時届出 a fact calls for (docs/ssw-duties.md §5), and what it says of the fact in the
 * form's words. A fact that calls for none has no document (the endpoint's 404).
 */
import type { RecordedEvent } from '@zairyu/domain';
import type { NoticeContent } from './filing-workbooks.js';

const CONTRACT_CHANGES: Record<string, string> = {
  new_contract: '新たな特定技能雇用契約の締結',
  transferred: '新たな特定技能雇用契約の締結(出向・転籍)',
  contract_ended: '特定技能雇用契約の終了',
  left: '特定技能雇用契約の終了(離職)',
  dissolved: '特定技能雇用契約の終了(所属機関の消滅)',
};

const DIFFICULTY_CAUSES: Record<string, string> = {
  business_reasons: '特定技能所属機関の都合(経営上の都合)',
  death: '特定技能外国人の都合(死亡)',
  illness: '特定技能外国人の都合(病気・怪我)',
  disappearance: '特定技能外国人の都合(行方不明)',
  return_home: '特定技能外国人の都合(帰国の希望)',
  unable_to_work: '1か月以上活動できない事情',
  other: 'その他',
};

export function noticeContent(fact: RecordedEvent): NoticeContent | null {
  const base = { occurredOn: fact.occurredOn };
  switch (fact.type) {
    case 'SswContractChanged':
      return { ...base, form: 'contract_change', reason: '特定技能雇用契約の変更', detail: fact.data.summary ?? null };
    case 'AffiliationChanged': {
      const reason = fact.data.kind === 'contract' ? CONTRACT_CHANGES[fact.data.change] : undefined;
      return reason === undefined ? null : { ...base, form: 'contract_end_or_new', reason, detail: null };
    }
    case 'SupportStarted':
      return { ...base, form: 'support_contract', reason: '支援委託契約の締結', detail: fact.data.plan ?? null };
    case 'SupportContractChanged':
      return { ...base, form: 'support_contract', reason: '支援委託契約の変更', detail: fact.data.summary ?? null };
    case 'SupportEnded':
      return { ...base, form: 'support_contract', reason: '支援委託契約の終了', detail: fact.data.reason };
    case 'AcceptanceDifficulty':
      return { ...base, form: 'acceptance_difficulty', reason: DIFFICULTY_CAUSES[fact.data.cause] ?? 'その他', detail: null };
    default:
      return null;
  }
}
