/** A reference to a named schema of the document's components. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A moment (ISO 8601 with offset), e.g. when something was recorded. */
export const INSTANT = { type: 'string', format: 'date-time' } as const;
export const DATE = { type: 'string', format: 'date', example: '2026-04-01' } as const;
export const nullable = <T extends object>(schema: T) => ({ ...schema, nullable: true });
