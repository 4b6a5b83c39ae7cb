/** What AppModule adds for a scrivener office's matters (案件) and its register (帳簿). */
import { MatterBook } from './matter-book.service.js';
import { MatterResidents } from './matter-views.js';
import { MattersController } from './matters.controller.js';

export const MATTER_CONTROLLERS = [MattersController];
export const MATTER_PROVIDERS = [MatterBook, MatterResidents];
