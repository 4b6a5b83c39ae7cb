/** What AppModule adds for personal data: disclosure and erasure, over the runtime's key table. */
import type { Provider } from '@nestjs/common';
import { ResidentKeys } from '@zairyu/resident-streams';
import type { Runtime } from '../bootstrap/runtime.js';
import { DisclosureExport } from './disclosure-export.js';
import { EraseResident } from './erase-resident.js';
import { PersonalDataController } from './personal-data.controller.js';

export const PERSONAL_DATA_CONTROLLERS = [PersonalDataController];

export function personalDataProviders(runtime: Runtime): Provider[] {
  return [{ provide: ResidentKeys, useValue: runtime.residentKeys }, DisclosureExport, EraseResident];
}
