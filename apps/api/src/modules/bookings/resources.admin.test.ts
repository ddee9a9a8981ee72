import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, startRuntime, type Client } from '../../../test/helpers.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let staff: Client;
beforeAll(async () => {
  rt = await startRuntime();
  staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
});
afterAll(async () => rt?.dispose());

const field = {
  kind: 'field',
  name: { fi: 'Tekonurmi', sv: 'Konstgräsplan', en: 'Artificial turf' },
  description: { fi: 'Valaistu kenttä', sv: 'Belyst plan', en: 'Floodlit pitch' },
  location: 'Urheilutie 5',
  capacity: 40,
  accessible: true,
  selfService: false,
  bookingMode: 'instant',
  slot: { minMinutes: 60, maxMinutes: 120, stepMinutes: 60, bookAheadDays: 60, bufferMinutes: 0 },
  openingHours: [
    { weekday: 1, opens: '16:00', closes: '22:00' },
    { weekday: 6, opens: '10:00', closes: '14:00' },
    { weekday: 6, opens: '15:00', closes: '18:00' },
  ],
};

describe('facility management', () => {
  it('adds a facility that residents then find, with its opening hours', async () => {
    const created = await staff.post('admin/resources', field);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const found = (await rt.app.inject('/api/tyrskyla/resources?q=Tekonurmi')).json();
    expect(found.items.map((r: { id: string }) => r.id)).toEqual([id]);
    const details = (await rt.app.inject(`/api/tyrskyla/resources/${id}`)).json();
    expect(details.openingHours).toEqual(field.openingHours);
    // Not visible in the other municipality.
    expect((await rt.app.inject(`/api/pyharanta/resources/${id}`)).statusCode).toBe(404);
  });

  it('changes a facility and replaces its hours; archiving hides it', async () => {
    const id = (
      await staff.post('admin/resources', { ...field, name: { ...field.name, fi: 'Kenttä 2' } })
    ).json().id;
    const changed = await staff.put(`admin/resources/${id}`, {
      ...field,
      capacity: 22,
      bookingMode: 'approval',
      openingHours: [{ weekday: 2, opens: '08:00', closes: '00:00' }],
    });
    expect(changed.json()).toMatchObject({ capacity: 22, bookingMode: 'approval' });
    const details = (await rt.app.inject(`/api/tyrskyla/resources/${id}`)).json();
    expect(details.openingHours).toEqual([{ weekday: 2, opens: '08:00', closes: '00:00' }]);
    expect((await staff.delete(`admin/resources/${id}`)).statusCode).toBe(204);
    expect((await rt.app.inject(`/api/tyrskyla/resources/${id}`)).statusCode).toBe(404);
    expect((await staff.put(`admin/resources/${id}`, field)).statusCode).toBe(404);
  });

  it('closes a facility for a day and sets special hours', async () => {
    const id = (await staff.post('admin/resources', field)).json().id;
    // Next Monday (local), closed: no open intervals that day.
    const monday = new Date();
    monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7 || 7));
    const day = monday.toISOString().slice(0, 10);
    expect(
      (await staff.put(`admin/resources/${id}/exceptions/${day}`, { reason: 'Kunnostus' }))
        .statusCode,
    ).toBe(204);
    let availability = (
      await rt.app.inject(`/api/tyrskyla/resources/${id}/availability?from=${day}&days=1`)
    ).json();
    expect(availability.open).toEqual([]);
    await staff.put(`admin/resources/${id}/exceptions/${day}`, {
      opens: '18:00',
      closes: '20:00',
      reason: 'Lyhennetty',
    });
    availability = (
      await rt.app.inject(`/api/tyrskyla/resources/${id}/availability?from=${day}&days=1`)
    ).json();
    expect(availability.open).toHaveLength(1);
    const hours = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Helsinki',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso));
    expect([hours(availability.open[0].start), hours(availability.open[0].end)]).toEqual([
      '18:00',
      '20:00',
    ]);
  });

  it('refuses rules and hours that make no sense, and people who are not facility staff', async () => {
    const bad = async (body: unknown) => (await staff.post('admin/resources', body)).json().code;
    expect(await bad({ ...field, slot: { ...field.slot, minMinutes: 180 } })).toBe('resourceRules');
    expect(await bad({ ...field, slot: { ...field.slot, minMinutes: 90 } })).toBe('resourceRules');
    expect(
      await bad({ ...field, openingHours: [{ weekday: 1, opens: '12:00', closes: '10:00' }] }),
    ).toBe('openingHours');
    expect(
      await bad({
        ...field,
        openingHours: [
          { weekday: 1, opens: '08:00', closes: '12:00' },
          { weekday: 1, opens: '11:00', closes: '13:00' },
        ],
      }),
    ).toBe('openingHours');
    expect(
      await bad({ ...field, openingHours: [{ weekday: 8, opens: '08:00', closes: '12:00' }] }),
    ).toBe('validation');
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.post('admin/resources', field)).statusCode).toBe(403);
  });
});
