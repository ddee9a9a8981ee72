import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, startRuntime, type Client } from '../../../test/helpers.js';
import { addDays } from './days.js';
import { clockAt, myDaycare, nextWeekday, realClock, report } from './test-support.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let admin: Client;

beforeAll(async () => {
  rt = await startRuntime();
  admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
});
afterAll(async () => rt?.dispose());

interface AdminUnit {
  id: string;
  name: string;
  staff: number;
  operationDays: number[];
  groups: { id: string; name: string; capacity: number; children: number }[];
}
const units = async () => (await admin.get('admin/daycare/units')).json().items as AdminUnit[];

describe('daycare administration', () => {
  it('lists the demo units with their groups, children placed today and staff', async () => {
    const list = await units();
    expect(list.map((u) => u.name)).toEqual(['Päiväkoti Aallokko', 'Päiväkoti Majakka']);
    const majakka = list.find((u) => u.name === 'Päiväkoti Majakka')!;
    expect(majakka.staff).toBe(2);
    // Forty children in the four groups, Onni starting in two weeks.
    const placed = list.flatMap((u) => u.groups).reduce((n, g) => n + g.children, 0);
    expect(placed).toBe(39);
    expect(majakka.groups.find((g) => g.name.startsWith('Simpukat'))!.children).toBe(9);
  });

  it('creates a unit and a group, places a child and refuses an overlapping placement', async () => {
    const unit = await admin.post('admin/daycare/units', {
      name: 'Päiväkoti Kallio',
      address: 'Kalliotie 1',
      phone: '',
      email: '',
      operationDays: [1, 2, 3, 4, 5, 6],
    });
    expect(unit.statusCode, unit.body).toBe(201);
    const unitId = unit.json().id as string;
    const twin = await admin.post('admin/daycare/units', {
      name: 'Päiväkoti Kallio',
      address: '',
      phone: '',
      email: '',
      operationDays: [1],
    });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().code).toBe('daycareNameTaken');
    const group = await admin.post(`admin/daycare/units/${unitId}/groups`, {
      name: 'Kivet',
      capacity: 10,
    });
    expect(group.statusCode).toBe(201);
    const groupId = group.json().id as string;

    const guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const aino = (await myDaycare(guardian)).child('Aino').id;
    const start = addDays(nextWeekday(), 60);
    // Aino is in Aallokko until further notice: a second place at the same time is refused.
    const overlap = await admin.post('admin/daycare/placements', {
      childId: aino,
      groupId,
      startDate: start,
      endDate: null,
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().code).toBe('placementOverlap');
    // End the Aallokko placement the day before, then the move is fine.
    const aallokko = (await units()).find((u) => u.name === 'Päiväkoti Aallokko')!;
    const current = (
      (await admin.get(`admin/daycare/units/${aallokko.id}/placements`)).json().items as {
        id: string;
        child: { id: string };
        group: { id: string };
        startDate: string;
      }[]
    ).find((p) => p.child.id === aino)!;
    const ended = await admin.put(`admin/daycare/placements/${current.id}`, {
      childId: aino,
      groupId: current.group.id,
      startDate: current.startDate,
      endDate: addDays(start, -1),
    });
    expect(ended.statusCode, ended.body).toBe(204);
    const moved = await admin.post('admin/daycare/placements', {
      childId: aino,
      groupId,
      startDate: start,
      endDate: null,
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const placements = (await myDaycare(guardian)).child('Aino').placements;
    expect(placements.map((p) => p.unit.name)).toEqual(['Päiväkoti Aallokko', 'Päiväkoti Kallio']);

    // Kallio is open on Saturdays: an absence on a Saturday is recorded there, not before.
    const saturday = addDays(nextWeekday(start, 5), 1);
    const absent = await report(guardian, {
      childIds: [aino],
      startDate: saturday,
      endDate: saturday,
    });
    expect(absent.statusCode, absent.body).toBe(201);
    const early = addDays(nextWeekday(undefined, 5), 1);
    const closed = await report(guardian, { childIds: [aino], startDate: early, endDate: early });
    expect(closed.json().code).toBe('absenceNoDays');

    expect(
      (
        await admin.post('admin/daycare/placements', {
          childId: aino,
          groupId,
          startDate: start,
          endDate: addDays(start, -3),
        })
      ).json().code,
    ).toBe('placementRange');
    expect((await admin.delete(`admin/daycare/placements/${moved.json().id}`)).statusCode).toBe(
      204,
    );
    expect((await myDaycare(guardian)).child('Aino').placements).toHaveLength(1);
  });

  it('adds a child with its guardians, and staff to a unit, by email', async () => {
    const child = await admin.post('admin/daycare/children', {
      firstName: 'Uusi',
      lastName: 'Lapsi',
      birthDate: '2023-03-03',
      guardianEmails: ['asukas@tyrskyla.example', 'ASUKAS@tyrskyla.example'],
    });
    expect(child.statusCode, child.body).toBe(201);
    expect(child.json()).toMatchObject({ guardians: ['Antti Asukas'], placedIn: null });
    const unknown = await admin.post('admin/daycare/children', {
      firstName: 'Ei',
      lastName: 'Ketään',
      birthDate: '2023-03-03',
      guardianEmails: ['ei.ole@example.com'],
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toContain('ei.ole@example.com');
    const found = (await admin.get('admin/daycare/children?q=uusi lap')).json().items;
    expect(found).toMatchObject([{ firstName: 'Uusi', guardians: ['Antti Asukas'] }]);
    // The resident became a guardian and sees the child.
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.refresh()).json().roles).toContain('guardian');
    expect((await myDaycare(resident)).data.children.map((c) => c.firstName)).toEqual(['Uusi']);

    const majakka = (await units()).find((u) => u.name === 'Päiväkoti Majakka')!;
    const added = await admin.post(`admin/daycare/units/${majakka.id}/staff`, {
      email: 'asukas@tyrskyla.example',
      groupId: majakka.groups[0]!.id,
    });
    expect(added.statusCode, added.body).toBe(201);
    const again = await admin.post(`admin/daycare/units/${majakka.id}/staff`, {
      email: 'asukas@tyrskyla.example',
      groupId: majakka.groups[0]!.id,
    });
    expect(again.json().code).toBe('staffMemberExists');
    const staff = (await admin.get(`admin/daycare/units/${majakka.id}/staff`)).json().items as {
      person: { name: string };
      group: { name: string } | null;
    }[];
    expect(staff.map((s) => [s.person.name, s.group?.name ?? null])).toEqual([
      ['Antti Asukas', majakka.groups[0]!.name],
      ['Maarit Merinen', null],
      ['Veera Varhaiskasvattaja', 'Meritähdet (esiopetus)'],
    ]);
    const units2 = (await resident.get('daycare/units')).json().items as { name: string }[];
    expect(units2.map((u) => u.name)).toEqual(['Päiväkoti Majakka']);
  });

  it("shows the group's day: present, absent with the reason, upcoming", async () => {
    const guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const staff = await loggedIn(rt.app, 'majakka@tyrskyla.example');
    const eino = (await myDaycare(guardian)).child('Eino').id;
    const day = nextWeekday(nextWeekday());
    const later = nextWeekday(day);
    await clockAt(rt.db, day, '07:00');
    await report(guardian, {
      childIds: [eino],
      startDate: day,
      endDate: day,
      category: 'other',
      note: 'Hammaslääkäri',
    });
    await report(guardian, {
      childIds: [eino],
      startDate: later,
      endDate: later,
      category: 'holiday',
    });
    realClock();
    const group = (await units()).flatMap((u) => u.groups).find((g) => g.name.startsWith('Meri'))!;
    const view = (await staff.get(`daycare/groups/${group.id}/day?date=${day}`)).json();
    expect(view).toMatchObject({ date: day, operationDay: true, group: { name: group.name } });
    const einoRow = view.children.find((c: { id: string }) => c.id === eino);
    expect(einoRow).toMatchObject({
      absence: { category: 'other', note: 'Hammaslääkäri', reportedBy: 'Hanna Huoltaja' },
      upcoming: [{ date: later, category: 'holiday' }],
    });
    expect(view.children).toHaveLength(10);
    const saturday = addDays(nextWeekday(undefined, 5), 1);
    const weekend = (await staff.get(`daycare/groups/${group.id}/day?date=${saturday}`)).json();
    expect(weekend.operationDay).toBe(false);
  });

  it('keeps the settings to Tyrskylä and checks the time', async () => {
    expect((await admin.get('admin/daycare/settings')).json()).toEqual({ absenceCutoff: '09:00' });
    expect((await admin.put('admin/daycare/settings', { absenceCutoff: '25:00' })).statusCode).toBe(
      400,
    );
    const pyharanta = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    expect((await pyharanta.get('admin/daycare/settings')).json()).toEqual({
      absenceCutoff: '08:30',
    });
    const units = (await pyharanta.get('admin/daycare/units')).json().items as { name: string }[];
    expect(units.map((u) => u.name)).toEqual(['Päiväkoti Pyhälintu']);
  });
});
