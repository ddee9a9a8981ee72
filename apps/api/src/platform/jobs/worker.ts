import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { asSystem, type Database } from '../db/database.js';
import { JOBS_CHANNEL } from './queue.js';

export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  municipality_id: string | null;
  attempts: number;
  max_attempts: number;
}

export type JobHandler = (job: Job) => Promise<void>;

/** How long a claimed job stays invisible to other workers before it counts as abandoned. */
const LEASE = '5 minutes';

/**
 * Works the database job queue. Several processes may run workers at once: a job is claimed
 * with FOR UPDATE SKIP LOCKED and a lease, so each runs once; a failed job is retried with
 * exponential backoff until max_attempts, then marked failed.
 */
export class JobWorker {
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly handlers: Record<string, JobHandler>,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs = 2000,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(JOBS_CHANNEL, () => this.wake());
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.wake();
  }

  /** Run due jobs now; resolves when the queue has no due job left. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        while (!this.stopped && (await this.runOne())) {
          /* keep going while there is work */
        }
      } while (this.again && !this.stopped);
    })()
      .catch((error: unknown) => this.log.error({ err: error }, 'job worker failed'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async runOne(): Promise<boolean> {
    const job = await asSystem(this.db, async (tx) => {
      const result = await sql<Job>`
        update jobs set attempts = attempts + 1, locked_until = now() + ${LEASE}::interval
        where id = (
          select id from jobs
          where done_at is null and failed_at is null and run_at <= now()
            and (locked_until is null or locked_until < now())
          order by run_at, id
          limit 1
          for update skip locked
        )
        returning id, kind, payload, municipality_id, attempts, max_attempts`.execute(tx);
      return result.rows[0] ?? null;
    });
    if (!job) return false;
    const handler = this.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job);
      await asSystem(this.db, (tx) =>
        sql`update jobs set done_at = now(), locked_until = null where id = ${job.id}`.execute(tx),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = job.attempts >= job.max_attempts;
      this.log.warn(
        { jobId: job.id, kind: job.kind, attempt: job.attempts, final, err: message },
        'job failed',
      );
      const backoffSeconds = Math.min(3600, 2 ** job.attempts);
      await asSystem(this.db, (tx) =>
        sql`update jobs set locked_until = null, last_error = ${message.slice(0, 2000)},
              failed_at = case when ${final} then now() end,
              run_at = now() + make_interval(secs => ${backoffSeconds})
            where id = ${job.id}`.execute(tx),
      );
      if (final) await this.handlers[`${job.kind}.failed`]?.(job).catch(() => undefined);
    }
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.();
    await this.running;
  }
}
