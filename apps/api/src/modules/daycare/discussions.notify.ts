import { inTenant, type Database, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import type { Ctx } from '../../platform/http/context.js';
import { isLanguage, translate, type Language } from '../../platform/i18n/messages.js';
import { formatTimeSpan } from '../../platform/i18n/time.js';
import { notifyPeople } from '../../platform/notifications/notifications.service.js';
import { enqueueJob } from '../../platform/jobs/queue.js';
import { jobContext } from '../../platform/jobs/context.js';
import type { JobHandler } from '../../platform/jobs/worker.js';
import { guardiansOf } from './discussions.repo.js';
import { clock } from './days.js';

export const DISCUSSION_REMINDER = 'daycare.discussionReminder';
/** The reminder goes this long before the discussion: the day before, at the same time. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000;

type NoticeCtx = Pick<Ctx, 'municipality' | 'baseUrl'>;
const languageOf = (value: string): Language => (isLanguage(value) ? value : 'fi');
export const dayFormat = (language: Language, day: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/**
 * Tell the guardians of `children` (by child id, with the child's name) about a survey: that
 * it was published, or a reminder to book. One notice per guardian naming all their children
 * concerned; in the app and by email (the text says nothing about the children beyond names).
 */
export async function tellGuardiansToBook(
  tx: Tx,
  ctx: NoticeCtx,
  kind: 'published' | 'remind',
  survey: { id: string; title: string; unit_name: string; booking_deadline: string },
  children: { id: string; first_name: string }[],
): Promise<number> {
  const guardians = await guardiansOf(
    tx,
    children.map((c) => c.id),
  );
  const byPerson = new Map<string, { email: string | null; language: Language; names: string[] }>();
  for (const g of guardians) {
    const entry = byPerson.get(g.id) ?? {
      email: g.email,
      language: languageOf(g.language),
      names: [],
    };
    entry.names.push(children.find((c) => c.id === g.child_id)!.first_name);
    byPerson.set(g.id, entry);
  }
  await notifyPeople(
    tx,
    ctx,
    [...byPerson].map(([id, p]) => {
      const params = {
        title: survey.title,
        unit: survey.unit_name,
        children: p.names.join(', '),
        deadline: dayFormat(p.language, survey.booking_deadline),
      };
      return {
        topic: 'discussions' as const,
        person: { id, email: p.email, language: p.language },
        message: {
          title: translate(p.language, `notification.discussion.${kind}`, params),
          body: translate(p.language, `notification.discussion.${kind}.body`, params),
          link: `/${ctx.municipality.slug}/daycare/discussions`,
        },
      };
    }),
  );
  return byPerson.size;
}

export interface BookedTime {
  title: string;
  child_id: string;
  first_name: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  staff_name: string;
}

/** Tell a booked child's guardians that staff cancelled the time, or remind them of it. */
export async function tellGuardiansOfBooking(
  tx: Tx,
  ctx: NoticeCtx,
  kind: 'cancelled' | 'reminder',
  booking: BookedTime,
) {
  const guardians = await guardiansOf(tx, [booking.child_id]);
  await notifyPeople(
    tx,
    ctx,
    guardians.map((g) => {
      const language = languageOf(g.language);
      const params = {
        title: booking.title,
        child: booking.first_name,
        time: formatTimeSpan(language, booking.starts_at, booking.ends_at),
        place: booking.place || '–',
        staff: booking.staff_name,
      };
      return {
        topic: 'discussions' as const,
        person: { id: g.id, email: g.email, language },
        message: {
          title: translate(language, `notification.discussionBooking.${kind}`, params),
          body: translate(language, `notification.discussionBooking.${kind}.body`, params),
          link: `/${ctx.municipality.slug}/daycare/${kind === 'reminder' ? 'calendar' : 'discussions'}`,
        },
      };
    }),
  );
}

/** Schedule the reminder of a new booking; none when the day before has already come. */
export async function scheduleReminder(
  tx: Tx,
  municipalityId: string,
  bookingId: string,
  startsAt: Date,
) {
  const runAt = new Date(startsAt.getTime() - REMINDER_BEFORE_MS);
  if (runAt.getTime() <= clock.now().getTime()) return;
  await enqueueJob(tx, DISCUSSION_REMINDER, { bookingId }, { municipalityId, runAt });
}

/**
 * The reminder job: the booking still stands, its time is less than a day away (by the
 * daycare's clock) and has not passed, and no reminder went yet. A booking cancelled or moved
 * since then gets nothing from this job (a new booking has a job of its own).
 */
export function discussionHandlers(
  db: Database,
  options: { publicUrl: string },
): Record<string, JobHandler> {
  return {
    [DISCUSSION_REMINDER]: async (job) => {
      const { bookingId } = job.payload as { bookingId: string };
      const municipalityId = job.municipality_id!;
      const ctx = await jobContext(db, municipalityId, options.publicUrl, `job:${job.id}`);
      await inTenant(db, municipalityId, async (tx) => {
        const row = await tx
          .selectFrom('discussion_bookings as b')
          .innerJoin('discussion_slots as sl', 'sl.id', 'b.slot_id')
          .innerJoin('discussion_surveys as s', 's.id', 'b.survey_id')
          .innerJoin('children as c', 'c.id', 'b.child_id')
          .innerJoin('people as staff', 'staff.id', 'sl.staff_id')
          .select([
            's.title',
            'b.child_id',
            'c.first_name',
            'sl.starts_at',
            'sl.ends_at',
            'sl.place',
            'staff.name as staff_name',
          ])
          .where('b.id', '=', bookingId)
          .where('b.cancelled_at', 'is', null)
          .where('b.reminded_at', 'is', null)
          .where('sl.cancelled_at', 'is', null)
          .where('s.cancelled_at', 'is', null)
          .forUpdate('b')
          .executeTakeFirst();
        if (!row) return;
        const now = clock.now().getTime();
        if (row.starts_at.getTime() <= now) return;
        const due = row.starts_at.getTime() - REMINDER_BEFORE_MS;
        if (due > now) {
          // Woken early (the worker's clock runs ahead of the daycare's): try again then.
          await enqueueJob(
            tx,
            DISCUSSION_REMINDER,
            { bookingId },
            {
              municipalityId,
              runAt: new Date(due),
            },
          );
          return;
        }
        await tellGuardiansOfBooking(tx, ctx, 'reminder', row);
        await tx
          .updateTable('discussion_bookings')
          .set({ reminded_at: new Date() })
          .where('id', '=', bookingId)
          .execute();
        await audit(tx, ctx, 'daycare.discussion.reminded', `child:${row.child_id}`, {
          bookingId,
        });
      });
    },
  };
}
