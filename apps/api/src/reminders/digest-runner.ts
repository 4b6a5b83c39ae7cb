/**
 * Sends each person's digest once a day, at their time (Japan time), whatever number of API or
 * worker processes run the tick: the (person, day) row is claimed by INSERT … ON CONFLICT DO
 * NOTHING in the transaction that composes and sends, so a second process waits for the first
 * and then finds the day taken; a process that dies before COMMIT leaves no row, and the next
 * tick sends. A day with nothing new is recorded (so the next digest starts after it) but sends
 * nothing. Without SMTP the digest is kept for the UI ("Notifications") and only counted in the log.
 */
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type pg from 'pg';
import { addDays, composeDigest, isDigestDay, type LocalDate } from '@zairyu/domain';
import { PG_POOL } from '../bootstrap/tokens.js';
import { logError } from '../http/request-log.js';
import { PEOPLE_SETTINGS, smtpTransport, type PeopleConfig, type SmtpTransport } from '../people/index.js';
import { liveDeadlines } from './deadline-source.js';
import { digestMail, type DigestLanguage } from './digest-mail.js';
import { japanDayAndTime } from './japan-clock.js';
import { REMINDERS_SETTINGS, type RemindersConfig } from './reminders-config.js';
import { ReadModelSeal } from '@zairyu/read-model';

interface Reader {
  id: string;
  organisation_id: string;
  name: string;
  email: string;
  role: string;
  language: DigestLanguage;
  skip_closed_days: boolean;
  lead_days: Record<string, number[]>;
  scope: 'caseload' | 'mine';
}

export interface DigestOutcome {
  userId: string;
  day: LocalDate;
  items: number;
  deliveredBy: 'smtp' | 'log' | 'none';
}

@Injectable()
export class DigestRunner implements OnModuleDestroy {
  private readonly transport: SmtpTransport | null;

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PEOPLE_SETTINGS) private readonly people: PeopleConfig,
    @Inject(REMINDERS_SETTINGS) private readonly config: RemindersConfig,
    private readonly seal: ReadModelSeal,
  ) {
    this.transport = smtpTransport(people.smtpUrl);
  }

  /** Every person whose digest time has come today and who has none yet. */
  async runDue(now: Date): Promise<DigestOutcome[]> {
    const { day, time } = japanDayAndTime(now);
    const { rows } = await this.pool.query<Reader>(
      `SELECT u.id, u.organisation_id, u.name, u.email, u.role, coalesce(p.language, 'ja') AS language,
              coalesce(p.skip_closed_days, true) AS skip_closed_days, coalesce(p.lead_days, '{}') AS lead_days,
              coalesce(p.scope, 'caseload') AS scope
       FROM platform.app_user u LEFT JOIN reminder.preference p ON p.user_id = u.id
       WHERE u.disabled_at IS NULL AND u.password_hash IS NOT NULL AND coalesce(p.enabled, true)
         AND coalesce(p.send_at, '08:00') <= $2
         AND NOT EXISTS (SELECT 1 FROM reminder.digest d WHERE d.user_id = u.id AND d.day = $1::date)
       ORDER BY u.id`,
      [day, time],
    );
    const outcomes: DigestOutcome[] = [];
    for (const reader of rows) {
      if (!isDigestDay(day, reader.skip_closed_days)) continue;
      try {
        const outcome = await this.digestFor(reader, day);
        if (outcome) outcomes.push(outcome);
      } catch (error) {
        logError(new Error(`digest for user ${reader.id} not sent: ${error instanceof Error ? error.message : 'unknown error'}`));
      }
    }
    return outcomes;
  }

  private async digestFor(reader: Reader, day: LocalDate): Promise<DigestOutcome | null> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const claimed = await client.query(
        `INSERT INTO reminder.digest (user_id, day, organisation_id, item_count, delivered_by) VALUES ($1, $2, $3, 0, 'none')
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [reader.id, day, reader.organisation_id],
      );
      if (claimed.rowCount === 0) {
        await client.query('ROLLBACK');
        return null;
      }
      const previous = await client.query(`SELECT max(day)::text AS day FROM reminder.digest WHERE user_id = $1 AND day < $2`, [
        reader.id,
        day,
      ]);
      const since: LocalDate = previous.rows[0].day ?? addDays(day, -1);
      const isManager = reader.role === 'manager';
      const escalated = isManager
        ? new Set<string>(
            (await client.query(`SELECT deadline_key FROM reminder.escalation WHERE user_id = $1`, [reader.id])).rows.map(
              (row) => row.deadline_key,
            ),
          )
        : new Set<string>();
      const digest = composeDigest({
        day,
        since,
        deadlines: await liveDeadlines(client, this.seal, reader.organisation_id, day),
        skipClosedDays: reader.skip_closed_days,
        leadDays: reader.lead_days,
        ...(reader.scope === 'mine' ? { onlyMine: { userId: reader.id, withOrganisation: isManager } } : {}),
        ...(isManager ? { escalation: { afterDays: this.config.escalateAfterDays, alreadyEscalated: escalated } } : {}),
      });
      let deliveredBy: DigestOutcome['deliveredBy'] = 'none';
      if (digest.items.length > 0) {
        const mail = digestMail(digest, { name: reader.name, language: reader.language }, this.people.publicUrl);
        await client.query(`UPDATE reminder.digest SET subject = $3, body = $4 WHERE user_id = $1 AND day = $2`, [
          reader.id,
          day,
          mail.subject,
          mail.text,
        ]);
        const escalations = digest.items.filter((item) => item.reasons.includes('escalation')).map((item) => item.deadline.key);
        if (escalations.length > 0) {
          await client.query(
            `INSERT INTO reminder.escalation (user_id, deadline_key, escalated_on) SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING`,
            [reader.id, escalations, day],
          );
        }
        if (this.transport) {
          // A stable Message-ID: should a crash after the hand-over resend, mail systems see one message.
          await this.transport.sendMail({
            from: this.people.mailFrom,
            to: reader.email,
            subject: mail.subject,
            text: mail.text,
            messageId: `<digest-${reader.id}-${day}@zairyu-ledger>`,
          });
          deliveredBy = 'smtp';
        } else {
          console.log(
            JSON.stringify({
              level: 'info',
              msg: 'digest kept for the UI (no SMTP_URL)',
              userId: reader.id,
              day,
              items: digest.items.length,
            }),
          );
          deliveredBy = 'log';
        }
      }
      await client.query(`UPDATE reminder.digest SET item_count = $3, delivered_by = $4 WHERE user_id = $1 AND day = $2`, [
        reader.id,
        day,
        digest.items.length,
        deliveredBy,
      ]);
      await client.query('COMMIT');
      return { userId: reader.id, day, items: digest.items.length, deliveredBy };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
