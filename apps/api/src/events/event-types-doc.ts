/**
 * The event types for the OpenAPI description, read off the class-validator metadata of the
 * data classes, so the document lists exactly what the API checks.
 */
import { getMetadataStorage } from 'class-validator';
import { EVENT_DATA_CLASSES } from './event-data.dto.js';

function fieldsOf(cls: new () => object): string {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  const optional = new Set(metadata.filter((m) => m.type === 'conditionalValidation').map((m) => m.propertyName));
  const names = [...new Set(metadata.map((m) => m.propertyName))];
  return names.length === 0 ? '—' : names.map((name) => `\`${name}\`${optional.has(name) ? '?' : ''}`).join(', ');
}

export function eventTypesDocumentation(): string {
  const rows = Object.entries(EVENT_DATA_CLASSES).map(([type, cls]) => `| \`${type}\` | ${fieldsOf(cls)} |`);
  return ['### Event types (POST /v1/residents/{id}/events)', '', '| type | data |', '|---|---|', ...rows].join('\n');
}
