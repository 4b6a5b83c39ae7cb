/**
 * An authenticator app in a browser test: the codes of a TOTP secret (30-second steps, SHA-1,
 * 6 digits), each for a time step not used before, as the server refuses a step used twice.
 * The server takes one step of drift either way (apps/api/src/people/second-factor.ts), so each
 * code is the oldest unused step it still takes for at least 10 seconds more: a test signs in
 * again at once rather than waiting up to 30 seconds for the next step.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import * as OTPAuth from 'otpauth';

const STEP_MS = 30_000;
const LEEWAY_MS = 10_000;

export class Authenticator {
  private last = -Infinity;

  constructor(private readonly secret: string) {}

  async code(): Promise<string> {
    for (;;) {
      const now = Date.now();
      const current = Math.floor(now / STEP_MS);
      // Step s is taken from the start of step s - 1 to the end of step s + 1.
      const step = [current - 1, current, current + 1].find((s) => s > this.last && (s + 2) * STEP_MS - now >= LEEWAY_MS);
      if (step !== undefined) {
        this.last = step;
        return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(this.secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
          timestamp: step * STEP_MS + 1000,
        });
      }
      // Every step the server takes now was used: wait until the next one is taken.
      await sleep(this.last * STEP_MS - now + 50);
    }
  }
}
