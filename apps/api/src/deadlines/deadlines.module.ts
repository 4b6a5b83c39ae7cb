/** Deadlines: the list and the calendar feed, with the organisation's own (its registration, from employers), each row with the name of
 * the person in charge (from people). */
import { FeatureModule } from '../bootstrap/feature-module.js';
import { EmployersModule } from '../employers/employers.module.js';
import { PeopleModule } from '../people/people.module.js';
import { DEADLINE_SCHEMAS } from './deadline-schemas.js';
import { DeadlinesController } from './deadlines.controller.js';
import { ListDeadlinesHandler } from './list-deadlines.handler.js';

@FeatureModule({
  imports: [EmployersModule, PeopleModule],
  controllers: [DeadlinesController],
  providers: [ListDeadlinesHandler],
  schemas: [DEADLINE_SCHEMAS],
})
export class DeadlinesModule {}
