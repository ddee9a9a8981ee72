import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'kysely';
import { asSystem, insertColumns, type Database, type Tx } from '../db/database.js';
import { enqueueJobs } from '../jobs/queue.js';
import type { Job, JobHandler } from '../jobs/worker.js';

export const SEND_EMAIL = 'email.send';

export interface OutgoingEmail {
  municipalityId: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Transactional outbox: the email is stored with the change that caused it and sent by a
 * job after commit, so no email goes out for a rolled-back change and none is lost when
 * the mail server is down (the job retries).
 */
export async function enqueueEmail(tx: Tx, email: OutgoingEmail): Promise<string> {
  return (await enqueueEmails(tx, [email]))[0]!;
}

/** Several emails and their send jobs, one statement each. */
export async function enqueueEmails(tx: Tx, emails: OutgoingEmail[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const ids = emails.map(() => randomUUID());
  await insertColumns(tx, 'email_outbox', {
    id: ['uuid', ids],
    municipality_id: ['uuid', emails.map((e) => e.municipalityId)],
    to_address: ['text', emails.map((e) => e.to)],
    subject: ['text', emails.map((e) => e.subject)],
    text_body: ['text', emails.map((e) => e.text)],
  });
  await enqueueJobs(
    tx,
    emails.map((email, i) => ({
      kind: SEND_EMAIL,
      payload: { emailId: ids[i]! },
      municipalityId: email.municipalityId,
    })),
  );
  return ids;
}

/**
 * Job handlers for sending. Without an SMTP server (demo mode) emails are kept in the outbox
 * with status "kept", where an administrator can read them.
 */
export function emailHandlers(
  db: Database,
  options: { smtpUrl?: string; from: string },
): Record<string, JobHandler> {
  const transport: Transporter | null = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : null;
  const emailId = (job: Job) => (job.payload as { emailId: string }).emailId;
  return {
    [SEND_EMAIL]: async (job) => {
      const email = await asSystem(db, (tx) =>
        tx
          .selectFrom('email_outbox')
          .select(['id', 'to_address', 'subject', 'text_body', 'status'])
          .where('id', '=', emailId(job))
          .executeTakeFirst(),
      );
      if (!email || email.status === 'sent' || email.status === 'kept') return;
      if (transport) {
        await transport.sendMail({
          from: options.from,
          to: email.to_address,
          subject: email.subject,
          text: email.text_body,
          headers: { 'X-Helppo-Email-Id': email.id },
        });
      }
      await asSystem(db, (tx) =>
        sql`update email_outbox set status = ${transport ? 'sent' : 'kept'}, sent_at = now(),
              attempts = ${job.attempts} where id = ${email.id}`.execute(tx),
      );
    },
    [`${SEND_EMAIL}.failed`]: async (job) => {
      await asSystem(db, (tx) =>
        sql`update email_outbox set status = 'failed', attempts = ${job.attempts}
            where id = ${emailId(job)}`.execute(tx),
      );
    },
  };
}
