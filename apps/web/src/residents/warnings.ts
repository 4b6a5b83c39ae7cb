/**
 * Warnings in plain words from the status, the history and the deadlines as of a date: the
 * things a caseworker must not miss (contract ended with no new one, card reported lost, an
 * application pending and when the special period ends, abroad and the date to return by).
 */
import type { Deadline, RecordedEvent, ResidentStatus } from './api';

export type Warning = { key: string; values?: Record<string, string | number>; tone: 'red' | 'orange' | 'blue' };

const APPLIED_TO_DECIDED: Record<string, string[]> = {
  ExtensionApplied: ['ExtensionGranted', 'ExtensionDenied'],
  StatusChangeApplied: ['StatusChangeGranted', 'StatusChangeDenied'],
  PermanentResidenceApplied: ['PermanentResidenceGranted', 'PermanentResidenceDenied'],
  StatusAcquisitionApplied: ['StatusAcquisitionGranted'],
};

export function warningsFor(
  status: ResidentStatus,
  events: readonly RecordedEvent[],
  deadlines: readonly Deadline[],
  asOf: string,
): Warning[] {
  const facts = events.filter((e) => !e.retracted && e.type !== 'EventRetracted' && e.occurredOn <= asOf);
  const last = (types: string[]) =>
    facts
      .filter((e) => types.includes(e.type))
      .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.version - b.version)
      .at(-1);
  const warnings: Warning[] = [];
  const { residence, card, work } = status;

  if (!residence.lawful) warnings.push({ key: 'warnings.notLawful', tone: 'red' });
  const overdue = deadlines.filter((d) => d.state === 'overdue').length;
  if (overdue > 0) warnings.push({ key: 'warnings.overdue', values: { count: overdue }, tone: 'red' });

  const lost = last(['CardLost']);
  const reissued = last(['CardIssued', 'ExtensionGranted', 'StatusChangeGranted', 'PermanentResidenceGranted', 'StatusAcquisitionGranted']);
  if (
    lost &&
    (!reissued || reissued.occurredOn < lost.occurredOn || (reissued.occurredOn === lost.occurredOn && reissued.version < lost.version))
  )
    warnings.push({ key: 'warnings.cardLost', tone: 'orange' });
  if (card.state === 'expired') warnings.push({ key: 'warnings.cardExpired', tone: 'red' });
  if (card.state === 'invalidated' && card.invalidationReason !== 'replaced')
    warnings.push({ key: 'warnings.cardInvalid', values: { reason: `invalidation.${card.invalidationReason}` }, tone: 'red' });

  const contract = last(['AffiliationChanged']);
  const ended = contract?.type === 'AffiliationChanged' && ['contract_ended', 'left', 'dissolved'].includes(contract.data.change);
  if (ended) warnings.push({ key: 'warnings.contractEnded', tone: 'orange' });

  for (const [applied, decided] of Object.entries(APPLIED_TO_DECIDED)) {
    const application = last([applied]);
    const decision = last(decided);
    if (application && (!decision || decision.version < application.version))
      warnings.push({ key: 'warnings.pending', values: { what: `events.${applied}` }, tone: 'blue' });
  }
  if (residence.basis === 'special_period' && residence.lawfulUntil)
    warnings.push({ key: 'warnings.specialPeriodEnds', values: { date: residence.lawfulUntil }, tone: 'orange' });
  if ((residence.basis === 'deemed_reentry_abroad' || residence.basis === 'reentry_permit_abroad') && residence.lawfulUntil)
    warnings.push({ key: 'warnings.abroad', values: { date: residence.lawfulUntil }, tone: 'orange' });
  if (residence.lawful && work.permission === 'not_permitted' && !work.extraActivityHoursPerWeek)
    warnings.push({ key: 'warnings.noWork', tone: 'blue' });
  return warnings;
}
