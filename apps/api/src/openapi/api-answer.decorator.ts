/** The success answer of an operation: its status and the named schema of its JSON body. */
import { ApiResponse } from '@nestjs/swagger';
import { ref } from './schema-ref.js';

export function ApiAnswer(status: number, schema: string, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, content: { 'application/json': { schema: ref(schema) } } });
}
