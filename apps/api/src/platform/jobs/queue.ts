import { insertColumns, notifyAfterCommit, type Tx } from '../db/database.js';

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
  // One short statement however many jobs (a rush batch makes hundreds).
  const now = new Date().toISOString();
  await insertColumns(tx, 'jobs', {
    kind: ['text', jobs.map((job) => job.kind)],
    payload: ['jsonb', jobs.map((job) => JSON.stringify(job.payload))],
    municipality_id: ['uuid', jobs.map((job) => job.municipalityId ?? null)],
    run_at: ['timestamptz', jobs.map((job) => job.runAt?.toISOString() ?? now)],
    max_attempts: ['int', jobs.map((job) => job.maxAttempts ?? 5)],
  });
  for (const job of jobs) {
    // A job due now wakes the workers; a later one is found by their polling.
    if (!job.runAt || job.runAt.getTime() <= Date.now()) {
      notifyAfterCommit(tx, JOBS_CHANNEL, job.kind);
    }
  }
}
