/** A reference to a named schema of the document's components. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const DATE = { type: 'string', format: 'date', example: '2026-04-01' } as const;
export const nullable = <T extends object>(schema: T) => ({ ...schema, nullable: true });
