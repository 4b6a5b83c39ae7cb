/** A scrivener office's matters (案件) and its register (帳簿). */
import { FeatureModule } from '../bootstrap/feature-module.js';
import { ResidentsModule } from '../residents/residents.module.js';
import { MatterBook } from './matter-book.service.js';
import { MATTER_SCHEMAS } from './matter-schemas.js';
import { MatterResidents } from './matter-views.js';
import { MattersController } from './matters.controller.js';

@FeatureModule({
  imports: [ResidentsModule],
  controllers: [MattersController],
  providers: [MatterBook, MatterResidents],
  schemas: [MATTER_SCHEMAS],
})
export class MattersModule {}
