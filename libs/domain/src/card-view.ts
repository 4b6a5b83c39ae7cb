/**
 * The `card` object of docs/api-v1.md, read off a card record as of a date. Shared by the status
 * and the card look-up so both always agree.
 */
import type { LocalDate } from './calendar/local-date.js';
import type { CardKind, MyNumberOption } from './events/card-data.js';
import { cardStateAsOf, type CardState } from './rules/card-validity.js';
import type { CardRecord, InvalidationReason } from './resident/state.js';

export const MY_NUMBER_FUNCTION_STATES = ['active', 'suspended', 'ended'] as const;

export interface CardView {
  number: string | null;
  kind: CardKind | null;
  state: CardState;
  issuedOn: LocalDate | null;
  expiresOn: LocalDate | null;
  invalidatedOn: LocalDate | null;
  invalidationReason: InvalidationReason | null;
  lostOn: LocalDate | null;
  myNumberOption: MyNumberOption | null;
  /** Of a specified residence card: its loss suspends the My Number function at once (docs/sources/specified-residence-card.md). */
  myNumberFunction: (typeof MY_NUMBER_FUNCTION_STATES)[number] | null;
}

export const NO_CARD: CardView = {
  number: null,
  kind: null,
  state: 'none',
  issuedOn: null,
  expiresOn: null,
  invalidatedOn: null,
  invalidationReason: null,
  lostOn: null,
  myNumberOption: null,
  myNumberFunction: null,
};

export function cardViewAsOf(card: CardRecord | null, asOf: LocalDate): CardView {
  const state = cardStateAsOf(card, asOf);
  if (card === null || state === 'none') return NO_CARD;
  const invalidated = state === 'invalidated';
  const lostOn = card.lostOn !== null && card.lostOn <= asOf ? card.lostOn : null;
  return {
    number: card.number,
    kind: card.kind,
    state,
    issuedOn: card.issuedOn,
    expiresOn: card.expiresOn,
    invalidatedOn: invalidated ? card.invalidatedOn : null,
    invalidationReason: invalidated ? card.invalidationReason : null,
    lostOn,
    myNumberOption: card.myNumberOption,
    myNumberFunction: card.kind !== 'specified_residence_card' ? null : state !== 'valid' ? 'ended' : lostOn ? 'suspended' : 'active',
  };
}
