/**
 * 手数料: the revenue stamp (収入印紙) a granted application is paid with, by kind, channel and
 * the day the application was received. 入管法67条・67条の2 (at most 1万円) and the amounts of
 * 出入国管理及び難民認定法施行令9条, as amended with effect from 2025-04-01 (the amount follows the
 * day the application was received, not the day of the grant). docs/sources/stamp-fees.md: the
 * amounts are read from secondary sources quoting the bureau's notice (reading).
 *
 * The 2026 bill raising the statutory caps (10万円 / 永住 30万円, cabinet decision 2026-03-10)
 * leaves the amounts to a later cabinet order: when one takes effect it is a new period below.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { APPLICATION_CHANNELS } from '../events/events.js';
import type { MatterKind } from './matter-kinds.js';

export type FilingChannel = (typeof APPLICATION_CHANNELS)[number];

/** One stamp a grant may call for; `variant` names it where the kind has more than one (再入国: 1回限り / 数次). */
export interface StampFee {
  variant: string | null;
  yen: number;
}

interface FeePeriod {
  /** First day of receipt the amounts apply to. */
  readonly from: LocalDate;
  readonly basis: string;
  /** [counter, online]: online null where the procedure is paper only or no online rate existed. */
  readonly amounts: Readonly<
    Partial<Record<MatterKind, ReadonlyArray<{ variant: string | null; counter: number; online: number | null }>>>
  >;
}

const one = (counter: number, online: number | null = null) => [{ variant: null, counter, online }];

/** Oldest first. Kinds absent from a period are free (在留資格認定証明書, 在留資格取得, 資格外活動). */
const PERIODS: readonly FeePeriod[] = [
  {
    // The amounts in force just before the 2025 amendment, since 施行令9条 took the fees over from the
    // abolished 手数料令 (2012-07-09); an older filing is read by them too, the ledger holding none.
    from: '2012-07-09' as LocalDate,
    basis: '入管法67条・67条の2、同法施行令9条(2025年3月31日まで受付の申請)',
    amounts: {
      extension: one(4000),
      status_change: one(4000),
      permanent: one(8000),
      reentry_permit: [
        { variant: '1回限り', counter: 3000, online: null },
        { variant: '数次', counter: 6000, online: null },
      ],
      work_qualification_certificate: one(1200),
    },
  },
  {
    from: '2025-04-01' as LocalDate,
    basis: '入管法67条・67条の2、同法施行令9条(令和7年4月1日施行の改正後)',
    amounts: {
      extension: one(6000, 5500),
      status_change: one(6000, 5500),
      permanent: one(10000),
      reentry_permit: [
        { variant: '1回限り', counter: 4000, online: 3500 },
        { variant: '数次', counter: 7000, online: 6500 },
      ],
      work_qualification_certificate: one(2000, 1600),
    },
  },
];

export interface StampFeeAnswer {
  /** Empty: the kind costs no stamp. */
  stamps: StampFee[];
  basis: string;
  /** The day of receipt the amounts were chosen by. */
  receivedOn: LocalDate;
}

/**
 * The stamps for an application of `kind` received on `receivedOn` through `channel`. Only an
 * application through the online system (在留申請オンラインシステム) pays the online rate; a
 * paper filing by an agent (取次) pays the counter's. A channel not recorded is taken as paper.
 */
export function stampFees(kind: MatterKind, channel: FilingChannel | null, receivedOn: LocalDate): StampFeeAnswer {
  const period = [...PERIODS].reverse().find((candidate) => candidate.from <= receivedOn) ?? PERIODS[0]!;
  const online = channel === 'online';
  const stamps = (period.amounts[kind] ?? []).map((amount) => ({
    variant: amount.variant,
    yen: online && amount.online !== null ? amount.online : amount.counter,
  }));
  return { stamps, basis: period.basis, receivedOn };
}
