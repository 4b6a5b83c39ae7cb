/** What AppModule adds for taking a caseload in (POST /v1/imports) and out (the .csv / .xlsx exports). */
import type { Provider } from '@nestjs/common';
import { CaseloadImport } from './caseload-import.service.js';
import { ImportLock } from './import-lock.js';
import { ImportsController } from './imports.controller.js';
import { ExportsController } from '../exports/exports.controller.js';

/** The one route that takes multipart/form-data (http/json-only.ts refuses it elsewhere). */
export const IMPORTS_PATH = '/v1/imports';

export const IMPORTS_CONTROLLERS = [ImportsController, ExportsController];

export const IMPORTS_PROVIDERS: Provider[] = [CaseloadImport, ImportLock];
