/**
 * One webhook POST, to a checked address (webhook-target.ts): node:http(s) rather than fetch,
 * because its `lookup` option lets the connection use the very addresses that were checked.
 * Redirects are not followed (a 3xx is a failure). What the target answered is kept to this
 * process: the caller learns only whether it took the delivery.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkedLookup, isPublicAddress, literalAddress, WebhookTargetRefused } from './webhook-target.js';

export interface WebhookPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  allowPrivate: boolean;
  timeoutMs?: number;
}

/** Resolves true when the target answered 2xx; false for anything else (never which). */
export async function postWebhook({ url, headers, body, allowPrivate, timeoutMs = 10_000 }: WebhookPost): Promise<boolean> {
  try {
    const target = new URL(url);
    // An address literal is connected to without a look-up: checked here instead.
    const literal = literalAddress(target.hostname);
    if (!allowPrivate && literal !== null && !isPublicAddress(literal)) throw new WebhookTargetRefused(literal);
    const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : null;
    if (!send) return false;
    return await new Promise<boolean>((resolve, reject) => {
      const outgoing = send(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          lookup: checkedLookup(allowPrivate),
          signal: AbortSignal.timeout(timeoutMs),
        },
        (response) => {
          response.resume(); // the body is not read: nothing of it is kept or shown
          const status = response.statusCode ?? 0;
          resolve(status >= 200 && status < 300);
          response.destroy();
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  } catch {
    return false;
  }
}
