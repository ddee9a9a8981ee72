import { sql } from 'kysely';
import { notifyAfterCommit, type Tx } from '../db/database.js';

export const JOBS_CHANNEL = 'helppo_jobs';

export interface JobOptions {
  municipalityId?: string | null;
  runAt?: Date;
  maxAttempts?: number;
}

/** Enqueue a job in the caller's transaction: it runs only if the transaction commits. */
export async function enqueueJob(
  tx: Tx,
  kind: string,
  payload: Record<string, unknown>,
  options: JobOptions = {},
): Promise<void> {
  await enqueueJobs(tx, [{ kind, payload, ...options }]);
}

/** Several jobs in one statement. */
export async function enqueueJobs(
  tx: Tx,
  jobs: (JobOptions & { kind: string; payload: Record<string, unknown> })[],
): Promise<void> {
  if (jobs.length === 0) return;
  // Columns as arrays: one short statement however many jobs (a rush batch makes hundreds).
  const now = new Date().toISOString();
  await sql`insert into jobs (kind, payload, municipality_id, run_at, max_attempts)
    select * from unnest(${jobs.map((job) => job.kind)}::text[],
                         ${jobs.map((job) => JSON.stringify(job.payload))}::jsonb[],
                         ${jobs.map((job) => job.municipalityId ?? null)}::uuid[],
                         ${jobs.map((job) => job.runAt?.toISOString() ?? now)}::timestamptz[],
                         ${jobs.map((job) => job.maxAttempts ?? 5)}::int[])`.execute(tx);
  for (const job of jobs) {
    // A job due now wakes the workers; a later one is found by their polling.
    if (!job.runAt || job.runAt.getTime() <= Date.now()) {
      notifyAfterCommit(tx, JOBS_CHANNEL, job.kind);
    }
  }
}
