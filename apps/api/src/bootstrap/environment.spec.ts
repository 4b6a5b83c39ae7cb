import { describe, expect, test } from '@jest/globals';
import { readEnvironment } from './environment.js';

describe('start-up configuration', () => {
  test('a ZAIRYU_ADMIN_TOKEN shorter than 32 characters is refused with a message that says why', () => {
    expect(() => readEnvironment({ ZAIRYU_ADMIN_TOKEN: 'admin123' })).toThrow(
      /ZAIRYU_ADMIN_TOKEN is 8 characters long; it must be at least 32/,
    );
    expect(() => readEnvironment({ ZAIRYU_ADMIN_TOKEN: 'x'.repeat(31) })).toThrow(/at least 32/);
  });

  test('a token of 32 characters or more, or none at all (the embedded default makes one), is accepted', () => {
    expect(readEnvironment({ ZAIRYU_ADMIN_TOKEN: 'x'.repeat(32) }).adminToken).toBe('x'.repeat(32));
    expect(readEnvironment({}).adminToken).toBeNull();
  });

  test('WEBHOOK_ALLOW_PRIVATE is off unless it is true, and a value that is neither true nor false stops the start', () => {
    expect(readEnvironment({}).reminders?.webhookAllowPrivate).toBeUndefined();
    expect(readEnvironment({ WEBHOOK_ALLOW_PRIVATE: 'true' }).reminders?.webhookAllowPrivate).toBe(true);
    expect(readEnvironment({ WEBHOOK_ALLOW_PRIVATE: 'false' }).reminders?.webhookAllowPrivate).toBe(false);
    expect(() => readEnvironment({ WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE must be true or false/);
  });
});

describe('TRUST_PROXY', () => {
  test('is the number of our proxies in front; true means one; unset, empty or false means none', () => {
    expect(readEnvironment({}).trustProxy).toBe(0);
    expect(readEnvironment({ TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(readEnvironment({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(readEnvironment({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readEnvironment({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  test('anything else stops the start with a message that says what it takes', () => {
    expect(() => readEnvironment({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY must be the number of proxies/);
    expect(() => readEnvironment({ TRUST_PROXY: '10.0.0.0/8' })).toThrow(/TRUST_PROXY/);
  });
});

describe('PROJECTOR_PARTITIONS', () => {
  test('is 1 (one projection, one leader) unless set; a count outside 1–256 stops the start', () => {
    expect(readEnvironment({}).projectorPartitions).toBe(1);
    expect(readEnvironment({ PROJECTOR_PARTITIONS: '4' }).projectorPartitions).toBe(4);
    expect(() => readEnvironment({ PROJECTOR_PARTITIONS: '0' })).toThrow(/PROJECTOR_PARTITIONS must be a whole number from 1 to 256/);
  });
});

describe('API_KEY_RECHECK_MS', () => {
  test('is 2 s unless set, 0 reads every request; more than 5 s (a revocation must reach every process soon) stops the start', () => {
    expect(readEnvironment({}).keyRecheckMs).toBe(2000);
    expect(readEnvironment({ API_KEY_RECHECK_MS: '0' }).keyRecheckMs).toBe(0);
    expect(readEnvironment({ API_KEY_RECHECK_MS: '5000' }).keyRecheckMs).toBe(5000);
    expect(() => readEnvironment({ API_KEY_RECHECK_MS: '60000' })).toThrow(/API_KEY_RECHECK_MS must be whole milliseconds from 0 to 5000/);
    expect(() => readEnvironment({ API_KEY_RECHECK_MS: 'soon' })).toThrow(/API_KEY_RECHECK_MS/);
  });
});
