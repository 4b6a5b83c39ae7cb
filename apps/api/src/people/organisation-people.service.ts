/**
 * A manager runs the organisation's people: invites them (a one-time link, shown once and
 * mailed when SMTP is set), lists them, changes roles, disables and re-enables them, resets
 * their access, and decides whether the organisation requires TOTP. The platform admin can do
 * the same (it creates an organisation with its first manager). Another organisation's users
 * are 404, like missing ones.
 */
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { inTransaction } from '@zairyu/event-store';
import { DATA_SOURCE, PG_POOL } from '../bootstrap/tokens.js';
import type { Principal } from '../auth/principal.js';
import { Failure, invalidInput, notFound } from '../failures/failure.js';
import { isUuid } from '../http/query-params.js';
import { checkBody } from '../http/check-body.js';
import { managedOrganisation } from '../platform/index.js';
import type { Role } from '../auth/principal.js';
import { AccessLinks, type IssuedLink, type LinkPurpose } from './access-links.js';
import { InvitationMail } from './invitation-mail.js';
import { InviteUserDto, SignInPolicyDto, UpdateUserDto } from './people.dto.js';
import { SecondFactor } from './second-factor.js';
import { SecurityLog } from './security-log.js';
import { SessionStore, type SessionView } from './session-store.js';
import { accountSubject } from './sign-in-throttle.js';
import { normaliseEmail, USER_COLUMNS, userView, type UserRow, type UserView } from './user-accounts.js';

interface Invitation {
  id: string;
  email: string;
  name: string;
  organisationName: string;
  link: IssuedLink;
}

export interface Invited {
  id: string;
  inviteUrl: string;
  expiresAt: string;
  mailed: boolean;
}

/** A reset's answer: `inviteUrl` null when the link went by mail to the person alone. */
export type AccessReset = Omit<Invited, 'inviteUrl'> & { inviteUrl: string | null };

@Injectable()
export class OrganisationPeople {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly links: AccessLinks,
    private readonly mail: InvitationMail,
    private readonly sessions: SessionStore,
    private readonly secondFactor: SecondFactor,
    private readonly log: SecurityLog,
  ) {}

  /** `base`: where the web UI is reached, which the link starts with (public-url.ts). */
  async invite(caller: Principal, organisationId: string, body: unknown, address: string | null, base: string): Promise<Invited> {
    const organisation = await managedOrganisation(this.dataSource, caller, organisationId);
    const checked = checkBody(InviteUserDto, body);
    if (checked.errors.length > 0) throw invalidInput('The invitation is not valid.', checked.errors);
    const invitation = await inTransaction(this.pool, (client) =>
      this.recordInvitation(caller, organisation, checked.value, { address, base }, client),
    );
    return this.mailInvitation(invitation);
  }

  /** The user and their link, inside the caller's transaction (also when the admin creates an organisation with its first manager). */
  async recordInvitation(
    caller: Principal,
    organisation: { id: string; name: string },
    person: { name: string; email: string; role: string },
    { address, base }: { address: string | null; base: string },
    client: pg.PoolClient,
  ): Promise<Invitation> {
    const id = randomUUID();
    const email = normaliseEmail(person.email);
    const inserted = await client.query(
      `INSERT INTO platform.app_user (id, organisation_id, name, email, role) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [id, organisation.id, person.name.trim(), email, person.role],
    );
    if (inserted.rowCount === 0) throw new Failure('CONFLICT', 'A user with this e-mail address already exists.', { code: 'EMAIL_IN_USE' });
    const link = await this.links.issue(id, 'invitation', base, client);
    await this.log.record(
      {
        organisationId: organisation.id,
        kind: 'user_invited',
        actor: caller,
        address,
        subject: `user:${id}`,
        detail: { role: person.role },
      },
      client,
    );
    return { id, email, name: person.name, organisationName: organisation.name, link };
  }

  /** Mails the link once the invitation is committed. */
  async mailInvitation(invitation: Invitation, purpose: LinkPurpose = 'invitation'): Promise<Invited> {
    const mailed = await this.mail.send({
      to: invitation.email,
      name: invitation.name,
      organisationName: invitation.organisationName,
      purpose,
      link: invitation.link,
    });
    return { id: invitation.id, inviteUrl: invitation.link.url, expiresAt: invitation.link.expiresAt, mailed };
  }

  inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  async list(caller: Principal, organisationId: string): Promise<UserView[]> {
    await managedOrganisation(this.dataSource, caller, organisationId);
    const { rows } = await this.pool.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM platform.app_user WHERE organisation_id = $1 ORDER BY lower(name), id`,
      [organisationId],
    );
    return rows.map(userView);
  }

  async update(caller: Principal, organisationId: string, userId: string, body: unknown, address: string | null): Promise<UserView> {
    await managedOrganisation(this.dataSource, caller, organisationId);
    const checked = checkBody(UpdateUserDto, body);
    if (checked.errors.length > 0) throw invalidInput('The change is not valid.', checked.errors);
    const { role, disabled } = checked.value;
    return inTransaction(this.pool, async (client) => {
      // Changes to one organisation's people go one at a time: two managers demoting each other
      // at once would each still count the other as enabled, and leave no manager.
      await client.query('SELECT 1 FROM platform.organisation WHERE id = $1 FOR UPDATE', [organisationId]);
      const before = await this.userOf(organisationId, userId, client, true);
      const after: UserRow = {
        ...before,
        role: (role as Role | undefined) ?? before.role,
        disabled_at: disabled === undefined ? before.disabled_at : disabled ? (before.disabled_at ?? new Date()) : null,
      };
      if (before.role === 'manager' && !before.disabled_at && (after.role !== 'manager' || after.disabled_at))
        await this.keepOneManager(organisationId, userId, client);
      await client.query('UPDATE platform.app_user SET role = $2, disabled_at = $3 WHERE id = $1', [userId, after.role, after.disabled_at]);
      const entry = { organisationId, actor: caller, address, subject: `user:${userId}` };
      if (after.role !== before.role)
        await this.log.record({ ...entry, kind: 'role_changed', detail: { from: before.role, to: after.role } }, client);
      if (after.disabled_at && !before.disabled_at) {
        await this.sessions.endAll(userId, client);
        await this.log.record({ ...entry, kind: 'user_disabled' }, client);
      }
      if (!after.disabled_at && before.disabled_at) await this.log.record({ ...entry, kind: 'user_enabled' }, client);
      return userView(after);
    });
  }

  /**
   * A new one-time link for someone who lost their password or authenticator: the old password,
   * TOTP, recovery codes, sessions, earlier links and any sign-in lock-out all go. Another
   * manager's link goes to that manager alone, by mail: shown to the manager who reset it, it
   * would let them sign in as their peer (and act under their name in the security log). The
   * platform admin is shown it, as for a first manager.
   */
  async resetAccess(caller: Principal, organisationId: string, userId: string, address: string | null, base: string): Promise<AccessReset> {
    const organisation = await managedOrganisation(this.dataSource, caller, organisationId);
    let mailOnly = false;
    const { user, link } = await inTransaction(this.pool, async (client) => {
      const user = await this.userOf(organisationId, userId, client, true);
      if (user.disabled_at) throw new Failure('REFUSED', 'Enable the user first.', { code: 'USER_DISABLED' });
      mailOnly = user.role === 'manager' && caller.kind === 'key' && caller.user?.id !== user.id;
      if (mailOnly && !this.mail.configured)
        throw new Failure(
          'REFUSED',
          "Another manager's access is reset by a mail to them, and this server sends no mail (SMTP_URL); ask the platform admin to reset it.",
          { code: 'RESET_NEEDS_MAIL' },
        );
      await client.query('UPDATE platform.app_user SET password_hash = NULL WHERE id = $1', [userId]);
      await this.secondFactor.turnOff(userId, client);
      await this.sessions.endAll(userId, client);
      await client.query('DELETE FROM platform.sign_in_throttle WHERE subject = $1', [accountSubject(normaliseEmail(user.email))]);
      const link = await this.links.issue(userId, 'reset', base, client);
      await this.log.record({ organisationId, kind: 'access_reset', actor: caller, address, subject: `user:${userId}` }, client);
      return { user, link };
    });
    const purpose: LinkPurpose = user.password_hash === null ? 'invitation' : 'reset';
    const invited = await this.mailInvitation(
      { id: userId, email: user.email, name: user.name, organisationName: organisation.name, link },
      purpose,
    );
    return mailOnly ? { ...invited, inviteUrl: null } : invited;
  }

  async sessionsOf(caller: Principal, organisationId: string, userId: string): Promise<SessionView[]> {
    await managedOrganisation(this.dataSource, caller, organisationId);
    await this.userOf(organisationId, userId, this.pool);
    return this.sessions.list(userId);
  }

  async signInPolicy(caller: Principal, organisationId: string): Promise<{ requireTotp: boolean }> {
    await managedOrganisation(this.dataSource, caller, organisationId);
    const { rows } = await this.pool.query<{ require_totp: boolean }>('SELECT require_totp FROM platform.organisation WHERE id = $1', [
      organisationId,
    ]);
    return { requireTotp: rows[0]!.require_totp };
  }

  async setSignInPolicy(
    caller: Principal,
    organisationId: string,
    body: unknown,
    address: string | null,
  ): Promise<{ requireTotp: boolean }> {
    await managedOrganisation(this.dataSource, caller, organisationId);
    const checked = checkBody(SignInPolicyDto, body);
    if (checked.errors.length > 0) throw invalidInput('The sign-in policy is not valid.', checked.errors);
    const requireTotp = checked.value.requireTotp;
    await inTransaction(this.pool, async (client) => {
      await client.query('UPDATE platform.organisation SET require_totp = $2 WHERE id = $1', [organisationId, requireTotp]);
      await this.log.record(
        {
          organisationId,
          kind: 'totp_requirement_changed',
          actor: caller,
          address,
          subject: `organisation:${organisationId}`,
          detail: { requireTotp },
        },
        client,
      );
    });
    return { requireTotp };
  }

  private async userOf(organisationId: string, userId: string, client: pg.PoolClient | pg.Pool, lock = false): Promise<UserRow> {
    if (!isUuid(userId)) throw notFound('User');
    const { rows } = await client.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM platform.app_user WHERE id = $1 AND organisation_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [userId, organisationId],
    );
    if (!rows[0]) throw notFound('User');
    return rows[0];
  }

  /** An organisation keeps at least one enabled manager, or nobody could run its people. */
  private async keepOneManager(organisationId: string, leavingId: string, client: pg.PoolClient): Promise<void> {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM platform.app_user
        WHERE organisation_id = $1 AND id <> $2 AND role = 'manager' AND disabled_at IS NULL`,
      [organisationId, leavingId],
    );
    if (rows[0]!.n === 0) throw new Failure('REFUSED', 'The organisation would have no enabled manager left.', { code: 'LAST_MANAGER' });
  }
}
