import { describe, expect, test } from '@jest/globals';
import { peopleConfigFrom } from './people-config.js';

describe('SMTP_URL', () => {
  test('unset or empty: no mail is sent', () => {
    expect(peopleConfigFrom({}).smtpUrl).toBeNull();
    expect(peopleConfigFrom({ SMTP_URL: '' }).smtpUrl).toBeNull();
  });

  test('an smtp: or smtps: URL is taken as given', () => {
    for (const url of ['smtp://localhost:2525', 'smtps://office%40example.jp:p%40ss@mail.example.jp:465'])
      expect(peopleConfigFrom({ SMTP_URL: url }).smtpUrl).toBe(url);
  });

  test.each([
    ['not a URL', 'smtp.office.example'],
    ['another scheme', 'https://smtp.office.example'],
    ['a bracket left open', 'smtp://[smtp.office.example'],
    ['a password that is not percent-encoded', 'smtp://office:50%off@smtp.office.example'],
  ])('%s is refused at start, and the message does not repeat the URL', (_, url) => {
    expect(() => peopleConfigFrom({ SMTP_URL: url })).toThrow(/^SMTP_URL must be a URL such as/);
    try {
      peopleConfigFrom({ SMTP_URL: url });
    } catch (error) {
      expect((error as Error).message).not.toContain(url);
    }
  });
});
