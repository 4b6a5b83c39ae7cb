/** Cards: one residence card by its number. */
import { FeatureModule } from '../bootstrap/feature-module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { CARD_SCHEMAS } from './card-schemas.js';
import { CardsController } from './cards.controller.js';
import { GetCardHandler } from './get-card.handler.js';

@FeatureModule({
  imports: [ResidentsModule],
  controllers: [CardsController],
  providers: [GetCardHandler],
  schemas: [CARD_SCHEMAS],
})
export class CardsModule {}
