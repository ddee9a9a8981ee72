import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { localDate } from '../../platform/i18n/time.js';
import { addDays } from './days.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let resident: Client;
let guardian: Client;
let majakkaStaff: Client;
let units: Record<string, string>;

interface PublicUnit {
  id: string;
  name: string;
  freePlaces: { id: string; ageGroup: string; places: number; fromDate: string; note: string }[];
}
interface Notice {
  title: string;
  body: string;
  link: string | null;
}

const today = localDate(new Date());
const soon = addDays(today, 7);

const publicUnits = async (client: Client) =>
  (await client.get('daycare/free-places')).json().units as PublicUnit[];
const notices = async (client: Client) =>
  (await client.get('notifications')).json().items as Notice[];
const freePlaceNotices = async (client: Client) =>
  (await notices(client)).filter((n) => n.link?.includes('/daycare/free-places/stop/'));
const tokenOf = (notice: Notice) => notice.link!.split('/').pop()!;
const subscriptions = async (client: Client) =>
  (await client.get('daycare/free-places/subscriptions')).json().items as {
    id: string;
    unit: { id: string; name: string };
    ageGroup: string;
  }[];
const record = (client: Client, body: Record<string, unknown>) =>
  client.post('daycare/free-places', { fromDate: soon, places: 2, note: '', ...body });

beforeAll(async () => {
  rt = await startRuntime();
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
  majakkaStaff = await loggedIn(rt.app, 'majakka@tyrskyla.example');
  units = Object.fromEntries((await publicUnits(new Client(rt.app))).map((u) => [u.name, u.id]));
});
afterAll(async () => rt?.dispose());

describe('free places, public list and subscriptions', () => {
  it('lists every unit and its current free places without a login', async () => {
    const list = await publicUnits(new Client(rt.app));
    expect(list.map((u) => u.name)).toEqual(['Päiväkoti Aallokko', 'Päiväkoti Majakka']);
    const aallokko = list.find((u) => u.name === 'Päiväkoti Aallokko')!;
    expect(aallokko.freePlaces).toMatchObject([{ ageGroup: 'age3to5', places: 2 }]);
    // Nothing of the subscribers or of who recorded the places is public.
    expect(JSON.stringify(list)).not.toMatch(/notified|subscriber|token|created/i);
  });

  it('lets any signed-in person subscribe once per unit and age group, and remove it', async () => {
    expect(
      (
        await new Client(rt.app).post('daycare/free-places/subscriptions', {
          unitId: units['Päiväkoti Majakka'],
          ageGroup: 'age3to5',
        })
      ).statusCode,
    ).toBe(401);
    const body = { unitId: units['Päiväkoti Majakka'], ageGroup: 'age3to5' };
    const first = await guardian.post('daycare/free-places/subscriptions', body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await guardian.post('daycare/free-places/subscriptions', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const mine = await subscriptions(guardian);
    expect(mine.map((s) => [s.unit.name, s.ageGroup])).toEqual([
      ['Päiväkoti Aallokko', 'preschool'],
      ['Päiväkoti Majakka', 'age3to5'],
    ]);
    // Another person's subscription does not exist for the resident.
    expect(
      (await resident.delete(`daycare/free-places/subscriptions/${first.json().id}`)).statusCode,
    ).toBe(404);
    expect(
      (await guardian.delete(`daycare/free-places/subscriptions/${first.json().id}`)).statusCode,
    ).toBe(204);
    expect(
      (await guardian.delete(`daycare/free-places/subscriptions/${first.json().id}`)).statusCode,
    ).toBe(404);
    expect((await subscriptions(guardian)).map((s) => s.ageGroup)).toEqual(['preschool']);
  });

  it('rejects bad subscriptions with a 4xx and writes nothing', async () => {
    const before = await subscriptions(resident);
    const bad = [
      { unitId: units['Päiväkoti Majakka'], ageGroup: 'toddlers' },
      { unitId: 'not-a-uuid', ageGroup: 'under3' },
      { unitId: units['Päiväkoti Majakka'] },
      { unitId: units['Päiväkoti Majakka'], ageGroup: 'under3', extra: 1 },
    ];
    for (const body of bad) {
      const response = await resident.post('daycare/free-places/subscriptions', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const pyhalintu = (await publicUnits(new Client(rt.app, 'pyharanta')))[0]!.id;
    const otherTown = await resident.post('daycare/free-places/subscriptions', {
      unitId: pyhalintu,
      ageGroup: 'under3',
    });
    expect(otherTown.statusCode).toBe(404);
    expect(await subscriptions(resident)).toEqual(before);
  });
});

describe('recording free places', () => {
  it('is for the staff of the unit or an administrator', async () => {
    const body = { unitId: units['Päiväkoti Aallokko'], ageGroup: 'under3' };
    expect((await record(new Client(rt.app), body)).statusCode).toBe(401);
    expect((await record(resident, body)).statusCode).toBe(403);
    // Majakka's staff do not manage Aallokko.
    expect((await record(majakkaStaff, body)).statusCode).toBe(403);
    const staffView = (await majakkaStaff.get('daycare/free-places/staff')).json();
    expect(staffView.units.map((u: { name: string }) => u.name)).toEqual(['Päiväkoti Majakka']);
    expect((await resident.get('daycare/free-places/staff')).statusCode).toBe(403);
    const admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
    expect(
      (await admin.get('daycare/free-places/staff'))
        .json()
        .units.map((u: { name: string }) => u.name),
    ).toEqual(['Päiväkoti Aallokko', 'Päiväkoti Majakka']);
  });

  it('rejects bad input with a 4xx and records nothing', async () => {
    const unitId = units['Päiväkoti Majakka'];
    const cases: [Record<string, unknown>, number][] = [
      [{ unitId, ageGroup: 'under3', places: 0 }, 400],
      [{ unitId, ageGroup: 'under3', places: 201 }, 400],
      [{ unitId, ageGroup: 'under3', places: 1.5 }, 400],
      [{ unitId, ageGroup: 'under3', note: 'x'.repeat(501) }, 400],
      [{ unitId, ageGroup: 'under3', fromDate: '2026-02-30' }, 400],
      [{ unitId, ageGroup: 'nobody' }, 400],
      [{ unitId, ageGroup: 'under3', fromDate: addDays(today, -1) }, 422],
      [{ unitId, ageGroup: 'under3', fromDate: addDays(today, 366) }, 422],
    ];
    for (const [body, status] of cases) {
      const response = await record(majakkaStaff, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().title).toBeTruthy();
    }
    const view = (await majakkaStaff.get('daycare/free-places/staff')).json();
    expect(view.units[0].freePlaces).toEqual([]);
  });

  it('tells exactly the subscribers of the unit and age group, by app and email', async () => {
    const pyharantaResident = await loggedIn(rt.app, 'asukas@pyharanta.example', 'pyharanta');
    const pyhalintu = (await publicUnits(pyharantaResident))[0]!.id;
    expect(
      (
        await pyharantaResident.post('daycare/free-places/subscriptions', {
          unitId: pyhalintu,
          ageGroup: 'under3',
        })
      ).statusCode,
    ).toBe(201);
    // The guardian follows Majakka's 3–5-year-olds: another age group than the one recorded.
    await guardian.post('daycare/free-places/subscriptions', {
      unitId: units['Päiväkoti Majakka'],
      ageGroup: 'age3to5',
    });
    const guardianBefore = (await freePlaceNotices(guardian)).length;

    const response = await record(majakkaStaff, {
      unitId: units['Päiväkoti Majakka'],
      ageGroup: 'under3',
      places: 3,
      note: '  Vuorohoito mahdollinen  ',
    });
    expect(response.statusCode, response.body).toBe(201);
    // The demo resident follows Majakka's under 3-year-olds; nobody else does.
    expect(response.json()).toMatchObject({
      notified: 1,
      freePlace: { places: 3, note: 'Vuorohoito mahdollinen' },
    });

    const [notice] = await freePlaceNotices(resident);
    expect(notice!.title).toBe('Vapaita paikkoja: Päiväkoti Majakka, alle 3-vuotiaat');
    expect(notice!.body).toContain('3 vapaata paikkaa');
    expect(notice!.body).toContain('Vuorohoito mahdollinen');
    expect(tokenOf(notice!)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await freePlaceNotices(guardian)).length).toBe(guardianBefore);
    expect(await freePlaceNotices(pyharantaResident)).toEqual([]);

    const emails = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('email_outbox')
        .select(['to_address', 'subject', 'text_body'])
        .where('subject', 'like', 'Vapaita paikkoja%')
        .execute(),
    );
    expect(emails.map((e) => e.to_address)).toEqual(['asukas@tyrskyla.example']);
    expect(emails[0]!.text_body).toContain(
      `/tyrskyla/daycare/free-places/stop/${tokenOf(notice!)}`,
    );

    const listed = (await publicUnits(resident)).find((u) => u.name === 'Päiväkoti Majakka')!;
    expect(listed.freePlaces).toMatchObject([{ ageGroup: 'under3', places: 3, fromDate: soon }]);
  });

  it('lets the staff end a record; other units and residents cannot', async () => {
    const id = (
      await record(majakkaStaff, { unitId: units['Päiväkoti Majakka'], ageGroup: 'preschool' })
    ).json().freePlace.id as string;
    const aallokkoStaff = await loggedIn(rt.app, 'aallokko@tyrskyla.example');
    expect((await aallokkoStaff.post(`daycare/free-places/${id}/end`)).statusCode).toBe(404);
    expect((await resident.post(`daycare/free-places/${id}/end`)).statusCode).toBe(403);
    expect((await majakkaStaff.post(`daycare/free-places/${id}/end`)).statusCode).toBe(204);
    expect((await majakkaStaff.post(`daycare/free-places/${id}/end`)).statusCode).toBe(204);
    const listed = (await publicUnits(resident)).find((u) => u.name === 'Päiväkoti Majakka')!;
    expect(listed.freePlaces.map((p) => p.id)).not.toContain(id);
  });
});

describe('one-click stop by the token of an alert', () => {
  it('stops the subscription without a login, and can take the stop back', async () => {
    const [notice] = await freePlaceNotices(resident);
    const token = tokenOf(notice!);
    const anonymous = new Client(rt.app);
    const before = await subscriptions(resident);

    // A token of the right shape that is nobody's, and a broken one: 4xx and no change.
    const wrong = await anonymous.post('daycare/free-places/unsubscribe', {
      token: token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'),
    });
    expect(wrong.statusCode).toBe(404);
    const broken = await anonymous.post('daycare/free-places/unsubscribe', { token: 'x' });
    expect(broken.statusCode).toBe(400);
    // The token is Tyrskylä's: in another municipality it is nobody's.
    const elsewhere = await new Client(rt.app, 'pyharanta').post(
      'daycare/free-places/unsubscribe',
      { token },
    );
    expect(elsewhere.statusCode).toBe(404);
    expect(await subscriptions(resident)).toEqual(before);

    // No CSRF token and no cookie: the link's token is all it takes.
    const stop = await rt.app.inject({
      method: 'POST',
      url: '/api/tyrskyla/daycare/free-places/unsubscribe',
      payload: { token },
    });
    expect(stop.statusCode, stop.body).toBe(200);
    expect(stop.json()).toMatchObject({
      unit: { name: 'Päiväkoti Majakka' },
      ageGroup: 'under3',
      subscribed: false,
    });
    const after = await subscriptions(resident);
    expect(after.map((s) => s.ageGroup)).toEqual(
      before.filter((s) => s.ageGroup !== 'under3').map((s) => s.ageGroup),
    );
    expect(
      (await anonymous.post('daycare/free-places/unsubscribe', { token })).json().subscribed,
    ).toBe(false);

    // The next free places of that age group are not told to the resident any more.
    const count = (await freePlaceNotices(resident)).length;
    expect(
      (
        await record(majakkaStaff, { unitId: units['Päiväkoti Majakka'], ageGroup: 'under3' })
      ).json().notified,
    ).toBe(0);
    expect((await freePlaceNotices(resident)).length).toBe(count);

    const undo = await anonymous.post('daycare/free-places/resubscribe', { token });
    expect(undo.json().subscribed).toBe(true);
    expect((await subscriptions(resident)).length).toBe(before.length);
  });

  it('keeps one subscription when the person subscribed anew before taking the stop back', async () => {
    const [notice] = await freePlaceNotices(resident);
    const token = tokenOf(notice!);
    const anonymous = new Client(rt.app);
    await anonymous.post('daycare/free-places/unsubscribe', { token });
    await resident.post('daycare/free-places/subscriptions', {
      unitId: units['Päiväkoti Majakka'],
      ageGroup: 'under3',
    });
    expect(
      (await anonymous.post('daycare/free-places/resubscribe', { token })).json().subscribed,
    ).toBe(true);
    expect((await subscriptions(resident)).filter((s) => s.ageGroup === 'under3')).toHaveLength(1);
  });
});
