import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, startRuntime, type Client } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { addDays } from './days.js';
import { clockAt, myDaycare, nextWeekday, realClock, type Absence } from './test-support.js';

/**
 * Staff record and remove absences from the group's day view: the group's staff (and the
 * unit's) only, today even after the guardians' cut-off, never a past day; audited, and the
 * guardians see that the daycare recorded it.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let guardian: Client;
let veera: Client; // staff of Eino's group (Meritähdet) only
let majakka: Client; // staff of the whole Majakka unit
let aallokko: Client; // staff of another unit
let eino: string;
let meritahdet: string;
let simpukat: string;
let simpukatChild: string;

const day = nextWeekday(nextWeekday(nextWeekday()));

const auditOf = (action: string, target: string) =>
  asSystem(rt.db, (tx) =>
    tx
      .selectFrom('audit_events')
      .innerJoin('people', 'people.id', 'audit_events.actor_person_id')
      .select(['people.email', 'audit_events.details'])
      .where('action', '=', action)
      .where('target', '=', target)
      .execute(),
  );

const record = (client: Client, groupId: string, body: Record<string, unknown>) =>
  client.post(`daycare/groups/${groupId}/absences`, {
    startDate: day,
    endDate: day,
    category: 'sick',
    note: '',
    ...body,
  });

beforeAll(async () => {
  rt = await startRuntime();
  guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
  veera = await loggedIn(rt.app, 'varhaiskasvatus@tyrskyla.example');
  majakka = await loggedIn(rt.app, 'majakka@tyrskyla.example');
  aallokko = await loggedIn(rt.app, 'aallokko@tyrskyla.example');
  eino = (await myDaycare(guardian)).child('Eino').id;
  const groups = await asSystem(rt.db, (tx) =>
    tx.selectFrom('daycare_groups').select(['id', 'name']).execute(),
  );
  const group = (name: string) => groups.find((g) => g.name.startsWith(name))!.id;
  meritahdet = group('Meritähdet');
  simpukat = group('Simpukat');
  simpukatChild = (
    await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('daycare_placements')
        .select('child_id')
        .where('group_id', '=', simpukat)
        // A child placed there today and through the test's week (the demo also has
        // placements that have ended or start later).
        .where('start_date', '<=', sql<string>`current_date`)
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', addDays(day, 7))]))
        .orderBy('child_id')
        .executeTakeFirstOrThrow(),
    )
  ).child_id;
});
afterAll(async () => rt?.dispose());
afterEach(() => realClock());

describe('absences recorded by staff', () => {
  it("records today's absence after the guardians' cut-off; the guardian sees the daycare recorded it", async () => {
    await clockAt(rt.db, day, '10:30');
    // The guardian's cut-off has passed…
    const late = await guardian.post('daycare/absences', {
      childIds: [eino],
      startDate: day,
      endDate: day,
      category: 'sick',
      note: '',
    });
    expect(late.json().code).toBe('absenceCutoff');
    // …but the staff of the group record it: the child went home with a fever.
    const recorded = await record(veera, meritahdet, {
      childId: eino,
      note: 'Kuumetta, haettiin 10.15',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json().days).toBe(1);

    const view = await veera.get(`daycare/groups/${meritahdet}/day`);
    const einoToday = view.json().children.find((c: { id: string }) => c.id === eino);
    expect(einoToday.absence).toMatchObject({
      category: 'sick',
      note: 'Kuumetta, haettiin 10.15',
      byStaff: true,
      reportedBy: 'Veera Varhaiskasvattaja',
    });
    const mine = (await guardian.get('daycare/absences')).json().items as (Absence & {
      byStaff: boolean;
    })[];
    expect(mine.find((a) => a.childId === eino && a.date === day)).toMatchObject({
      byStaff: true,
      canCancel: false,
    });
    const audits = await auditOf('daycare.absence.report', `child:${eino}`);
    expect(
      audits.map((a) => [a.email, (a.details as { byStaff?: boolean }).byStaff]),
    ).toContainEqual(['varhaiskasvatus@tyrskyla.example', true]);

    // Removed the same day (the guardian came back after all), at any time of day.
    const removed = await veera.post(
      `daycare/groups/${meritahdet}/absences/${einoToday.absence.id}/cancel`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().cancelled).toBe(1);
    expect(
      (await guardian.get('daycare/absences'))
        .json()
        .items.some((a: Absence) => a.childId === eino && a.date === day),
    ).toBe(false);
    expect(await auditOf('daycare.absence.cancel', `child:${eino}`)).toHaveLength(1);
  });

  it('lets only the staff of the group or its unit record and remove', async () => {
    await clockAt(rt.db, day, '08:00');
    // Veera works in Meritähdet only: Simpukat's children are not hers, by either group id.
    expect((await record(veera, simpukat, { childId: simpukatChild })).statusCode).toBe(404);
    expect((await record(veera, meritahdet, { childId: simpukatChild })).statusCode).toBe(404);
    // Another unit's staff, and a guardian (no staff role).
    expect((await record(aallokko, meritahdet, { childId: eino })).statusCode).toBe(404);
    expect((await record(guardian, meritahdet, { childId: eino })).statusCode).toBe(403);
    // The unit's staff may, for any of its groups; a range writes the open days.
    const range = await record(majakka, simpukat, {
      childId: simpukatChild,
      endDate: addDays(day, 6),
      category: 'holiday',
    });
    expect(range.statusCode, range.body).toBe(201);
    expect(range.json().days).toBe(5);
    const upcoming = (await majakka.get(`daycare/groups/${simpukat}/day?date=${day}`)).json();
    const child = upcoming.children.find((c: { id: string }) => c.id === simpukatChild);
    expect(child.absence.byStaff).toBe(true);
    expect(child.upcoming.length).toBe(4);

    // Removing: the same rule.
    const id = child.absence.id as string;
    expect((await veera.post(`daycare/groups/${simpukat}/absences/${id}/cancel`)).statusCode).toBe(
      404,
    );
    expect(
      (await veera.post(`daycare/groups/${meritahdet}/absences/${id}/cancel`)).statusCode,
    ).toBe(404);
    expect(
      (await aallokko.post(`daycare/groups/${simpukat}/absences/${id}/cancel`)).statusCode,
    ).toBe(404);
    expect((await majakka.post(`daycare/groups/${simpukat}/absences/${id}/cancel`)).json()).toEqual(
      { cancelled: 1 },
    );
  });

  it('refuses past days and bad ranges with translated errors', async () => {
    await clockAt(rt.db, day, '08:00');
    const past = await record(veera, meritahdet, {
      childId: eino,
      startDate: addDays(day, -1),
    });
    expect(past.statusCode).toBe(422);
    expect(past.json()).toMatchObject({
      code: 'absenceStaffPast',
      title: 'Mennyttä poissaoloa ei voi muuttaa',
    });
    const backwards = await record(veera, meritahdet, {
      childId: eino,
      startDate: addDays(day, 2),
      endDate: day,
    });
    expect(backwards.json().code).toBe('absenceRange');
    const weekend = nextWeekday(day, 5);
    const none = await record(veera, meritahdet, {
      childId: eino,
      startDate: addDays(weekend, 1),
      endDate: addDays(weekend, 2),
    });
    expect(none.json().code).toBe('absenceNoDays');
  });

  it("lists the children of the staff member's groups for writing to one child", async () => {
    const veeras = (await veera.get('daycare/staff/children')).json().items as {
      id: string;
      groupName: string;
    }[];
    expect(veeras.map((c) => c.id)).toContain(eino);
    expect(veeras.map((c) => c.id)).not.toContain(simpukatChild);
    expect(new Set(veeras.map((c) => c.groupName))).toEqual(new Set(['Meritähdet (esiopetus)']));
    const units = (await majakka.get('daycare/staff/children')).json().items as { id: string }[];
    expect(units.map((c) => c.id)).toEqual(expect.arrayContaining([eino, simpukatChild]));
    const other = (await aallokko.get('daycare/staff/children')).json().items as { id: string }[];
    expect(other.map((c) => c.id)).not.toContain(eino);
    expect((await guardian.get('daycare/staff/children')).statusCode).toBe(403);
  });
});
