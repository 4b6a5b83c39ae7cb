/** Health: liveness and readiness, and the projection's quarantine for the platform admin. */
import { FeatureModule } from '../bootstrap/feature-module.js';
import { HEALTH_SCHEMAS } from './health-schemas.js';
import { HealthController } from './health.controller.js';
import { ProjectionQuarantineController } from './projection-quarantine.controller.js';

@FeatureModule({
  controllers: [HealthController, ProjectionQuarantineController],
  schemas: [HEALTH_SCHEMAS],
})
export class HealthModule {}
