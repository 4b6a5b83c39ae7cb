/**
 * Where a webhook may be sent. A manager chooses the URL, and the server sends it from inside the
 * network: without a check, a webhook reaches the API itself, the database port or a cloud's
 * metadata address, and its delivery log tells what answered (SSRF). Only public unicast
 * addresses are allowed, unless WEBHOOK_ALLOW_PRIVATE=true (a receiver on the same host or
 * network). A name is checked after resolving, by the look-up that the connection itself uses,
 * so the address checked is the address connected to: a name that resolves once to a public
 * address and then to 127.0.0.1 (DNS rebinding) cannot slip through between the two.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why a URL is refused, for the 400 at registration; null when it may be tried. */
export function refusedTarget(url: string, allowPrivate: boolean): string | null {
  if (allowPrivate) return null;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null; // the DTO's own check says it is not a URL
  }
  if (host === 'localhost' || host.endsWith('.localhost') || host === 'localhost.') return 'must not point at this host';
  const literal = literalAddress(host);
  if (literal !== null && !isPublicAddress(literal)) return 'must not point at a loopback, private, link-local or unspecified address';
  return null;
}

/** An address literal in a URL's host (brackets of IPv6 removed), or null for a name. */
export function literalAddress(host: string): string | null {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return isIP(bare) ? bare : null;
}

/**
 * Public unicast only: loopback, private (RFC 1918, unique local), link-local, unspecified,
 * carrier-grade NAT, multicast, reserved and the IPv6 ranges that embed an IPv4 address (NAT64,
 * 6to4, Teredo) are not; an IPv4-mapped IPv6 address is judged as the IPv4 address it maps.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

export class WebhookTargetRefused extends Error {
  constructor(host: string) {
    super(`webhook target ${host} is not a public address`);
  }
}

/**
 * The look-up for the webhook's connection (http.request's `lookup`): resolves as the system
 * does and refuses when any address the name has is not public, before connecting.
 */
export function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (!allowPrivate && (addresses.length === 0 || addresses.some(({ address }) => !isPublicAddress(address))))
        return callback(Object.assign(new WebhookTargetRefused(hostname), { code: 'EREFUSEDTARGET' }), '', 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses as [LookupAddress];
      callback(null, first.address, first.family);
    });
  };
}
