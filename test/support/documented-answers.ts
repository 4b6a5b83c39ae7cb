/**
 * Checks real answers against the OpenAPI document: the body of a status an operation does
 * not document, or a body its schema refuses, is an error. The document's OpenAPI 3.0
 * `nullable` becomes JSON Schema's `null` type for Ajv; `discriminator` is a hint only
 * (the `oneOf` alone decides), so it is left out.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = { [key: string]: unknown };

function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, discriminator: _hint, ...rest } = node as Json;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? value.replace(/^#/, 'api#') : toJsonSchema(value),
    ]),
  );
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

export class DocumentedAnswers {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly document: Json) {
    (addFormats as unknown as (ajv: Ajv) => void)(this.ajv);
    const schemas = (document['components'] as Json)['schemas'] as Json;
    this.ajv.addSchema({ $id: 'api', components: { schemas: toJsonSchema(schemas) } });
  }

  /** The problems with an answer, empty when the document describes it. */
  check(method: string, path: string, status: number, contentType: string, body: unknown): string[] {
    const operation = ((this.document['paths'] as Json)[path] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
    if (!operation) return [`${method} ${path} is not in the document`];
    const response = (operation['responses'] as Json)[String(status)] as Json | undefined;
    if (!response) return [`${method} ${path} does not document ${status}`];
    const type = contentType.split(';')[0]!.trim();
    // An answer without a body (204) matches a documented answer without content.
    if (type === '' && response['content'] === undefined) return [];
    const media = (response['content'] as Json | undefined)?.[type] as Json | undefined;
    if (!media) return [`${method} ${path} ${status} does not document ${type}`];
    const key = `${method} ${path} ${status} ${type}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(media['schema']) as Json);
      this.compiled.set(key, validate);
    }
    if (type !== 'application/json' && type !== 'application/problem+json') return [];
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${key}: ${error.instancePath} ${error.message}`);
  }
}
