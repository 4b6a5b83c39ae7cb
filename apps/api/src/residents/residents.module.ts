/** Residents: registering, recording, the timeline and the lists; others write through its writer and read through its ledger. */
import { FeatureModule } from '../bootstrap/feature-module.js';
import { PeopleModule } from '../people/people.module.js';
import { Assignees } from './assignment.js';
import { AssigneesController } from './assignees.controller.js';
import { AssignResidentsHandler } from './bulk-assignment.js';
import { BulkAssignmentController } from './bulk-assignment.controller.js';
import { ListResidentsHandler } from './list-residents.handler.js';
import { PossibleDuplicates } from './possible-duplicates.js';
import { RecordEventHandler } from './record-event.handler.js';
import { RegisterResidentHandler } from './register-resident.handler.js';
import { ResidentLedger } from './resident-ledger.service.js';
import { GetResidentHandler } from './resident-queries.js';
import { RESIDENT_SCHEMAS } from './resident-schemas.js';
import { ResidentWriter } from './resident-writer.js';
import { ResidentsController } from './residents.controller.js';
import { ResidentTimelineController } from './timeline.controller.js';

@FeatureModule({
  imports: [PeopleModule],
  // Before ResidentsController: `assignments` is no resident id.
  controllers: [BulkAssignmentController, ResidentsController, ResidentTimelineController, AssigneesController],
  providers: [
    Assignees,
    ResidentLedger,
    ResidentWriter,
    PossibleDuplicates,
    RegisterResidentHandler,
    RecordEventHandler,
    GetResidentHandler,
    ListResidentsHandler,
    AssignResidentsHandler,
  ],
  exports: [Assignees, ResidentLedger, ResidentWriter, PossibleDuplicates],
  schemas: [RESIDENT_SCHEMAS],
})
export class ResidentsModule {}
