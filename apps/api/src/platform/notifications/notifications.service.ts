import { inTenant, type Tx } from '../db/database.js';
import { audit } from '../audit/audit.js';
import { notFound } from '../http/errors.js';
import { requireRole, requireUser, type Ctx, type Role } from '../http/context.js';
import type { Topic } from '../push/topics.js';
import { notifyOutsideApp, type OutsideNotice, type Recipient } from './channels.js';
import { translate, isLanguage } from '../i18n/messages.js';
import { sessionIsLive } from '../auth/session.repo.js';
import * as repo from './notifications.repo.js';
import { streamCounters } from './hub.js';

export interface NotificationView {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export function toView(
  row: Awaited<ReturnType<typeof repo.listForPerson>>[number],
): NotificationView {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

export async function listNotifications(ctx: Ctx, limit: number) {
  requireUser(ctx);
  const personId = ctx.actor.personId;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => ({
    items: (await repo.listForPerson(tx, personId, limit)).map(toView),
    unreadCount: await repo.unreadCount(tx, personId),
  }));
}

/**
 * What a live stream sends after an event, or null when the session behind the stream has
 * ended (logout, logout everywhere, expiry): then the stream closes.
 */
export async function getForStream(
  ctx: Ctx,
  notificationId: string | undefined,
  counters: string[] = [],
) {
  requireUser(ctx);
  const { personId, sessionId } = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    if (!(await sessionIsLive(tx, sessionId))) return null;
    const row = notificationId ? await repo.findForPerson(tx, personId, notificationId) : undefined;
    const counts: Record<string, number> = {};
    for (const name of counters) {
      const read = streamCounters.get(name);
      if (read) counts[name] = await read(tx, personId);
    }
    return {
      notification: row ? toView(row) : null,
      unreadCount: await repo.unreadCount(tx, personId),
      counters: counts,
    };
  });
}

export async function markRead(ctx: Ctx, notificationId: string | null): Promise<void> {
  requireUser(ctx);
  const personId = ctx.actor.personId;
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const changed = await repo.markRead(tx, personId, notificationId);
    if (
      notificationId &&
      changed === 0 &&
      !(await repo.findForPerson(tx, personId, notificationId))
    ) {
      throw notFound();
    }
    if (changed > 0) {
      await repo.publish(tx, { municipalityId: ctx.municipality.id, personId, kind: 'read' });
    }
  });
}

/**
 * Tell one person something, in their language: in the app, and by email (the text, the
 * link and the municipality's footer) and push when they want those for the topic. In the
 * caller's transaction, so nothing is told of a change that does not commit.
 */
export async function notifyPerson(
  tx: Tx,
  ctx: Pick<Ctx, 'municipality' | 'baseUrl'>,
  person: Recipient,
  message: { title: string; body: string; link: string },
  topic: Topic = 'general',
): Promise<void> {
  await notifyPeople(tx, ctx, [{ person, message, topic }]);
}

export type { Recipient };

export interface Notice {
  person: Recipient;
  message: { title: string; body: string; link: string | null };
  /** What it is about, for the person's email and push switches; default general. */
  topic?: Topic;
  /**
   * What the email and the push say instead of the notice itself, when its title or body must
   * stay in the app (a daycare message's title is about a child).
   */
  outside?: Pick<OutsideNotice, 'email' | 'push'>;
}

/**
 * notifyPerson for many people at once: one statement for the notices, one for the emails,
 * one for the pushes. The in-app notice is always kept, whatever the preferences.
 */
export async function notifyPeople(
  tx: Tx,
  ctx: Pick<Ctx, 'municipality' | 'baseUrl'>,
  notices: Notice[],
): Promise<void> {
  await repo.insertNotifications(
    tx,
    notices.map(({ person, message }) => ({
      municipalityId: ctx.municipality.id,
      personId: person.id,
      title: message.title,
      body: message.body,
      link: message.link,
    })),
  );
  await notifyOutsideApp(
    tx,
    ctx,
    notices.map(({ person, message, topic, outside }) => {
      if (outside) return { person, topic: topic ?? 'general', ...outside };
      const footer = translate(person.language, 'email.notification.footer', {
        municipality: ctx.municipality.name[person.language],
      });
      return {
        person,
        topic: topic ?? 'general',
        email: {
          subject: message.title,
          text: [message.body, message.link && `${ctx.baseUrl}${message.link}`, footer]
            .filter(Boolean)
            .join('\n\n'),
        },
        push: message,
      };
    }),
  );
}

export interface Announcement {
  role?: Role;
  personId?: string;
  title: string;
  body: string;
  link?: string;
  email: boolean;
}

/** An administrator's announcement to one person or to everyone holding a role. */
export async function sendAnnouncement(ctx: Ctx, a: Announcement): Promise<number> {
  requireRole(ctx, 'admin');
  const municipality = ctx.municipality;
  return inTenant(ctx.db, municipality.id, async (tx) => {
    let q = tx
      .selectFrom('role_grants')
      .innerJoin('people', 'people.id', 'role_grants.person_id')
      .select(['people.id', 'people.email', 'people.language'])
      .distinct();
    if (a.role) q = q.where('role_grants.role', '=', a.role);
    if (a.personId) q = q.where('people.id', '=', a.personId);
    const recipients = await q.execute();
    if (a.personId && recipients.length === 0) throw notFound();
    // A big announcement goes out in one statement per thousand people.
    for (let i = 0; i < recipients.length; i += 1000) {
      await notifyPeople(
        tx,
        { municipality, baseUrl: ctx.baseUrl },
        recipients.slice(i, i + 1000).map((person) => ({
          person: {
            id: person.id,
            email: a.email ? person.email : null,
            language: isLanguage(person.language) ? person.language : 'fi',
          },
          message: { title: a.title, body: a.body, link: a.link ?? null },
        })),
      );
    }
    await audit(tx, ctx, 'notification.announce', a.personId ? `person:${a.personId}` : null, {
      role: a.role ?? null,
      recipients: recipients.length,
      email: a.email,
    });
    return recipients.length;
  });
}
