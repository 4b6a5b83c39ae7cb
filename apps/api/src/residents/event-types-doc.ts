/**
 * The event types for the OpenAPI description, read off the domain's rules for each type's
 * data, so the document lists exactly what the API checks.
 */
import { RECORDABLE_EVENT_TYPES, eventDataFields } from '@zairyu/domain';

export function eventTypesDocumentation(): string {
  const rows = RECORDABLE_EVENT_TYPES.map((type) => {
    const fields = eventDataFields(type).map(({ name, optional }) => `\`${name}\`${optional ? '?' : ''}`);
    return `| \`${type}\` | ${fields.length === 0 ? '—' : fields.join(', ')} |`;
  });
  return ['### Event types (POST /v1/residents/{id}/events)', '', '| type | data |', '|---|---|', ...rows].join('\n');
}
