import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import type { CourseRow } from './courses.js';

/**
 * The fair queue of a course whose registration is a rush (children's swimming courses).
 *
 * Before the opening, guardians enter a waiting room. At the opening everyone in it gets a
 * random place (drawn with gen_random_uuid(), once, under the course row's lock); whoever
 * comes later joins the end in arrival order. The queue is admitted at the course's
 * admit_per_minute: the first minute's worth at the opening, then steadily. Admission is
 * computed from a person's place and the clock — no counter row is updated per request, so
 * the waiting room absorbs any crowd with cheap reads. An admitted person may register for
 * admission_minutes; the seats they take are then held for payment as usual.
 */

/** Draw the places of the waiting room once the opening has come. Idempotent. */
export async function ensureDrawn(tx: Tx, course: CourseRow, now: number) {
  if (course.registration_mode !== 'fair_queue') return;
  if (now < course.registration_opens_at.getTime()) return;
  const undrawn = await sql<{ one: number }>`
    select 1 as one from course_queue where course_id = ${course.id} and position is null
    limit 1`.execute(tx);
  if (undrawn.rows.length === 0) return;
  await sql`select 1 from courses where id = ${course.id} for update`.execute(tx);
  await sql`
    update course_queue q set position = d.place
    from (select person_id, row_number() over (order by gen_random_uuid()) as place
          from course_queue where course_id = ${course.id} and position is null) d
    where q.course_id = ${course.id} and q.person_id = d.person_id and q.position is null`.execute(
    tx,
  );
}

export interface Turn {
  /** waiting: the opening has not come (or the place is not reached); admitted: may register
   * now; passed: the admission window went by. */
  state: 'waiting' | 'admitted' | 'passed';
  /** 1-based place in the queue, null before the draw. */
  place: number | null;
  /** How many before one are still waiting for their turn. */
  ahead: number | null;
  admittedAt: Date | null;
  admittedUntil: Date | null;
}

/** A person's turn in the queue of a course, or null if they have not entered it. */
export async function admission(
  tx: Tx,
  course: CourseRow,
  personId: string,
  now: number,
): Promise<Turn | null> {
  const entry = await tx
    .selectFrom('course_queue')
    .select(['position', 'joined_at'])
    .where('course_id', '=', course.id)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!entry) return null;
  if (entry.position === null) {
    return { state: 'waiting', place: null, ahead: null, admittedAt: null, admittedUntil: null };
  }
  const { ahead } = await tx
    .selectFrom('course_queue')
    .select(sql<number>`count(*)::int`.as('ahead'))
    .where('course_id', '=', course.id)
    .where('position', '<', entry.position)
    .executeTakeFirstOrThrow();
  const place = ahead + 1;
  const rate = course.admit_per_minute;
  const opens = course.registration_opens_at.getTime();
  // Admitted by now: the first minute's worth at the opening, then `rate` a minute.
  const admittedSoFar = now < opens ? 0 : Math.floor((rate * (now - opens + 60_000)) / 60_000);
  // The first minute's worth at the opening, then one every 60/rate seconds.
  const turnAt = opens + (Math.max(0, place - rate) * 60_000) / rate;
  const admittedAt = new Date(Math.max(turnAt, entry.joined_at.getTime()));
  const admittedUntil = new Date(admittedAt.getTime() + course.admission_minutes * 60_000);
  const state =
    now < admittedAt.getTime() ? 'waiting' : now < admittedUntil.getTime() ? 'admitted' : 'passed';
  // Those before one in the queue who are not admitted yet.
  return {
    state,
    place,
    ahead: Math.max(0, Math.min(ahead, place - 1 - admittedSoFar)),
    admittedAt,
    admittedUntil,
  };
}

async function fairCourse(tx: Tx, id: string) {
  const course = await tx
    .selectFrom('courses')
    .selectAll()
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!course) throw notFound();
  if (course.registration_mode !== 'fair_queue') throw new AppError(409, 'noQueue');
  return course as CourseRow;
}

async function queueView(tx: Tx, course: CourseRow, personId: string, now: number) {
  await ensureDrawn(tx, course, now);
  const turn = await admission(tx, course, personId, now);
  const { total } = await tx
    .selectFrom('course_queue')
    .select(sql<number>`count(*)::int`.as('total'))
    .where('course_id', '=', course.id)
    .executeTakeFirstOrThrow();
  return {
    courseId: course.id,
    joined: turn !== null,
    state: turn?.state ?? null,
    place: turn?.place ?? null,
    ahead: turn?.ahead ?? null,
    inQueue: total,
    admitPerMinute: course.admit_per_minute,
    opensAt: course.registration_opens_at.toISOString(),
    admittedAt: turn?.admittedAt?.toISOString() ?? null,
    admittedUntil: turn?.admittedUntil?.toISOString() ?? null,
    serverTime: new Date(now).toISOString(),
  };
}

/**
 * Enter the waiting room (before the opening) or the end of the queue (after it); after a
 * passed turn, the end of the queue again.
 */
export async function joinQueue(ctx: Ctx, courseId: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const course = await fairCourse(tx, courseId);
    const now = Date.now();
    if (course.cancelled_at) throw new AppError(409, 'courseCancelled');
    if (now >= course.registration_closes_at.getTime())
      throw new AppError(409, 'registrationClosed');
    const late = now >= course.registration_opens_at.getTime();
    const inserted = await sql`
      insert into course_queue (municipality_id, course_id, person_id, position)
      values (${ctx.municipality.id}, ${courseId}, ${actor.personId},
              ${late ? sql`nextval('course_queue_late')` : sql`null`})
      on conflict (course_id, person_id) do nothing`.execute(tx);
    if (Number(inserted.numAffectedRows) > 0) {
      await audit(tx, ctx, 'course.queue.join', `course:${courseId}`);
    } else {
      // Whoever let their turn pass may queue again, at the end, like anyone arriving now.
      await ensureDrawn(tx, course, now);
      const turn = await admission(tx, course, actor.personId, now);
      if (turn?.state === 'passed') {
        await sql`update course_queue set position = nextval('course_queue_late'), joined_at = now()
                  where course_id = ${courseId} and person_id = ${actor.personId}`.execute(tx);
        await audit(tx, ctx, 'course.queue.rejoin', `course:${courseId}`);
      }
    }
    return queueView(tx, course, actor.personId, now);
  });
}

/** One's place in the queue and how fast it moves (polled by the waiting-room page). */
export async function getQueue(ctx: Ctx, courseId: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const course = await fairCourse(tx, courseId);
    return queueView(tx, course, actor.personId, Date.now());
  });
}
