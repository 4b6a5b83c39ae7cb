/**
 * RFC 9457 problem details, the only error shape the API answers with (docs/api-v1.md "General").
 */
import type { FieldError } from '@zairyu/domain';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: FieldError[];
  /** The detail in Japanese, where the endpoint gives one (imports and exports). */
  detailJa?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, detail: string, extra: { code?: string; errors?: FieldError[] } = {}): Problem {
  return {
    type: extra.code ? `https://zairyu-ledger.dev/problems/${extra.code.toLowerCase().replaceAll('_', '-')}` : 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...extra,
  };
}
