/**
 * Passwords are stored with argon2id only, by default with the OWASP Password Storage Cheat
 * Sheet's parameters (19 MiB of memory, 2 passes, 1 lane). The cost is configuration
 * (`PeopleConfig.passwordCost`) so that the test suite, which throws its databases away, can hash
 * cheaply; a hash carries its own parameters, so a password hashed at any cost still verifies.
 */
import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { PEOPLE_SETTINGS } from './people-settings.js';
import type { PeopleConfig } from './people-config.js';

@Injectable()
export class Passwords {
  private decoy: Promise<string> | null = null;

  constructor(@Inject(PEOPLE_SETTINGS) private readonly config: PeopleConfig) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, parallelism: 1, ...this.config.passwordCost });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /**
   * An unknown e-mail still costs one argon2 verification, so the answer takes as long as for
   * a known one with a wrong password.
   */
  async spendVerificationTime(password: string): Promise<void> {
    this.decoy ??= this.hash('decoy password that nobody has');
    await this.verify(await this.decoy, password);
  }
}
