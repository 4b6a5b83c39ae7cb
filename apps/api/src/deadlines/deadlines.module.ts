/** Deadlines: the list and the calendar feed, with the organisation's own (its registration, from employers). */
import { FeatureModule } from '../bootstrap/feature-module.js';
import { EmployersModule } from '../employers/employers.module.js';
import { DEADLINE_SCHEMAS } from './deadline-schemas.js';
import { DeadlinesController } from './deadlines.controller.js';
import { ListDeadlinesHandler } from './list-deadlines.handler.js';

@FeatureModule({
  imports: [EmployersModule],
  controllers: [DeadlinesController],
  providers: [ListDeadlinesHandler],
  schemas: [DEADLINE_SCHEMAS],
})
export class DeadlinesModule {}
