/**
 * The life-line's bands from the status timeline (segments: the status from each day it
 * changes): the stay (period of stay, special period 特例期間, …), time abroad, and each card
 * while valid. A band runs [from, to): to is the first day of the next different segment.
 */
import type { StatusSegment } from './api';

export type StayKind = 'period_of_stay' | 'special_period' | 'abroad' | 'other';

export interface Band {
  lane: 'stay' | 'card';
  kind: string;
  from: string;
  to: string;
  label?: string;
}

function stayKind(segment: StatusSegment): StayKind | null {
  const { residence } = segment.status;
  if (!residence.lawful) return null;
  if (!residence.inJapan) return 'abroad';
  if (residence.basis === 'special_period') return 'special_period';
  if (residence.basis === 'period_of_stay' || residence.basis === 'permanent') return 'period_of_stay';
  return 'other';
}

export function lifelineBands(segments: readonly StatusSegment[], end: string): Band[] {
  const dated = segments.filter((s): s is StatusSegment & { from: string } => s.from !== null && s.from < end);
  const bands: Band[] = [];
  const push = (band: Band) => {
    const previous = bands.findLast((b) => b.lane === band.lane);
    if (previous && previous.kind === band.kind && previous.label === band.label && previous.to === band.from) previous.to = band.to;
    else bands.push(band);
  };
  dated.forEach((segment, index) => {
    const to = dated[index + 1]?.from ?? end;
    const stay = stayKind(segment);
    if (stay) push({ lane: 'stay', kind: stay, from: segment.from, to, label: segment.status.residence.status ?? undefined });
    const card = segment.status.card;
    if (card.state === 'valid' && card.number) push({ lane: 'card', kind: 'card', from: segment.from, to, label: card.number });
  });
  return bands;
}
