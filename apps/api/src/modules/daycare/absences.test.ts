import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { addDays } from './days.js';
import {
  clockAt,
  myDaycare,
  nextWeekday,
  notificationTitles,
  realClock,
  report,
  type Absence,
} from './test-support.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let guardian: Client;
let eino: string;
let aino: string;

// Each test has days of its own: weekdays ahead (the clock is set to them) and a far week.
const d1 = nextWeekday();
const d2 = nextWeekday(d1);
const d3 = nextWeekday(d2);
const d4 = nextWeekday(nextWeekday(d3));
const farMonday = nextWeekday(addDays(d4, 14), 1);

beforeAll(async () => {
  rt = await startRuntime();
  guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
  const { child } = await myDaycare(guardian);
  eino = child('Eino').id;
  aino = child('Aino').id;
});
afterAll(async () => rt?.dispose());
afterEach(() => realClock());

const activeRows = (childId: string, day: string) =>
  asSystem(rt.db, async (tx) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from daycare_absences
          where child_id = ${childId} and absence_date = ${day} and cancelled_at is null`.execute(
          tx,
        )
      ).rows[0]!.n,
    ),
  );

describe('daycare absences', () => {
  it("shows the guardian each child's unit and group and the cut-off", async () => {
    const { data, child } = await myDaycare(guardian);
    expect(data.absenceCutoff).toBe('09:00');
    expect(child('Eino').placements.map((p) => [p.unit.name, p.group.name])).toEqual([
      ['Päiväkoti Majakka', 'Meritähdet (esiopetus)'],
    ]);
    expect(child('Aino').placements.map((p) => [p.unit.name, p.group.name])).toEqual([
      ['Päiväkoti Aallokko', 'Kotilot (iltapäiväkerho)'],
    ]);
  });

  it('writes a row per open day for several children and cancels the future ones', async () => {
    const monday = farMonday;
    const sunday = addDays(monday, 6);
    const response = await report(guardian, {
      childIds: [eino, aino],
      startDate: monday,
      endDate: sunday,
      category: 'holiday',
      note: 'Lapissa',
    });
    expect(response.statusCode, response.body).toBe(201);
    const items = response.json().items as Absence[];
    // Monday to Friday for each child: the units are closed at weekends.
    expect(items).toHaveLength(10);
    expect(new Set(items.map((a) => a.reportId)).size).toBe(1);
    expect(items.every((a) => a.category === 'holiday' && a.note === 'Lapissa')).toBe(true);
    expect(items.map((a) => a.date).filter((d) => d > addDays(monday, 4))).toEqual([]);

    const mine = (await guardian.get('daycare/absences')).json().items as Absence[];
    expect(mine.filter((a) => a.date >= monday && a.date <= sunday)).toHaveLength(10);
    expect(mine.every((a) => a.canCancel)).toBe(true);

    // The same day reported again takes the new reason instead of a second row.
    const again = await report(guardian, { childIds: [eino], startDate: monday, endDate: monday });
    expect(again.json().items).toMatchObject([{ date: monday, category: 'sick' }]);
    expect(await activeRows(eino, monday)).toBe(1);

    const einosWeek = items.filter((a) => a.childId === eino && a.date > monday);
    const cancel = await guardian.post('daycare/absences/cancel', {
      absenceIds: einosWeek.map((a) => a.id),
    });
    expect(cancel.json()).toEqual({ cancelled: 4 });
    const left = (await guardian.get('daycare/absences')).json().items as Absence[];
    expect(left.filter((a) => a.childId === eino && a.date >= monday).map((a) => a.date)).toEqual([
      monday,
    ]);
    // Cancelling again changes nothing and is no error.
    expect(
      (await guardian.post('daycare/absences/cancel', { absenceIds: [einosWeek[0]!.id] })).json(),
    ).toEqual({ cancelled: 0 });
  });

  it("takes today's absence until the cut-off and refuses it from 9.00 with a clear message", async () => {
    const day = d1;
    const sv = new Client(rt.app, 'tyrskyla', 'sv');
    await sv.login('huoltaja@tyrskyla.example');
    await clockAt(rt.db, day, '08:59');
    const early = await report(guardian, { childIds: [eino], startDate: day, endDate: day });
    expect(early.statusCode, early.body).toBe(201);
    expect(early.json().items[0]).toMatchObject({ date: day, canCancel: true });

    await clockAt(rt.db, day, '09:00');
    const late = await report(guardian, { childIds: [aino], startDate: day, endDate: day });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({
      code: 'absenceCutoff',
      title: 'Tämän päivän ilmoitusaika on päättynyt',
    });
    expect(late.json().detail).toContain('klo 9.00 asti');
    // A range that starts today is refused as a whole; nothing is written.
    const range = await report(guardian, {
      childIds: [aino],
      startDate: day,
      endDate: addDays(day, 3),
    });
    expect(range.statusCode).toBe(422);
    expect(await activeRows(aino, day)).toBe(0);
    expect(await activeRows(aino, nextWeekday(day))).toBe(0);
    // The person's language decides the message's language.
    await sv.put('session/language', { language: 'sv' });
    const swedish = await report(sv, { childIds: [aino], startDate: day, endDate: day });
    expect(swedish.json().detail).toContain('kl. 9.00');
    await sv.put('session/language', { language: 'fi' });

    // Today's absence is locked now; tomorrow's can still be reported and cancelled.
    const locked = await guardian.post('daycare/absences/cancel', {
      absenceIds: [early.json().items[0].id],
    });
    expect(locked.statusCode).toBe(422);
    expect(locked.json().code).toBe('absenceLocked');
    expect(await activeRows(eino, day)).toBe(1);
    const mine = (await guardian.get('daycare/absences')).json().items as Absence[];
    expect(mine.find((a) => a.date === day && a.childId === eino)?.canCancel).toBe(false);
    const tomorrow = d2;
    const later = await report(guardian, {
      childIds: [aino],
      startDate: tomorrow,
      endDate: tomorrow,
    });
    expect(later.statusCode).toBe(201);
    const past = await report(guardian, {
      childIds: [aino],
      startDate: addDays(day, -1),
      endDate: tomorrow,
    });
    expect(past.json().code).toBe('absencePast');
  });

  it('tells the staff of the child’s group at once, in their language', async () => {
    const veera = await loggedIn(rt.app, 'varhaiskasvatus@tyrskyla.example');
    const majakka = await loggedIn(rt.app, 'majakka@tyrskyla.example');
    const aallokko = await loggedIn(rt.app, 'aallokko@tyrskyla.example');
    const day = d3;
    const before = (await notificationTitles(veera)).length;
    await clockAt(rt.db, day, '07:45');
    const response = await report(guardian, {
      childIds: [eino, aino],
      startDate: day,
      endDate: addDays(day, 1),
      category: 'sick',
      note: 'Vatsatauti',
    });
    expect(response.statusCode, response.body).toBe(201);
    // Eino's group has a member of its own (Veera); the unit's director is not disturbed.
    expect(await notificationTitles(veera)).toContain('Poissa tänään: Eino Virtanen');
    expect(await notificationTitles(majakka)).not.toContain('Poissa tänään: Eino Virtanen');
    // Aino's group has nobody of its own: the unit's staff hear of it, in Swedish.
    const told = (await aallokko.get('notifications')).json().items as {
      title: string;
      body: string;
      link: string;
    }[];
    expect(told[0]).toMatchObject({
      title: 'Frånvarande i dag: Aino Virtanen',
      body: 'Aino Virtanen (Kotilot (iltapäiväkerho)) är frånvarande i dag, orsak: sjukdom. Vårdnadshavarens tilläggsinformation: Vatsatauti',
    });
    expect(told[0]!.link).toMatch(new RegExp(`^/tyrskyla/daycare/staff\\?group=.+&date=${day}$`));

    // Cancelled before the cut-off: the group hears the child is coming after all.
    const einosToday = (response.json().items as Absence[]).find(
      (a) => a.childId === eino && a.date === day,
    )!;
    await clockAt(rt.db, day, '08:30');
    const cancel = await guardian.post('daycare/absences/cancel', { absenceIds: [einosToday.id] });
    expect(cancel.json()).toEqual({ cancelled: 1 });
    expect((await notificationTitles(veera))[0]).toBe('Tuleekin tänään: Eino Virtanen');
    // Tomorrow's absences tell nobody: they are on the day view.
    expect(await notificationTitles(veera)).toHaveLength(before + 2);
  });

  it("follows the municipality's own cut-off time", async () => {
    const admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
    expect((await admin.put('admin/daycare/settings', { absenceCutoff: '10:15' })).json()).toEqual({
      absenceCutoff: '10:15',
    });
    const day = d4;
    await clockAt(rt.db, day, '10:14');
    const { data } = await myDaycare(guardian);
    expect(data).toMatchObject({ today: day, absenceCutoff: '10:15', firstOpenDay: day });
    expect(
      (await report(guardian, { childIds: [aino], startDate: day, endDate: day })).statusCode,
    ).toBe(201);
    await clockAt(rt.db, day, '10:15');
    expect((await myDaycare(guardian)).data.firstOpenDay).toBe(addDays(day, 1));
    const late = await report(guardian, { childIds: [eino], startDate: day, endDate: day });
    expect(late.json().detail).toContain('klo 10.15 asti');
    await admin.put('admin/daycare/settings', { absenceCutoff: '09:00' });
  });

  it('refuses days without a placement or an open unit, and muddled ranges', async () => {
    const saturday = addDays(nextWeekday(farMonday, 5), 1);
    const weekend = await report(guardian, {
      childIds: [eino],
      startDate: saturday,
      endDate: addDays(saturday, 1),
    });
    expect(weekend.statusCode).toBe(422);
    expect(weekend.json()).toMatchObject({ code: 'absenceNoDays' });
    expect(weekend.json().detail).toContain('Eino');
    const backwards = await report(guardian, {
      childIds: [eino],
      startDate: addDays(saturday, 3),
      endDate: addDays(saturday, 2),
    });
    expect(backwards.json().code).toBe('absenceRange');
    const tooFar = await report(guardian, {
      childIds: [eino],
      startDate: addDays(saturday, 2),
      endDate: addDays(saturday, 400),
    });
    expect(tooFar.json().code).toBe('absenceTooFar');
    const unknownCategory = await report(guardian, {
      childIds: [eino],
      startDate: addDays(saturday, 2),
      endDate: addDays(saturday, 2),
      category: 'vacation',
    });
    expect(unknownCategory.statusCode).toBe(400);
  });
});
