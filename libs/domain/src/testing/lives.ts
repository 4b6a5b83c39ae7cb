/**
 * Whole lives used by the scenario and property tests: each is a list of facts a caseworker
 * would record, in the order things happened.
 */
import { ResidentLife, card } from './resident-life.js';

/** A Specified Skilled Worker from landing through job loss, new contract, extension, loss and reissue, a trip and return. */
export function specifiedSkilledWorker(): ResidentLife {
  const life = new ResidentLife('1998-07-21', 'ssw');
  life.record('Landed', '2025-04-01', { status: 'specified_skilled_worker_1', periodExpiresOn: '2026-03-31', card: card('SW10000001AA') });
  life.record('Moved', '2025-04-05', { address: 'Nagoya' });
  life.record('ResidenceNotified', '2025-04-10', { address: 'Nagoya' });
  life.record('AffiliationChanged', '2025-10-31', { kind: 'contract', change: 'left', organisation: 'Tokai Foods' });
  life.record('AffiliationNotified', '2025-11-07');
  life.record('AffiliationChanged', '2025-12-15', { kind: 'contract', change: 'new_contract', organisation: 'Chubu Care' });
  life.record('AffiliationNotified', '2025-12-20');
  life.record('ExtensionApplied', '2026-02-02');
  life.record('ExtensionGranted', '2026-04-10', { periodExpiresOn: '2027-04-10', card: card('SW10000002AA') });
  life.record('CardLost', '2026-06-01');
  life.record('CardIssued', '2026-06-10', { card: card('SW10000003AA'), reason: 'loss_reissue' });
  life.record('Departed', '2026-08-01', { reentry: 'deemed' });
  life.record('Reentered', '2026-08-20');
  life.record('Moved', '2026-09-01', { address: 'Gifu' });
  return life;
}

/** A student who changes to Engineer/Humanities/International after graduating. */
export function studentToEngineer(): ResidentLife {
  const life = new ResidentLife('2001-02-28', 'student');
  life.record('Landed', '2024-04-01', { status: 'student', periodExpiresOn: '2026-04-30', card: card('ST20000001AA') });
  life.record('Moved', '2024-04-02', { address: 'Fukuoka' });
  life.record('ResidenceNotified', '2024-04-08', { address: 'Fukuoka' });
  life.record('ExtraActivityPermitted', '2024-04-01', { scope: 'comprehensive' });
  life.record('AffiliationChanged', '2026-03-20', { kind: 'activity', change: 'left', organisation: 'Kyushu University' });
  life.record('StatusChangeApplied', '2026-03-25', { toStatus: 'engineer_humanities_international' });
  life.record('AffiliationNotified', '2026-04-01');
  life.record('StatusChangeGranted', '2026-05-20', {
    status: 'engineer_humanities_international',
    periodExpiresOn: '2029-05-20',
    card: card('EH20000002AA'),
  });
  life.record('Moved', '2026-06-01', { address: 'Tokyo' });
  return life;
}

/** A permanent resident whose deemed re-entry trip lapses. */
export function permanentResidentWhoseTripLapses(): ResidentLife {
  const life = new ResidentLife('1980-12-31', 'pr');
  life.record('Landed', '2019-04-01', { status: 'spouse_of_japanese', periodExpiresOn: '2024-04-01', card: card('SP30000001AA') });
  life.record('PermanentResidenceApplied', '2022-05-01');
  life.record('PermanentResidenceGranted', '2023-02-28', { card: card('PR30000002AA') });
  life.record('Departed', '2025-06-30', { reentry: 'deemed' });
  return life;
}
