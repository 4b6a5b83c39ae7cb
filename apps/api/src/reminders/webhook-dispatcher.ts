/**
 * Webhooks for integrations (Slack, Teams, LINE WORKS, an HR system): once a day per
 * organisation, each reminder and each newly overdue deadline becomes one signed POST per
 * registered URL. Every delivery is a row (the log) keyed by webhook and event, so a day's run
 * is claimed once and an event is never queued twice; pg-boss retries a failed POST with
 * growing delays. A URL failing for a day is disabled and the managers are told (security log).
 * Where a webhook may be sent: webhook-target.ts.
 */
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { addDays, composeDigest, type LocalDate } from '@zairyu/domain';
import { PG_POOL } from '../bootstrap/tokens.js';
import { SecurityLog } from '../people/index.js';
import { liveDeadlines } from './deadline-source.js';
import { japanDayAndTime } from './japan-clock.js';
import { REMINDERS_SETTINGS, type RemindersConfig } from './reminders-config.js';
import { postWebhook } from './webhook-post.js';
import { signatureHeader, SIGNATURE_HEADER } from './webhook-signature.js';
import { ReadModelSeal } from '@zairyu/read-model';

export interface QueuedDelivery {
  webhookId: string;
  eventKey: string;
}

const EVENT_TYPES = { overdue: 'deadline.overdue', reminder: 'deadline.reminder', window_opens: 'deadline.window_opens' } as const;

@Injectable()
export class WebhookDispatcher {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(REMINDERS_SETTINGS) private readonly config: RemindersConfig,
    private readonly securityLog: SecurityLog,
    private readonly seal: ReadModelSeal,
  ) {}

  /** Claims today's run of every organisation with live webhooks; returns the deliveries to queue. */
  async runDue(now: Date): Promise<QueuedDelivery[]> {
    const { day, time } = japanDayAndTime(now);
    if (time < this.config.webhookSendAt) return [];
    const { rows } = await this.pool.query(
      `SELECT DISTINCT w.organisation_id FROM reminder.webhook w
       WHERE w.deleted_at IS NULL AND w.disabled_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM reminder.organisation_run r WHERE r.organisation_id = w.organisation_id AND r.day = $1::date)`,
      [day],
    );
    const queued: QueuedDelivery[] = [];
    for (const { organisation_id: organisationId } of rows) queued.push(...(await this.runFor(organisationId, day, now)));
    return queued;
  }

  private async runFor(organisationId: string, day: LocalDate, now: Date): Promise<QueuedDelivery[]> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const claimed = await client.query(`INSERT INTO reminder.organisation_run VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING day`, [
        organisationId,
        day,
      ]);
      if (claimed.rowCount === 0) {
        await client.query('ROLLBACK');
        return [];
      }
      const previous = await client.query(
        `SELECT max(day)::text AS day FROM reminder.organisation_run WHERE organisation_id = $1 AND day < $2`,
        [organisationId, day],
      );
      const digest = composeDigest({
        day,
        since: previous.rows[0].day ?? addDays(day, -1),
        deadlines: await liveDeadlines(client, this.seal, organisationId, day),
        skipClosedDays: false,
      });
      const webhooks = await client.query(
        `SELECT id FROM reminder.webhook WHERE organisation_id = $1 AND deleted_at IS NULL AND disabled_at IS NULL`,
        [organisationId],
      );
      const queued: QueuedDelivery[] = [];
      for (const item of digest.items) {
        for (const reason of item.reasons) {
          if (reason === 'escalation') continue;
          const eventKey = `${day}:${reason}:${item.deadline.key}`;
          const payload = {
            id: eventKey,
            type: EVENT_TYPES[reason],
            createdAt: now.toISOString(),
            day,
            deadline: {
              id: item.deadline.key.split(':').slice(1).join(':'),
              residentId: item.deadline.residentId,
              residentName: item.deadline.residentName,
              kind: item.deadline.kind,
              opensOn: item.deadline.opensOn,
              dueOn: item.deadline.dueOn,
              daysLeft: item.daysLeft,
            },
          };
          for (const { id: webhookId } of webhooks.rows) {
            const inserted = await client.query(
              `INSERT INTO reminder.webhook_delivery (webhook_id, event_key, payload) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_key`,
              [webhookId, eventKey, payload],
            );
            if (inserted.rowCount === 1) queued.push({ webhookId, eventKey });
          }
        }
      }
      await client.query('COMMIT');
      return queued;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** One attempt. Throws when the receiver did not take it, so that the queue retries. */
  async deliver({ webhookId, eventKey }: QueuedDelivery, now: Date = new Date()): Promise<'delivered' | 'skipped'> {
    const { rows } = await this.pool.query(
      `SELECT w.url, w.secret, w.organisation_id, w.disabled_at, w.deleted_at, d.payload, d.delivered_at
       FROM reminder.webhook_delivery d JOIN reminder.webhook w ON w.id = d.webhook_id
       WHERE d.webhook_id = $1 AND d.event_key = $2`,
      [webhookId, eventKey],
    );
    const delivery = rows[0];
    if (!delivery || delivery.delivered_at || delivery.disabled_at || delivery.deleted_at) return 'skipped';
    const body = JSON.stringify(delivery.payload);
    const delivered = await postWebhook({
      url: delivery.url,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'ZairyuLedger-Webhooks/1',
        'zairyu-event-id': eventKey,
        [SIGNATURE_HEADER]: signatureHeader(delivery.secret, body, Math.floor(now.getTime() / 1000)),
      },
      body,
      allowPrivate: this.config.webhookAllowPrivate,
    });
    // Only delivered or not is kept: a status or an error would tell the manager what listens where.
    await this.pool.query(
      `UPDATE reminder.webhook_delivery SET attempts = attempts + 1, last_status = NULL, last_error = NULL, updated_at = now(),
         delivered_at = CASE WHEN $3::boolean THEN now() ELSE NULL END
       WHERE webhook_id = $1 AND event_key = $2`,
      [webhookId, eventKey, delivered],
    );
    if (delivered) {
      await this.pool.query(`UPDATE reminder.webhook SET failing_since = NULL WHERE id = $1`, [webhookId]);
      return 'delivered';
    }
    const { rows: failing } = await this.pool.query(
      `UPDATE reminder.webhook SET failing_since = coalesce(failing_since, $2::timestamptz) WHERE id = $1
       RETURNING failing_since`,
      [webhookId, now],
    );
    const since: Date | undefined = failing[0]?.failing_since;
    if (since && now.getTime() - since.getTime() >= this.config.webhookDisableAfterHours * 3_600_000) {
      const disabled = await this.pool.query(
        `UPDATE reminder.webhook SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL RETURNING id`,
        [webhookId, now],
      );
      if (disabled.rowCount === 1) {
        await this.securityLog.record({
          organisationId: delivery.organisation_id,
          kind: 'webhook_disabled',
          actor: { kind: 'anonymous' },
          address: null,
          subject: `webhook:${webhookId}`,
          detail: { failingSince: since.toISOString() },
        });
      }
      return 'skipped';
    }
    throw new Error('webhook delivery failed');
  }
}
