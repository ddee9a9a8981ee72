import { sql } from 'kysely';
import { containsPattern, inTenant, type Tx } from '../../platform/db/database.js';
import type { ThreadKind, ThreadScope } from '../../platform/db/schema.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { requireUser, type AuthenticatedCtx, type Ctx } from '../../platform/http/context.js';
import { isLanguage, translate, type Language } from '../../platform/i18n/messages.js';
import { notifyPeople } from '../../platform/notifications/notifications.service.js';
import { notifyOutsideApp, type OutsideNotice } from '../../platform/notifications/channels.js';
import { memberUnitIds, staffToTell } from './daycare.repo.js';
import { localToday } from './days.js';
import * as counters from './messages.repo.js';
import {
  attachmentsOfThread,
  checkAttachments,
  downloadAttachment,
  saveAttachments,
  type AttachmentInput,
} from './messages.attachments.js';

/**
 * Daycare messages. Staff write to the guardians of one child, of a group or of a unit (an
 * administrator, the municipal account, to every unit); guardians write to the staff of their
 * child's group. Recipients are the guardians of the children placed there on the day of
 * sending; they, the sender and (for two-way messages) the group's or unit's staff become the
 * thread's participants, and only participants see the thread (a staff member only while
 * working in the thread's unit). Every read and write is audited.
 */

export interface Target {
  scope: ThreadScope;
  childId?: string;
  groupId?: string;
  unitId?: string;
}

export interface NewThread extends Target {
  kind: ThreadKind;
  title: string;
  body: string;
  urgent: boolean;
  requiresAck: boolean;
  attachments?: AttachmentInput[];
}

interface Person {
  id: string;
  name: string;
  email: string | null;
  language: string;
}

interface Resolved {
  role: 'guardian' | 'staff';
  scope: ThreadScope;
  unitId: string | null;
  groupId: string | null;
  childId: string | null;
  fromName: string;
  /** Who the message goes to (shown before sending). */
  recipients: (Person & { children: string[] })[];
  /** Staff who follow a two-way thread with the sender. */
  staff: Person[];
}

const isStaff = (ctx: Ctx) => ctx.roles.includes('daycare_staff');
const isMunicipal = (ctx: Ctx) => ctx.roles.includes('admin');

/** The guardians of the children placed on `day` where the query says. */
async function guardiansPlaced(
  tx: Tx,
  day: string,
  where: { childId?: string; groupId?: string; unitId?: string },
) {
  let q = tx
    .selectFrom('daycare_placements as p')
    .innerJoin('guardianships as g', 'g.child_id', 'p.child_id')
    .innerJoin('children as c', 'c.id', 'p.child_id')
    .innerJoin('people', 'people.id', 'g.person_id')
    .select([
      'people.id',
      'people.name',
      'people.email',
      'people.language',
      'c.first_name',
      'c.last_name',
    ])
    .where('p.start_date', '<=', day)
    .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', day)]));
  if (where.childId) q = q.where('p.child_id', '=', where.childId);
  if (where.groupId) q = q.where('p.group_id', '=', where.groupId);
  if (where.unitId) q = q.where('p.unit_id', '=', where.unitId);
  const rows = await q.orderBy('people.name').orderBy('c.first_name').execute();
  const byPerson = new Map<string, Person & { children: string[] }>();
  for (const r of rows) {
    const p = byPerson.get(r.id) ?? {
      id: r.id,
      name: r.name,
      email: r.email,
      language: r.language,
      children: [],
    };
    p.children.push(`${r.first_name} ${r.last_name}`);
    byPerson.set(r.id, p);
  }
  return [...byPerson.values()];
}

/**
 * The staff who follow a two-way thread: a unit's staff, or a group's own staff and the staff
 * of the whole unit (a member of a unit sees all its groups).
 */
async function unitStaff(tx: Tx, unitId: string, exceptPersonId: string, groupId?: string) {
  let q = tx
    .selectFrom('daycare_staff as s')
    .innerJoin('people', 'people.id', 's.person_id')
    .select(['people.id', 'people.name', 'people.email', 'people.language'])
    .distinct()
    .where('s.unit_id', '=', unitId)
    .where('people.id', '<>', exceptPersonId);
  if (groupId) {
    q = q.where((eb) => eb.or([eb('s.group_id', '=', groupId), eb('s.group_id', 'is', null)]));
  }
  return q.execute();
}

async function withNames(tx: Tx, people: { id: string }[]): Promise<Person[]> {
  if (people.length === 0) return [];
  return tx
    .selectFrom('people')
    .select(['id', 'name', 'email', 'language'])
    .where(
      'id',
      'in',
      people.map((p) => p.id),
    )
    .execute();
}

/** Who a message to `target` goes to today, checked against what the sender may write to. */
async function resolve(tx: Tx, ctx: AuthenticatedCtx, target: Target): Promise<Resolved> {
  const me = ctx.actor.personId;
  const day = localToday();
  if (target.scope === 'municipality') {
    if (!isMunicipal(ctx)) throw forbidden();
    return {
      role: 'staff',
      scope: 'municipality',
      unitId: null,
      groupId: null,
      childId: null,
      fromName: ctx.municipality.name[ctx.language],
      recipients: (await guardiansPlaced(tx, day, {})).filter((p) => p.id !== me),
      staff: [],
    };
  }
  if (target.scope === 'child') {
    if (!target.childId) throw notFound();
    const placement = await tx
      .selectFrom('daycare_placements as p')
      .innerJoin('daycare_units as u', 'u.id', 'p.unit_id')
      .innerJoin('daycare_groups as g', 'g.id', 'p.group_id')
      .select(['p.unit_id', 'p.group_id', 'u.name as unit_name', 'g.name as group_name'])
      .where('p.child_id', '=', target.childId)
      .where('p.start_date', '<=', day)
      .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', day)]))
      .executeTakeFirst();
    const myChild = await tx
      .selectFrom('guardianships')
      .select('child_id')
      .where('person_id', '=', me)
      .where('child_id', '=', target.childId)
      .executeTakeFirst();
    if (!placement) throw notFound();
    if (myChild) {
      // A guardian writes to the staff of the child's group (the unit's when it has none).
      const staff = await staffToTell(tx, placement.group_id, placement.unit_id, me);
      const people = await withNames(tx, staff);
      if (people.length === 0) throw new AppError(422, 'messageNoRecipients');
      return {
        role: 'guardian',
        scope: 'child',
        unitId: placement.unit_id,
        groupId: placement.group_id,
        childId: target.childId,
        fromName: ctx.actor.name,
        recipients: people.map((p) => ({ ...p, children: [] })),
        staff: [],
      };
    }
    if (!isStaff(ctx) || !(await memberUnitIds(tx, me)).includes(placement.unit_id)) {
      throw notFound();
    }
    return {
      role: 'staff',
      scope: 'child',
      unitId: placement.unit_id,
      groupId: placement.group_id,
      childId: target.childId,
      fromName: placement.unit_name,
      recipients: await guardiansPlaced(tx, day, { childId: target.childId }),
      staff: await unitStaff(tx, placement.unit_id, me, placement.group_id),
    };
  }
  if (!isStaff(ctx)) throw forbidden();
  const units = await memberUnitIds(tx, me);
  if (target.scope === 'group') {
    const group = target.groupId
      ? await tx
          .selectFrom('daycare_groups as g')
          .innerJoin('daycare_units as u', 'u.id', 'g.unit_id')
          .select(['g.id', 'g.unit_id', 'u.name as unit_name'])
          .where('g.id', '=', target.groupId)
          .executeTakeFirst()
      : undefined;
    if (!group || !units.includes(group.unit_id)) throw notFound();
    return {
      role: 'staff',
      scope: 'group',
      unitId: group.unit_id,
      groupId: group.id,
      childId: null,
      fromName: group.unit_name,
      recipients: await guardiansPlaced(tx, day, { groupId: group.id }),
      staff: await unitStaff(tx, group.unit_id, me, group.id),
    };
  }
  const unit = target.unitId
    ? await tx
        .selectFrom('daycare_units')
        .select(['id', 'name'])
        .where('id', '=', target.unitId)
        .executeTakeFirst()
    : undefined;
  if (!unit || !units.includes(unit.id)) throw notFound();
  return {
    role: 'staff',
    scope: 'unit',
    unitId: unit.id,
    groupId: null,
    childId: null,
    fromName: unit.name,
    recipients: await guardiansPlaced(tx, day, { unitId: unit.id }),
    staff: await unitStaff(tx, unit.id, me),
  };
}

/** Who a message would go to, shown before sending. */
export async function previewRecipients(ctx: Ctx, target: Target) {
  requireUser(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const r = await resolve(tx, ctx, target);
    await audit(tx, ctx, 'daycare.message.recipients', null, {
      scope: r.scope,
      unitId: r.unitId,
      groupId: r.groupId,
      childId: r.childId,
      count: r.recipients.length,
    });
    return {
      count: r.recipients.length,
      recipients: r.recipients.map((p) => ({ id: p.id, name: p.name, children: p.children })),
    };
  });
}

const lang = (l: string): Language => (isLanguage(l) ? l : 'fi');
const threadLink = (ctx: Ctx, threadId: string) => `/${ctx.municipality.slug}/messages/${threadId}`;

/**
 * What a daycare message's email and push say: only that there is a new message from `from`
 * and a link. Never the title or the body: daycare messages are about children, so all are
 * sensitive. Urgent messages have their own topic, so a guardian can keep only those on.
 */
function outsideNotice(
  ctx: AuthenticatedCtx,
  p: Person,
  from: string,
  threadId: string,
  urgent: boolean,
  reminder = false,
): OutsideNotice {
  const language = lang(p.language);
  const link = threadLink(ctx, threadId);
  const subject = translate(
    language,
    urgent ? 'email.message.urgentSubject' : 'email.message.subject',
    { from },
  );
  return {
    person: { id: p.id, email: p.email, language },
    topic: urgent ? 'urgentMessages' : 'messages',
    email: {
      subject,
      text: [
        translate(language, reminder ? 'email.message.reminder' : 'email.message.body', { from }),
        `${ctx.baseUrl}${link}`,
        translate(language, 'email.notification.footer', {
          municipality: ctx.municipality.name[language],
        }),
      ].join('\n\n'),
    },
    push: {
      title: subject,
      body: translate(language, reminder ? 'push.message.reminder' : 'push.message.body', {
        from,
      }),
      link,
    },
  };
}

/** Email and push the guardians among `people` that there is a new message (if they want). */
async function tellNewMessage(
  tx: Tx,
  ctx: AuthenticatedCtx,
  people: Person[],
  from: string,
  threadId: string,
  urgent: boolean,
) {
  await notifyOutsideApp(
    tx,
    ctx,
    people.map((p) => outsideNotice(ctx, p, from, threadId, urgent)),
  );
}

/** Send a new thread: its first message, participants and counters in one transaction. */
export async function sendMessage(ctx: Ctx, input: NewThread) {
  requireUser(ctx);
  const me = ctx.actor.personId;
  const m = ctx.municipality.id;
  const files = checkAttachments(input.attachments);
  return inTenant(ctx.db, m, async (tx) => {
    const r = await resolve(tx, ctx, input);
    if (r.recipients.length === 0) throw new AppError(422, 'messageNoRecipients');
    // Guardians only write two-way messages, without flags.
    const guardian = r.role === 'guardian';
    const kind = guardian ? 'message' : input.kind;
    const thread = await tx
      .insertInto('message_threads')
      .values({
        municipality_id: m,
        kind,
        title: input.title.trim(),
        urgent: guardian ? false : input.urgent,
        requires_ack: guardian ? false : input.requiresAck,
        scope: r.scope,
        unit_id: r.unitId,
        group_id: r.groupId,
        child_id: r.childId,
        created_by: me,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const first = await tx
      .insertInto('messages')
      .values({ municipality_id: m, thread_id: thread.id, author_id: me, body: input.body.trim() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await saveAttachments(tx, m, thread.id, first.id, files);
    const participants = new Map<string, 'guardian' | 'staff'>();
    participants.set(me, r.role);
    for (const p of r.recipients) participants.set(p.id, guardian ? 'staff' : 'guardian');
    if (kind === 'message') for (const p of r.staff) participants.set(p.id, 'staff');
    await tx
      .insertInto('thread_participants')
      .values(
        [...participants].map(([id, role]) => ({
          municipality_id: m,
          thread_id: thread.id,
          person_id: id,
          role,
        })),
      )
      .execute();
    await counters.countNewMessage(tx, m, thread.id, me);
    if (!guardian) await tellNewMessage(tx, ctx, r.recipients, r.fromName, thread.id, input.urgent);
    await audit(tx, ctx, 'daycare.message.send', `thread:${thread.id}`, {
      kind,
      scope: r.scope,
      unitId: r.unitId,
      groupId: r.groupId,
      childId: r.childId,
      recipients: r.recipients.length,
      attachments: files.length,
    });
    return { id: thread.id, recipients: r.recipients.length };
  });
}

/** The thread if the person may see it: a participant, and staff only while in the unit. */
export async function visibleThread(tx: Tx, ctx: AuthenticatedCtx, threadId: string) {
  const row = await tx
    .selectFrom('message_threads as t')
    .innerJoin('thread_participants as p', 'p.thread_id', 't.id')
    .leftJoin('daycare_units as u', 'u.id', 't.unit_id')
    .selectAll('t')
    .select([
      'p.role',
      'p.unread_count',
      'p.archived_at',
      'p.acknowledged_at',
      'u.name as unit_name',
    ])
    .where('t.id', '=', threadId)
    .where('p.person_id', '=', ctx.actor.personId)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (
    row.role === 'staff' &&
    row.unit_id !== null &&
    row.created_by !== ctx.actor.personId &&
    !(await memberUnitIds(tx, ctx.actor.personId)).includes(row.unit_id)
  ) {
    throw notFound();
  }
  return row;
}

const fromName = (ctx: Ctx, unitName: string | null) =>
  unitName ?? ctx.municipality.name[ctx.language];

/** The person's threads, newest first: the inbox or the archive, optionally searched. */
export async function listMessageThreads(
  ctx: Ctx,
  query: { archived?: boolean; q?: string; limit?: number },
) {
  requireUser(ctx);
  const me = ctx.actor.personId;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const units = await memberUnitIds(tx, me);
    let q = tx
      .selectFrom('thread_participants as p')
      .innerJoin('message_threads as t', 't.id', 'p.thread_id')
      .leftJoin('daycare_units as u', 'u.id', 't.unit_id')
      .select([
        't.id',
        't.kind',
        't.title',
        't.urgent',
        't.requires_ack',
        't.scope',
        't.created_by',
        't.last_message_at',
        'u.name as unit_name',
        'p.unread_count',
        'p.acknowledged_at',
        'p.archived_at',
        sql<string>`(select body from messages m where m.thread_id = t.id
          order by m.created_at desc, m.id desc limit 1)`.as('last_body'),
      ])
      .where('p.person_id', '=', me)
      .where('p.archived_at', query.archived ? 'is not' : 'is', null)
      .where((eb) =>
        eb.or([
          eb('p.role', '=', 'guardian'),
          eb('t.unit_id', 'is', null),
          eb('t.created_by', '=', me),
          ...(units.length > 0 ? [eb('t.unit_id', 'in', units)] : []),
        ]),
      );
    if (query.q?.trim()) {
      const pattern = containsPattern(query.q.trim());
      q = q.where((eb) =>
        eb.or([
          eb('t.title', 'ilike', pattern),
          eb.exists(
            eb
              .selectFrom('messages as m')
              .select('m.id')
              .whereRef('m.thread_id', '=', 't.id')
              .where('m.body', 'ilike', pattern),
          ),
        ]),
      );
    }
    const rows = await q
      .orderBy('t.last_message_at', 'desc')
      .orderBy('t.id')
      .limit(query.limit ?? 100)
      .execute();
    await audit(tx, ctx, 'daycare.message.list', null, {
      threads: rows.map((r) => r.id),
      archived: Boolean(query.archived),
      q: query.q ?? null,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        urgent: r.urgent,
        requiresAck: r.requires_ack,
        scope: r.scope,
        from: fromName(ctx, r.unit_name),
        mine: r.created_by === me,
        lastMessageAt: r.last_message_at.toISOString(),
        preview: r.last_body.slice(0, 140),
        unreadCount: r.unread_count,
        acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
        archived: r.archived_at !== null,
      })),
      unreadCount: await counters.unreadTotal(tx, me),
    };
  });
}

/** One thread with its messages; the sender also sees who has not acknowledged. */
export async function getMessageThread(ctx: Ctx, threadId: string) {
  requireUser(ctx);
  const me = ctx.actor.personId;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const t = await visibleThread(tx, ctx, threadId);
    const messages = await tx
      .selectFrom('messages as m')
      .innerJoin('people', 'people.id', 'm.author_id')
      .select(['m.id', 'm.body', 'm.created_at', 'm.author_id', 'people.name'])
      .where('m.thread_id', '=', threadId)
      .orderBy('m.created_at')
      .orderBy('m.id')
      .execute();
    const participants = await tx
      .selectFrom('thread_participants as p')
      .innerJoin('people', 'people.id', 'p.person_id')
      .select(['p.person_id', 'p.role', 'p.acknowledged_at', 'p.reminded_at', 'people.name'])
      .where('p.thread_id', '=', threadId)
      .orderBy('people.name')
      .execute();
    const attachments = await attachmentsOfThread(tx, threadId);
    const canSeeAcks = t.requires_ack && t.role === 'staff';
    await audit(tx, ctx, 'daycare.message.read', `thread:${threadId}`, {
      messages: messages.length,
    });
    return {
      id: t.id,
      kind: t.kind,
      title: t.title,
      urgent: t.urgent,
      requiresAck: t.requires_ack,
      scope: t.scope,
      from: fromName(ctx, t.unit_name),
      mine: t.created_by === me,
      canReply: t.kind === 'message' || t.role === 'staff',
      unreadCount: t.unread_count,
      archived: t.archived_at !== null,
      acknowledgedAt: t.acknowledged_at?.toISOString() ?? null,
      messages: messages.map((m) => ({
        id: m.id,
        authorName: m.name,
        mine: m.author_id === me,
        body: m.body,
        createdAt: m.created_at.toISOString(),
        attachments: attachments.get(m.id) ?? [],
      })),
      participants: participants.map((p) => ({
        name: p.name,
        role: p.role,
      })),
      acknowledgements: canSeeAcks
        ? participants
            .filter((p) => p.role === 'guardian')
            .map((p) => ({
              personId: p.person_id,
              name: p.name,
              acknowledgedAt: p.acknowledged_at?.toISOString() ?? null,
              remindedAt: p.reminded_at?.toISOString() ?? null,
            }))
        : null,
    };
  });
}

/** A reply: one more unread for everyone else in the thread. Bulletins take no replies from guardians. */
export async function replyToThread(
  ctx: Ctx,
  threadId: string,
  body: string,
  attachments?: AttachmentInput[],
) {
  requireUser(ctx);
  const me = ctx.actor.personId;
  const m = ctx.municipality.id;
  const files = checkAttachments(attachments);
  return inTenant(ctx.db, m, async (tx) => {
    const t = await visibleThread(tx, ctx, threadId);
    if (t.kind === 'bulletin' && t.role !== 'staff') throw new AppError(422, 'bulletinNoReplies');
    // One reply at a time per thread, so the order of messages and counters is plain.
    await tx
      .updateTable('message_threads')
      .set({ last_message_at: sql`now()` })
      .where('id', '=', threadId)
      .execute();
    const message = await tx
      .insertInto('messages')
      .values({ municipality_id: m, thread_id: threadId, author_id: me, body: body.trim() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await saveAttachments(tx, m, threadId, message.id, files);
    await counters.lockThreadTotals(tx, m, threadId);
    // The author has read the thread up to their own reply.
    await counters.markRead(tx, m, threadId, me);
    const told = await counters.countNewMessage(tx, m, threadId, me);
    if (t.role === 'staff') {
      const guardians = await tx
        .selectFrom('thread_participants as p')
        .innerJoin('people', 'people.id', 'p.person_id')
        .select(['people.id', 'people.name', 'people.email', 'people.language'])
        .where('p.thread_id', '=', threadId)
        .where('p.role', '=', 'guardian')
        .where('p.person_id', 'in', told.length > 0 ? told : [me])
        .where('p.person_id', '<>', me)
        .execute();
      await tellNewMessage(tx, ctx, guardians, fromName(ctx, t.unit_name), threadId, t.urgent);
    }
    await audit(tx, ctx, 'daycare.message.reply', `thread:${threadId}`, {
      messageId: message.id,
      recipients: told.length,
      attachments: files.length,
    });
    return { id: message.id };
  });
}

export async function markThreadRead(ctx: Ctx, threadId: string) {
  requireUser(ctx);
  const m = ctx.municipality.id;
  return inTenant(ctx.db, m, async (tx) => {
    await visibleThread(tx, ctx, threadId);
    const was = await counters.markRead(tx, m, threadId, ctx.actor.personId);
    await audit(tx, ctx, 'daycare.message.markRead', `thread:${threadId}`, { unread: was });
    return { unreadCount: await counters.unreadTotal(tx, ctx.actor.personId) };
  });
}

export async function markThreadUnread(ctx: Ctx, threadId: string) {
  requireUser(ctx);
  const m = ctx.municipality.id;
  return inTenant(ctx.db, m, async (tx) => {
    await visibleThread(tx, ctx, threadId);
    await counters.markUnread(tx, m, threadId, ctx.actor.personId);
    await audit(tx, ctx, 'daycare.message.markUnread', `thread:${threadId}`);
    return { unreadCount: await counters.unreadTotal(tx, ctx.actor.personId) };
  });
}

export async function archiveThread(ctx: Ctx, threadId: string, archived: boolean) {
  requireUser(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await visibleThread(tx, ctx, threadId);
    await tx
      .updateTable('thread_participants')
      .set({ archived_at: archived ? sql`now()` : null })
      .where('thread_id', '=', threadId)
      .where('person_id', '=', ctx.actor.personId)
      .execute();
    await audit(tx, ctx, 'daycare.message.archive', `thread:${threadId}`, { archived });
  });
}

/** "Read and understood": a guardian's acknowledgement, once; it also reads the thread. */
export async function acknowledgeMessage(ctx: Ctx, threadId: string) {
  requireUser(ctx);
  const m = ctx.municipality.id;
  return inTenant(ctx.db, m, async (tx) => {
    const t = await visibleThread(tx, ctx, threadId);
    if (!t.requires_ack || t.role !== 'guardian') throw new AppError(422, 'messageNoAck');
    const row = await tx
      .updateTable('thread_participants')
      .set({ acknowledged_at: sql`coalesce(acknowledged_at, now())` })
      .where('thread_id', '=', threadId)
      .where('person_id', '=', ctx.actor.personId)
      .returning('acknowledged_at')
      .executeTakeFirstOrThrow();
    await counters.markRead(tx, m, threadId, ctx.actor.personId);
    await audit(tx, ctx, 'daycare.message.acknowledge', `thread:${threadId}`);
    // The sender's view of who has acknowledged refreshes.
    counters.publishUnread(tx, m, [t.created_by]);
    return { acknowledgedAt: row.acknowledged_at!.toISOString() };
  });
}

/** Remind, with one click, every guardian who has not acknowledged (in the app and by email). */
export async function remindUnacknowledged(ctx: Ctx, threadId: string) {
  requireUser(ctx);
  const m = ctx.municipality.id;
  return inTenant(ctx.db, m, async (tx) => {
    const t = await visibleThread(tx, ctx, threadId);
    if (!t.requires_ack || t.role !== 'staff') throw new AppError(422, 'messageNoAck');
    const people = await tx
      .updateTable('thread_participants as p')
      .from('people')
      .set({ reminded_at: sql`now()` })
      .whereRef('people.id', '=', 'p.person_id')
      .where('p.thread_id', '=', threadId)
      .where('p.role', '=', 'guardian')
      .where('p.acknowledged_at', 'is', null)
      .returning(['people.id', 'people.name', 'people.email', 'people.language'])
      .execute();
    const from = fromName(ctx, t.unit_name);
    await notifyPeople(
      tx,
      ctx,
      people.map((p) => {
        const language = lang(p.language);
        const { person, topic, ...outside } = outsideNotice(ctx, p, from, threadId, t.urgent, true);
        return {
          person,
          topic,
          // The in-app notice names the thread; the email and push do not.
          outside,
          message: {
            title: translate(language, 'notification.messageReminder', { title: t.title }),
            body: translate(language, 'notification.messageReminder.body', { from }),
            link: threadLink(ctx, threadId),
          },
        };
      }),
    );
    await audit(tx, ctx, 'daycare.message.remind', `thread:${threadId}`, {
      reminded: people.map((p) => p.id),
    });
    return { reminded: people.length };
  });
}

/**
 * The person's unread total: one cached number (the badge is asked often, by every open
 * page). The cache is dropped for the person by every change of the counter, announced by
 * `publishUnread` at commit (see `counters.unreadCache`).
 */
export async function getUnreadCount(ctx: Ctx) {
  requireUser(ctx);
  return {
    unreadCount: await counters.cachedUnreadTotal(ctx.db, ctx.municipality.id, ctx.actor.personId),
  };
}

/** An attachment's bytes, for the participants of its thread only (audited). */
export async function downloadMessageAttachment(ctx: Ctx, attachmentId: string) {
  requireUser(ctx);
  return downloadAttachment(ctx, attachmentId, (tx, threadId) => visibleThread(tx, ctx, threadId));
}
