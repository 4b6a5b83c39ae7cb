/** Setting a password from a one-time link (invitation or reset): the link is used up in the same transaction. */
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../bootstrap/tokens.js';
import { invalidInput } from '../failures/failure.js';
import { checkBody } from '../http/check-body.js';
import { AccessLinks, type OpenLink } from './access-links.js';
import { passwordWeakness } from './common-passwords.js';
import { Passwords } from './passwords.js';
import { SetPasswordDto } from './people.dto.js';
import { SecurityLog } from './security-log.js';

@Injectable()
export class SetPasswordService {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly links: AccessLinks,
    private readonly log: SecurityLog,
    private readonly passwords: Passwords,
  ) {}

  /** Who a link is for (the page that sets the password greets them). */
  async describe(token: string): Promise<Pick<OpenLink, 'name' | 'email' | 'organisationName' | 'purpose' | 'expiresAt'>> {
    const link = await this.links.open(token);
    return {
      name: link.name,
      email: link.email,
      organisationName: link.organisationName,
      purpose: link.purpose,
      expiresAt: link.expiresAt,
    };
  }

  async accept(token: string, body: unknown, address: string | null): Promise<void> {
    const checked = checkBody(SetPasswordDto, body);
    if (checked.errors.length > 0) throw invalidInput('The password cannot be used.', checked.errors);
    // A used or expired link is refused before the slow hash; an open one says whose password this is.
    const { email } = await this.links.open(token);
    const weakness = passwordWeakness(checked.value.password, email);
    if (weakness) throw invalidInput('The password cannot be used.', [{ field: 'password', message: weakness }]);
    const hash = await this.passwords.hash(checked.value.password);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const link = await this.links.open(token, client, true);
      await client.query('UPDATE platform.app_user SET password_hash = $2 WHERE id = $1', [link.userId, hash]);
      await this.links.markUsed(token, client);
      await this.log.record(
        {
          organisationId: link.organisationId,
          kind: 'password_set',
          actor: { kind: 'person', userId: link.userId, name: link.name },
          address,
          subject: `user:${link.userId}`,
          detail: { via: link.purpose },
        },
        client,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}
