import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { localInstant, loggedIn, startRuntime, type Client } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { JobWorker } from '../../platform/jobs/worker.js';
import { addDays } from './days.js';
import {
  clockAt,
  myDaycare,
  nextWeekday,
  notificationTitles,
  realClock,
  report,
} from './test-support.js';
import {
  book,
  groupGuardians,
  groupId,
  mine,
  publish,
  staffPersonId,
} from './discussions.test-support.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let guardian: Client;
let staff: Client;
let unitStaff: Client;
let otherStaff: Client;
let eino: string;
let meritahdet: string;
let veera: string;

const week = nextWeekday(addDays(nextWeekday(), 7), 1);
const day = (n: number) => addDays(week, n);
const runJobs = () => new JobWorker(rt.db, rt.jobHandlers, rt.app.log).wake();
const dueNow = () =>
  asSystem(rt.db, (tx) =>
    sql`update jobs set run_at = now() where kind = 'daycare.discussionReminder'
      and done_at is null`.execute(tx),
  );
const icsTime = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

beforeAll(async () => {
  rt = await startRuntime();
  guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
  staff = await loggedIn(rt.app, 'varhaiskasvatus@tyrskyla.example');
  unitStaff = await loggedIn(rt.app, 'majakka@tyrskyla.example');
  otherStaff = await loggedIn(rt.app, 'aallokko@tyrskyla.example');
  eino = (await myDaycare(guardian)).child('Eino').id;
  meritahdet = await groupId(staff, 'Meritähdet');
  veera = await staffPersonId(rt.db, 'varhaiskasvatus@tyrskyla.example');
});
afterAll(async () => rt?.dispose());
afterEach(() => realClock());

const survey = (times: [string, string, string][]) =>
  publish(staff, { groupId: meritahdet, staffId: veera, times, deadline: day(-2) });

describe('discussion reminders', () => {
  it('reminds the guardians the day before a booked time, once, and not of a cancelled one', async () => {
    const s = await survey([
      [day(0), '10:00', '10:45'],
      [day(0), '11:00', '11:45'],
    ]);
    const [other] = await groupGuardians(rt.app, rt.db, meritahdet);
    expect((await book(guardian, s.slots[0]!.id, eino)).statusCode).toBe(201);
    expect((await book(other!.client, s.slots[1]!.id, other!.childId)).statusCode).toBe(201);
    const jobs = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('jobs')
        .select(['run_at', sql<string>`payload->>'bookingId'`.as('booking')])
        .where('kind', '=', 'daycare.discussionReminder')
        .where(
          sql<boolean>`payload->>'bookingId' in (
            select id::text from discussion_bookings where survey_id = ${s.id})`,
        )
        .execute(),
    );
    expect(jobs).toHaveLength(2);
    const start = await localInstant(rt.db, 0, '10:00', day(0));
    expect(jobs.map((j) => j.run_at.getTime())).toContain(Date.parse(start) - 86_400_000);
    // The other family cancels: their job finds nothing to remind of.
    const theirs = (await mine(other!.client)).items.find((i) => i.id === s.id)!;
    const theirBooking = theirs.children.find((c) => c.id === other!.childId)!.booking!;
    expect(
      (await other!.client.delete(`daycare/discussion-bookings/${theirBooking.id}`)).statusCode,
    ).toBe(204);

    // Woken early (the day before, but more than a day ahead): nothing yet.
    await clockAt(rt.db, day(-1), '09:30');
    await dueNow();
    await runJobs();
    expect(await notificationTitles(guardian)).not.toContain(
      'Huomenna keskustelu: VASU-keskustelut',
    );

    await clockAt(rt.db, day(-1), '10:05');
    await dueNow();
    await runJobs();
    const titles = await notificationTitles(guardian);
    expect(titles[0]).toBe('Huomenna keskustelu: VASU-keskustelut');
    expect(await notificationTitles(other!.client)).not.toContain(
      'Huomenna keskustelu: VASU-keskustelut',
    );
    const email = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('email_outbox')
        .select(['subject', 'text_body'])
        .where('to_address', '=', 'huoltaja@tyrskyla.example')
        .where('subject', '=', 'Huomenna keskustelu: VASU-keskustelut')
        .execute(),
    );
    expect(email).toHaveLength(1);
    expect(email[0]!.text_body).toMatch(/Eino: .*Neuvotteluhuone/);
    // Run again: no second reminder.
    await dueNow();
    await runJobs();
    expect(
      (await notificationTitles(guardian)).filter(
        (t) => t === 'Huomenna keskustelu: VASU-keskustelut',
      ),
    ).toHaveLength(1);
  });
});

describe('family calendar and feed', () => {
  it("shows the family's discussion times, absences and events, and carries them in the feed", async () => {
    const s = await survey([[day(1), '14:00', '14:45']]);
    const booked = await book(guardian, s.slots[0]!.id, eino);
    expect(booked.statusCode).toBe(201);
    expect(
      (await report(guardian, { childIds: [eino], startDate: day(2), endDate: day(3) })).statusCode,
    ).toBe(201);
    const groupEvent = await staff.post('daycare/staff/events', {
      unitId: (await myDaycare(guardian)).child('Eino').placements[0]!.unit.id,
      groupId: meritahdet,
      title: 'Metsäretki',
      description: 'Eväät mukaan.',
      startDate: day(4),
      endDate: day(4),
      startTime: null,
      endTime: null,
    });
    expect(groupEvent.statusCode, groupEvent.body).toBe(201);
    const unitId = (await myDaycare(guardian)).child('Eino').placements[0]!.unit.id;
    const unitEvent = {
      unitId,
      groupId: null,
      title: 'Kevätjuhla',
      description: '',
      startDate: day(3),
      endDate: day(3),
      startTime: '18:00',
      endTime: '19:30',
    };
    // A group's staff may not speak for the whole unit, nor another unit's staff for it.
    expect((await staff.post('daycare/staff/events', unitEvent)).statusCode).toBe(404);
    expect((await otherStaff.post('daycare/staff/events', unitEvent)).statusCode).toBe(404);
    expect((await unitStaff.post('daycare/staff/events', unitEvent)).statusCode).toBe(201);
    const bad = await unitStaff.post('daycare/staff/events', { ...unitEvent, endTime: '17:00' });
    expect(bad.statusCode).toBe(422);

    const calendar = await guardian.get('daycare/calendar');
    expect(calendar.statusCode).toBe(200);
    const items = calendar.json().items as {
      kind: string;
      title: string;
      startDate: string;
      endDate: string;
      children: string[];
      category: string | null;
    }[];
    expect(items.map((i) => [i.kind, i.startDate])).toEqual(
      expect.arrayContaining([
        ['discussion', day(1)],
        ['absence', day(2)],
        ['event', day(3)],
        ['event', day(4)],
      ]),
    );
    expect(items.find((i) => i.kind === 'absence')).toMatchObject({
      endDate: day(3),
      children: ['Eino'],
      category: 'sick',
    });

    // A family of the other unit sees neither event.
    const laineet = await groupId(otherStaff, 'Laineet');
    const [elsewhere] = await groupGuardians(rt.app, rt.db, laineet);
    const theirs = (await elsewhere!.client.get('daycare/calendar')).json().items as {
      title: string;
    }[];
    expect(theirs.map((i) => i.title)).not.toContain('Metsäretki');
    expect(theirs.map((i) => i.title)).not.toContain('Kevätjuhla');

    const feed = (await guardian.post('calendar-feed')).json() as { url: string };
    const ics = await rt.app.inject(new URL(feed.url).pathname);
    expect(ics.statusCode).toBe(200);
    const text = ics.body.replace(/\r\n /g, '');
    const bookingId = booked.json().id as string;
    const start = await localInstant(rt.db, 0, '14:00', day(1));
    expect(text).toContain(`UID:daycare-discussion-${bookingId}@helppo`);
    expect(text).toContain(`DTSTART:${icsTime(start)}`);
    expect(text).toContain('SUMMARY:VASU-keskustelut: Eino');
    expect(text).toContain('SUMMARY:Poissa: Eino (sairaus)');
    expect(text).toContain(`DTSTART;VALUE=DATE:${day(2).replace(/-/g, '')}`);
    expect(text).toContain(`DTEND;VALUE=DATE:${addDays(day(3), 1).replace(/-/g, '')}`);
    expect(text).toContain('SUMMARY:Metsäretki');
    expect(text).toContain(`DTSTART:${icsTime(await localInstant(rt.db, 0, '18:00', day(3)))}`);
    const events = text.split('BEGIN:VEVENT').slice(1);
    expect(events.every((e) => /\nDTSTAMP:\d{8}T\d{6}Z/.test(e))).toBe(true);
    // Read again: the same UIDs (calendar apps update entries in place).
    const again = (await rt.app.inject(new URL(feed.url).pathname)).body.replace(/\r\n /g, '');
    const uids = (t: string) => t.match(/UID:[^\r\n]+/g)!.sort();
    expect(uids(again)).toEqual(uids(text));
  });
});
