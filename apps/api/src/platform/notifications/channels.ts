import type { Tx } from '../db/database.js';
import type { Ctx } from '../http/context.js';
import type { Language } from '../i18n/messages.js';
import { enqueueEmails } from '../email/outbox.js';
import { channelChooser, enqueuePushes, type PushMessage } from '../push/delivery.js';
import type { Topic } from '../push/topics.js';

export interface Recipient {
  id: string;
  /** null: no email for this notice (no address, or the sender chose not to email). */
  email: string | null;
  language: Language;
}

/** A notice as it leaves the app: by email and by push, each if the person wants it. */
export interface OutsideNotice {
  person: Recipient;
  topic: Topic;
  email: { subject: string; text: string } | null;
  push: PushMessage;
}

/**
 * Email and push a batch of notices, honouring each person's preferences for the topic, in
 * the caller's transaction (the outbox and the job queue send them after commit). Modules
 * whose in-app side is their own (daycare messages) call this directly; others through
 * notifyPeople.
 */
export async function notifyOutsideApp(
  tx: Tx,
  ctx: Pick<Ctx, 'municipality'>,
  notices: OutsideNotice[],
): Promise<void> {
  if (notices.length === 0) return;
  const wants = await channelChooser(
    tx,
    notices.map((n) => ({ personId: n.person.id, topic: n.topic })),
  );
  await enqueueEmails(
    tx,
    notices.flatMap(({ person, topic, email }) =>
      email && person.email && wants(person.id, topic, 'email')
        ? [{ municipalityId: ctx.municipality.id, to: person.email, ...email }]
        : [],
    ),
  );
  await enqueuePushes(
    tx,
    ctx.municipality.id,
    notices
      .filter(({ person, topic }) => wants(person.id, topic, 'push'))
      .map(({ person, topic, push }) => ({
        personId: person.id,
        message: push,
        urgency: topic === 'urgentMessages' ? 'high' : 'normal',
      })),
  );
}
