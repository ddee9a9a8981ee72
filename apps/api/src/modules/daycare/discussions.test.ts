import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Client } from '../../../test/helpers.js';
import { loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { addDays } from './days.js';
import { clockAt, myDaycare, nextWeekday, notificationTitles, realClock } from './test-support.js';
import {
  book,
  groupGuardians,
  groupId,
  mine,
  publish,
  staffPersonId,
  type StaffSurvey,
} from './discussions.test-support.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let guardian: Client;
let staff: Client;
let otherStaff: Client;
let eino: string;
let aino: string;
let meritahdet: string;
let veera: string;

// Days of their own for each test (a staff member holds one discussion at a time).
const week = nextWeekday(addDays(nextWeekday(), 7), 1);
const day = (n: number) => addDays(week, n);

beforeAll(async () => {
  rt = await startRuntime();
  guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
  staff = await loggedIn(rt.app, 'varhaiskasvatus@tyrskyla.example');
  otherStaff = await loggedIn(rt.app, 'aallokko@tyrskyla.example');
  const { child } = await myDaycare(guardian);
  eino = child('Eino').id;
  aino = child('Aino').id;
  meritahdet = await groupId(staff, 'Meritähdet');
  veera = await staffPersonId(rt.db, 'varhaiskasvatus@tyrskyla.example');
});
afterAll(async () => rt?.dispose());
afterEach(() => realClock());

const survey = (times: [string, string, string][], extra: { childIds?: string[] } = {}) =>
  publish(staff, { groupId: meritahdet, staffId: veera, times, deadline: day(-2), ...extra });

const activeBookings = (surveyId: string) =>
  asSystem(
    rt.db,
    async (tx) =>
      (
        await sql<{ slot_id: string; child_id: string }>`select slot_id, child_id
        from discussion_bookings where survey_id = ${surveyId} and cancelled_at is null`.execute(tx)
      ).rows,
  );

describe('discussion times', () => {
  it('publishes a survey to the guardians, who book, change and cancel a time per child', async () => {
    const s = await survey([
      [day(0), '08:00', '08:45'],
      [day(0), '09:00', '09:45'],
    ]);
    expect(s.slots).toHaveLength(2);
    expect(s.notBooked.map((c) => c.name)).toContain('Eino Virtanen');
    expect((await notificationTitles(guardian))[0]).toBe('Varaa keskusteluaika: VASU-keskustelut');

    const listed = (await mine(guardian)).items.find((i) => i.id === s.id)!;
    expect(listed.open).toBe(true);
    expect(listed.children.map((c) => c.firstName)).toEqual(['Eino']);
    expect(listed.freeSlots.map((f) => f.id)).toEqual(s.slots.map((f) => f.id));

    expect((await book(guardian, s.slots[0]!.id, eino)).statusCode).toBe(201);
    // A second booking for the child replaces the first.
    const moved = await book(guardian, s.slots[1]!.id, eino);
    expect(moved.statusCode, moved.body).toBe(201);
    expect(await activeBookings(s.id)).toEqual([{ slot_id: s.slots[1]!.id, child_id: eino }]);

    const detail = (await staff.get(`daycare/staff/discussions/${s.id}`)).json() as StaffSurvey;
    expect(detail.slots.map((sl) => sl.booking?.child ?? null)).toEqual([null, 'Eino Virtanen']);
    expect(detail.notBooked.map((c) => c.name)).not.toContain('Eino Virtanen');

    const booking = (await mine(guardian)).items.find((i) => i.id === s.id)!.children[0]!.booking!;
    expect(booking.slotId).toBe(s.slots[1]!.id);
    expect((await guardian.delete(`daycare/discussion-bookings/${booking.id}`)).statusCode).toBe(
      204,
    );
    expect(await activeBookings(s.id)).toEqual([]);
  });

  it('keeps other families and other units out', async () => {
    const s = await survey([[day(1), '08:00', '08:45']]);
    // Aino is not in the survey (another unit); another family's child is not the guardian's.
    expect((await book(guardian, s.slots[0]!.id, aino)).statusCode).toBe(404);
    const [other] = await groupGuardians(rt.app, rt.db, meritahdet);
    expect((await book(other!.client, s.slots[0]!.id, eino)).statusCode).toBe(404);
    expect((await book(guardian, s.slots[0]!.id, other!.childId)).statusCode).toBe(404);
    // The other unit's staff neither see the survey nor can touch its slots.
    expect((await otherStaff.get(`daycare/staff/discussions/${s.id}`)).statusCode).toBe(404);
    const theirs = (await otherStaff.get('daycare/staff/discussions')).json().items as {
      id: string;
    }[];
    expect(theirs.map((i) => i.id)).not.toContain(s.id);
    expect(
      (await otherStaff.delete(`daycare/staff/discussion-slots/${s.slots[0]!.id}`)).statusCode,
    ).toBe(404);
    // A survey for chosen children is not shown to the guardians of the others.
    const chosen = await survey([[day(1), '10:00', '10:45']], { childIds: [other!.childId] });
    expect((await mine(guardian)).items.map((i) => i.id)).not.toContain(chosen.id);
    expect((await book(guardian, chosen.slots[0]!.id, eino)).statusCode).toBe(404);
    // A guardian is not staff.
    expect((await guardian.get(`daycare/staff/discussions/${s.id}`)).statusCode).toBe(403);
  });

  it('closes booking, changing and cancelling after the deadline with a clear message', async () => {
    const s = await survey([
      [day(2), '08:00', '08:45'],
      [day(2), '09:00', '09:45'],
    ]);
    expect((await book(guardian, s.slots[0]!.id, eino)).statusCode).toBe(201);
    const booking = (await mine(guardian)).items.find((i) => i.id === s.id)!.children[0]!.booking!;
    await clockAt(rt.db, day(-1), '10:00');
    const late = await book(guardian, s.slots[1]!.id, eino);
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({
      code: 'discussionDeadline',
      title: 'Varausaika on päättynyt',
    });
    expect(late.json().detail).toMatch(/asti/);
    expect((await guardian.delete(`daycare/discussion-bookings/${booking.id}`)).statusCode).toBe(
      422,
    );
    const listed = (await mine(guardian)).items.find((i) => i.id === s.id)!;
    expect(listed.open).toBe(false);
    expect(listed.freeSlots).toEqual([]);
    expect(await activeBookings(s.id)).toHaveLength(1);
  });

  it('lets exactly one of many simultaneous bookings of a slot win; the others get 409', async () => {
    const s = await survey([[day(3), '08:00', '08:45']]);
    const families = await groupGuardians(rt.app, rt.db, meritahdet);
    expect(families.length).toBeGreaterThanOrEqual(4);
    const contenders = [
      ...families.map((f) => () => book(f.client, s.slots[0]!.id, f.childId)),
      () => book(guardian, s.slots[0]!.id, eino),
    ];
    const results = await Promise.all(contenders.map((go) => go()));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(contenders.length - 1);
    for (const r of results.filter((r) => r.statusCode === 409)) {
      expect(r.json()).toMatchObject({
        code: 'discussionSlotTaken',
        title: 'Joku ehti varata ajan',
      });
    }
    expect(await activeBookings(s.id)).toHaveLength(1);
  });

  it('keeps one time per child when a family books two slots at once', async () => {
    const s = await survey([
      [day(3), '10:00', '10:45'],
      [day(3), '11:00', '11:45'],
    ]);
    const results = await Promise.all(s.slots.map((sl) => book(guardian, sl.id, eino)));
    expect(results.every((r) => [201, 409].includes(r.statusCode))).toBe(true);
    expect((await activeBookings(s.id)).filter((b) => b.child_id === eino)).toHaveLength(1);
  });

  it('lets staff edit and cancel free slots, and cancel a booked one telling the guardian', async () => {
    const s = await survey([
      [day(4), '08:00', '08:45'],
      [day(4), '09:00', '09:45'],
    ]);
    const [free, taken] = s.slots;
    expect((await book(guardian, taken!.id, eino)).statusCode).toBe(201);
    const edit = {
      day: day(4),
      start: '12:00',
      end: '12:30',
      staffId: veera,
      place: 'Videopuhelu',
    };
    expect((await staff.put(`daycare/staff/discussion-slots/${taken!.id}`, edit)).statusCode).toBe(
      409,
    );
    const edited = await staff.put(`daycare/staff/discussion-slots/${free!.id}`, edit);
    expect(edited.statusCode, edited.body).toBe(200);
    // The same staff member cannot hold two discussions at once.
    const clash = await staff.post(`daycare/staff/discussions/${s.id}/slots`, {
      series: {
        day: day(4),
        from: '12:15',
        to: '13:15',
        minutes: 30,
        breakMinutes: 0,
        staffId: veera,
        place: '',
      },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('discussionStaffOverlap');
    // Also when publishing: two slots of one person at once undo the whole survey.
    const twice = await staff.post('daycare/staff/discussions', {
      groupId: meritahdet,
      title: 'Päällekkäin',
      description: '',
      bookingDeadline: day(-2),
      slots: [day(5), day(5)].map((d) => ({
        day: d,
        start: '15:00',
        end: '15:30',
        staffId: veera,
        place: '',
      })),
    });
    expect(twice.statusCode).toBe(409);
    const listed = (await staff.get('daycare/staff/discussions')).json().items as {
      title: string;
    }[];
    expect(listed.map((i) => i.title)).not.toContain('Päällekkäin');
    const series = await staff.post(`daycare/staff/discussions/${s.id}/slots`, {
      series: {
        day: day(4),
        from: '13:00',
        to: '15:00',
        minutes: 30,
        breakMinutes: 10,
        staffId: veera,
        place: '',
      },
    });
    expect(series.statusCode, series.body).toBe(200);
    expect((series.json() as StaffSurvey).slots).toHaveLength(2 + 3);

    const cancelled = await staff.delete(`daycare/staff/discussion-slots/${taken!.id}`);
    expect(cancelled.statusCode).toBe(200);
    expect((cancelled.json() as StaffSurvey).slots.map((sl) => sl.id)).not.toContain(taken!.id);
    expect(await activeBookings(s.id)).toEqual([]);
    expect((await notificationTitles(guardian))[0]).toBe(
      'Keskusteluaika peruttiin: VASU-keskustelut',
    );
  });

  it('reminds with one click the guardians who have not booked', async () => {
    const s = await survey([[day(5), '08:00', '08:45']]);
    const [other] = await groupGuardians(rt.app, rt.db, meritahdet);
    expect((await book(guardian, s.slots[0]!.id, eino)).statusCode).toBe(201);
    const reminded = await staff.post(`daycare/staff/discussions/${s.id}/remind`);
    expect(reminded.statusCode).toBe(200);
    expect(reminded.json().children).toBe(s.notBooked.length - 1);
    expect((await notificationTitles(other!.client))[0]).toBe('Muistutus: varaa keskusteluaika');
    expect((await notificationTitles(guardian))[0]).not.toBe('Muistutus: varaa keskusteluaika');
    const audited = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select('action')
        .where('target', '=', `discussion:${s.id}`)
        .execute(),
    );
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['daycare.discussion.create', 'daycare.discussion.remind']),
    );
  });

  it('refuses bad surveys and slots with translated problems, writing nothing', async () => {
    const aallokko = await staffPersonId(rt.db, 'aallokko@tyrskyla.example');
    const slot = { day: day(6), start: '09:00', end: '09:30', staffId: veera, place: '' };
    const base = { groupId: meritahdet, title: 'Huono', description: '', bookingDeadline: day(-2) };
    const cases: [Record<string, unknown>, number, string][] = [
      [
        { ...base, bookingDeadline: addDays(week, -30), slots: [slot] },
        422,
        'discussionDeadlinePast',
      ],
      [{ ...base, childIds: [aino], slots: [slot] }, 422, 'discussionChildren'],
      [{ ...base, slots: [{ ...slot, end: '08:30' }] }, 422, 'discussionSlotTimes'],
      [{ ...base, slots: [{ ...slot, day: addDays(week, -30) }] }, 422, 'discussionSlotPast'],
      [{ ...base, slots: [{ ...slot, staffId: aallokko }] }, 422, 'discussionStaff'],
      [{ ...base, title: '', slots: [slot] }, 400, 'validation'],
    ];
    for (const [body, status, code] of cases) {
      const response = await staff.post('daycare/staff/discussions', body);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().code).toBe(code);
      expect(response.json().title).not.toMatch(/^error\./);
    }
    const titles = (
      (await staff.get('daycare/staff/discussions')).json().items as {
        title: string;
      }[]
    ).map((i) => i.title);
    expect(titles).not.toContain('Huono');
  });
});
