/**
 * Realistic resident lives for the benchmarks, from a seed, in the domain's own event types:
 * Specified Skilled Workers changing jobs, extending and travelling; students becoming
 * engineers; permanent residents on deemed re-entry trips. Each life has exactly
 * `eventsPerResident` events (the tail is moves and their notifications).
 */
import { randomUUID } from 'node:crypto';
import { addDays, addYears, type LedgerEvent, type LocalDate } from '@zairyu/domain';
import { seededRandom } from './seeded-random.js';

type Fact = Exclude<LedgerEvent, { type: 'ResidentRegistered' }>;
const FAMILY = ['NGUYEN', 'TRAN', 'LE', 'PHAM', 'SANTOS', 'REYES', 'WANG', 'LI', 'SHRESTHA', 'GURUNG', 'SARI', 'PUTRI'];
const GIVEN = ['AN', 'BINH', 'HOA', 'LAN', 'MARIA', 'JOSE', 'WEI', 'NA', 'RAM', 'SITA', 'DEWI', 'AYU'];
const NATIONALITY = ['VNM', 'VNM', 'PHL', 'CHN', 'NPL', 'IDN'];

export interface GeneratedResident {
  residentId: string;
  registration: { fullName: string; dateOfBirth: string; nationality: string; externalRef: string; residentId: string };
  facts: Fact[];
  cardNumbers: string[];
}

const fact = <T extends Fact['type']>(type: T, occurredOn: LocalDate, data: Extract<Fact, { type: T }>['data']) =>
  ({ type, occurredOn, data }) as Fact;

export function* generateResidents(count: number, eventsPerResident: number, seed = 20261123): Generator<GeneratedResident> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  for (let i = 0; i < count; i++) {
    const landing = addDays('2019-04-01' as LocalDate, Math.floor(random() * 365 * 4));
    let cardSerial = 0;
    const card = () => ({
      number: `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (((i / 26) % 26) | 0))}${String(i).padStart(7, '0')}${cardSerial++}ZL`,
    });
    const cards: string[] = [];
    const withCard = () => {
      const c = card();
      cards.push(c.number);
      return c;
    };
    const facts: Fact[] = [];
    const template = random();
    if (template < 0.6) {
      const period1 = addDays(addYears(landing, 1), -1);
      const period2 = addYears(period1, 1);
      facts.push(
        fact('Landed', landing, { status: 'specified_skilled_worker_1', periodExpiresOn: period1, card: withCard() }),
        fact('Moved', addDays(landing, 3), { address: 'Aichi' }),
        fact('ResidenceNotified', addDays(landing, 8), { address: 'Aichi' }),
        fact('AffiliationChanged', addDays(landing, 150), { kind: 'contract', change: 'contract_ended' }),
        fact('AffiliationNotified', addDays(landing, 156), {}),
        fact('AffiliationChanged', addDays(landing, 190), { kind: 'contract', change: 'new_contract' }),
        fact('AffiliationNotified', addDays(landing, 196), {}),
        fact('ExtensionApplied', addDays(period1, -60), {}),
        fact('ExtensionGranted', addDays(period1, -20), { periodExpiresOn: period2, card: withCard() }),
        fact('CardLost', addDays(period1, 40), {}),
        fact('CardIssued', addDays(period1, 48), { card: withCard(), reason: 'loss_reissue' }),
        fact('Departed', addDays(period1, 100), { reentry: 'deemed' }),
        fact('Reentered', addDays(period1, 130), {}),
        fact('ExtensionApplied', addDays(period2, -50), {}),
        // 特定技能1号: 3 years for a grant from 2025-09-30, 1 year before (docs/domain-rules.md §3).
        fact('ExtensionGranted', addDays(period2, -10), {
          periodExpiresOn: addYears(period2, addDays(period2, -10) >= '2025-09-30' ? 3 : 1),
          card: withCard(),
        }),
      );
    } else if (template < 0.85) {
      const period1 = addDays(addYears(landing, 2), 29);
      facts.push(
        fact('Landed', landing, { status: 'student', periodExpiresOn: period1, card: withCard() }),
        fact('ExtraActivityPermitted', landing, { scope: 'comprehensive' }),
        fact('Moved', addDays(landing, 2), { address: 'Fukuoka' }),
        fact('ResidenceNotified', addDays(landing, 7), { address: 'Fukuoka' }),
        fact('AffiliationChanged', addDays(period1, -40), { kind: 'activity', change: 'left' }),
        fact('StatusChangeApplied', addDays(period1, -35), { toStatus: 'engineer_humanities_international' }),
        fact('AffiliationNotified', addDays(period1, -30), {}),
        fact('StatusChangeGranted', addDays(period1, 20), {
          status: 'engineer_humanities_international',
          periodExpiresOn: addYears(addDays(period1, 20), 3),
          card: withCard(),
        }),
      );
    } else {
      const period1 = addYears(landing, 3);
      facts.push(
        fact('Landed', landing, { status: 'spouse_of_japanese', periodExpiresOn: period1, card: withCard() }),
        fact('Moved', addDays(landing, 5), { address: 'Osaka' }),
        fact('ResidenceNotified', addDays(landing, 9), { address: 'Osaka' }),
        fact('PermanentResidenceApplied', addDays(landing, 400), {}),
        fact('PermanentResidenceGranted', addDays(landing, 700), { card: withCard() }),
        fact('Departed', addDays(landing, 800), { reentry: 'deemed' }),
        fact('Reentered', addDays(landing, 900), {}),
      );
    }
    // Moves until the life has its length; the last dates stay before the benchmark's "today".
    let day = addDays(facts.at(-1)!.occurredOn, 10);
    while (facts.length < eventsPerResident - 1) {
      facts.push(fact('Moved', day, { address: `Block ${facts.length}` }));
      if (facts.length < eventsPerResident - 1)
        facts.push(fact('ResidenceNotified', addDays(day, 5), { address: `Block ${facts.length - 1}` }));
      day = addDays(day, 30);
    }
    const residentId = randomUUID();
    yield {
      residentId,
      registration: {
        residentId,
        fullName: `${pick(FAMILY)} ${pick(GIVEN)} ${i}`,
        dateOfBirth: addDays('1985-01-01' as LocalDate, Math.floor(random() * 365 * 15)),
        nationality: pick(NATIONALITY),
        externalRef: `EXT-${i}`,
      },
      facts: facts.slice(0, eventsPerResident - 1),
      cardNumbers: cards,
    };
  }
}
