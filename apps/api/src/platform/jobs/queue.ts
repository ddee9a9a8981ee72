import { notifyAfterCommit, type Tx } from '../db/database.js';

export const JOBS_CHANNEL = 'helppo_jobs';

/** Enqueue a job in the caller's transaction: it runs only if the transaction commits. */
export async function enqueueJob(
  tx: Tx,
  kind: string,
  payload: Record<string, unknown>,
  options: { municipalityId?: string | null; runAt?: Date; maxAttempts?: number } = {},
): Promise<void> {
  await tx
    .insertInto('jobs')
    .values({
      kind,
      payload: JSON.stringify(payload),
      municipality_id: options.municipalityId ?? null,
      run_at: options.runAt ?? new Date(),
      max_attempts: options.maxAttempts ?? 5,
    })
    .execute();
  // A job due now wakes the workers; a later one is found by their polling.
  if (!options.runAt || options.runAt.getTime() <= Date.now()) {
    notifyAfterCommit(tx, JOBS_CHANNEL, kind);
  }
}
