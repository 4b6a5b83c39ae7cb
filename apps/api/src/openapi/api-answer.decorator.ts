/** The success answer of an operation: its status and the named schema of its JSON body (or none: 204). */
import { ApiResponse, type ApiResponseOptions } from '@nestjs/swagger';
import { ref } from './schema-ref.js';

export function ApiAnswer(
  status: number,
  schema: string,
  description: string,
  headers?: ApiResponseOptions['headers'],
): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, content: { 'application/json': { schema: ref(schema) } }, ...(headers ? { headers } : {}) });
}

/** A success without a body. */
export function ApiNoContent(description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status: 204, description });
}
