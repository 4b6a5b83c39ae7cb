import { describe, expect, test } from '@jest/globals';
import { checkedLookup, isPublicAddress, refusedTarget } from './webhook-target.js';

describe('isPublicAddress', () => {
  test.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::7f00:1',
    '2002:7f00:1::',
    'not an address',
  ])('%s is not', (address) => expect(isPublicAddress(address)).toBe(false));

  test.each(['93.184.215.14', '8.8.8.8', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('%s is', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );
});

describe('refusedTarget', () => {
  test('names of this host and private literals are refused, public names and addresses are not', () => {
    expect(refusedTarget('http://localhost:3000/', false)).not.toBeNull();
    expect(refusedTarget('http://db.localhost/', false)).not.toBeNull();
    expect(refusedTarget('http://[::ffff:192.168.1.1]/', false)).not.toBeNull();
    expect(refusedTarget('http://2130706433/', false)).not.toBeNull();
    expect(refusedTarget('https://hooks.example.com/x', false)).toBeNull();
    expect(refusedTarget('https://8.8.8.8/x', false)).toBeNull();
  });

  test('WEBHOOK_ALLOW_PRIVATE lets every address through', () => {
    expect(refusedTarget('http://127.0.0.1:5432/', true)).toBeNull();
  });
});

describe('checkedLookup', () => {
  const resolve = (allowPrivate: boolean, host: string, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((done) =>
      checkedLookup(allowPrivate)(host, { all }, (error: NodeJS.ErrnoException | null, address: unknown) => done({ error, address })),
    );

  test('a name resolving to loopback is refused before any connection, with all or one address asked for', async () => {
    for (const all of [true, false]) {
      const { error } = await resolve(false, 'localhost', all);
      expect(error?.message).toMatch(/not a public address/);
    }
  });

  test('allowed, it answers as dns.lookup does', async () => {
    expect((await resolve(true, 'localhost', false)).address).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect((await resolve(true, 'localhost', true)).address).toEqual(
      expect.arrayContaining([expect.objectContaining({ family: expect.any(Number) })]),
    );
  });
});
