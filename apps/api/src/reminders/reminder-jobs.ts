/**
 * The jobs, on PostgreSQL with pg-boss: a cron tick (one per minute across every process: pg-boss
 * schedules it once) that sends due digests and queues the day's webhook deliveries, and the
 * delivery queue with retries and back-off. Jobs live in the database, so they survive restarts;
 * what is sent once is guaranteed by the digest and delivery rows, not by the queue.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import { CLOCK, PG_POOL, type Clock } from '../bootstrap/tokens.js';
import { logError } from '../http/request-log.js';
import { DigestRunner } from './digest-runner.js';
import { REMINDERS_SETTINGS, type RemindersConfig } from './reminders-config.js';
import { WebhookDispatcher, type QueuedDelivery } from './webhook-dispatcher.js';

const TICK = 'reminders-tick';
const DELIVERY = 'webhook-delivery';

@Injectable()
export class ReminderJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private boss: PgBoss | null = null;

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REMINDERS_SETTINGS) private readonly config: RemindersConfig,
    private readonly digests: DigestRunner,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs) return;
    const boss = await this.started();
    await boss.schedule(TICK, this.config.tickCron, {}, { tz: 'Asia/Tokyo' });
    await boss.work(TICK, async () => {
      await this.tick(this.clock());
    });
    await this.workDeliveries();
  }

  /** pg-boss, started on first use (a process with `jobs: false` never starts it unless asked). */
  private async started(): Promise<PgBoss> {
    if (this.boss) return this.boss;
    // The queue shares the app's pool (and its role): no second set of connection settings.
    const boss = new PgBoss({
      db: { executeSql: (text, values) => this.pool.query(text, values) },
      schema: 'jobs',
      schedule: this.config.jobs,
      supervise: this.config.jobs,
    });
    boss.on('error', (error) => logError(error));
    await boss.start();
    await boss.createQueue(TICK);
    await boss.createQueue(DELIVERY, {
      name: DELIVERY,
      retryLimit: this.config.webhookRetryLimit,
      retryDelay: this.config.webhookRetryDelaySeconds,
      retryBackoff: true,
    });
    this.boss = boss;
    return boss;
  }

  /** One tick: due digests, then the day's webhook events queued for delivery. */
  async tick(now: Date): Promise<void> {
    await this.digests.runDue(now);
    const deliveries = await this.webhooks.runDue(now);
    if (deliveries.length === 0) return;
    const boss = await this.started();
    for (const delivery of deliveries) await boss.send(DELIVERY, delivery);
  }

  /** Work the delivery queue in this process (the tests call it on a process with `jobs: false`). */
  async workDeliveries(): Promise<void> {
    await (
      await this.started()
    ).work<QueuedDelivery>(DELIVERY, { pollingIntervalSeconds: 1 }, async ([job]) => {
      await this.webhooks.deliver(job!.data, this.clock());
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5000, close: false });
  }
}
