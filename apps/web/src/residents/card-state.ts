/**
 * A card's state in words. A card reported lost stays legally valid until the new one is
 * issued (the holder must apply for reissue within 14 days), so a bare 有効 would mislead:
 * it reads 有効・紛失中.
 */
import type { TFunction } from 'i18next';
import type { ResidentStatus } from './api';

type Card = ResidentStatus['card'];

export const isLostButValid = (card: Card): boolean => card.state === 'valid' && card.lostOn !== null;

export function cardStateLabel(card: Card, t: TFunction): string {
  return isLostButValid(card) ? t('cardState.validLost') : t(`cardState.${card.state}`);
}
