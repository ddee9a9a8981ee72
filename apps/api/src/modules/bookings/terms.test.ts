import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loggedIn, startRuntime, type Client } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let room: string;
let staff: Client;
/** Weekday mornings ahead when the meeting room is open (8–20), one per booking. */
let slots: { start: string; end: string }[];

beforeAll(async () => {
  rt = await startRuntime();
  staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  ({ room, slots } = await asSystem(rt.db, async (tx) => {
    const resource = await tx
      .selectFrom('resources')
      .select('id')
      .where('name_fi', '=', 'Kokoushuone Tyrsky')
      .executeTakeFirstOrThrow();
    const times = await sql<{ start: Date; end: Date }>`
      select (d + time '10:00') at time zone 'Europe/Helsinki' as start,
             (d + time '11:00') at time zone 'Europe/Helsinki' as end
      from (select current_date + g as d from generate_series(3, 40) g) days
      where extract(isodow from d) between 1 and 5
        and not exists (select 1 from opening_exceptions e where e.day = d)
      order by d limit 5`.execute(tx);
    return {
      room: resource.id,
      slots: times.rows.map((t) => ({ start: t.start.toISOString(), end: t.end.toISOString() })),
    };
  }));
});
afterAll(async () => rt?.dispose());

const TERMS = {
  fi: 'Jätä huone siistiksi.',
  sv: 'Lämna rummet städat.',
  en: 'Leave the room tidy.',
};

describe('terms of use of a facility', () => {
  it('are set by staff in every language, as versions', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.put(`admin/resources/${room}/terms`, { text: TERMS })).statusCode).toBe(
      403,
    );
    const partial = await staff.put(`admin/resources/${room}/terms`, {
      text: { ...TERMS, sv: ' ' },
    });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().code).toBe('termsLanguages');

    const saved = await staff.put(`admin/resources/${room}/terms`, { text: TERMS });
    expect(saved.json()).toEqual({ version: 1, text: TERMS });
    // The same text again is no new version.
    expect((await staff.put(`admin/resources/${room}/terms`, { text: TERMS })).json()).toEqual({
      version: 1,
      text: TERMS,
    });
    expect((await resident.get(`resources/${room}`)).json().terms).toEqual({
      version: 1,
      text: TERMS,
    });
  });

  it('must be accepted before booking: a translated 422 without them, the version stored with them', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const refused = await resident.post('reservations', { resourceId: room, ...slots[0] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'termsNotAccepted',
      title: 'Hyväksy käyttöehdot',
    });
    const swedish = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    expect((await swedish.put('session/language', { language: 'sv' })).statusCode).toBe(204);
    const svRefused = await swedish.post('reservations', { resourceId: room, ...slots[0] });
    expect(svRefused.json().title).toBe('Godkänn användarvillkoren');

    // Staff change the terms while the resident reads the old ones: the old version is refused.
    const changed = { ...TERMS, fi: 'Jätä huone siistiksi ja sammuta valot.' };
    expect(
      (await staff.put(`admin/resources/${room}/terms`, { text: changed })).json().version,
    ).toBe(2);
    const stale = await resident.post('reservations', {
      resourceId: room,
      ...slots[0],
      termsVersion: 1,
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.json().code).toBe('termsNotAccepted');

    const booked = await resident.post('reservations', {
      resourceId: room,
      ...slots[0],
      termsVersion: 2,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({ status: 'confirmed', termsVersion: 2 });
    const stored = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('reservations')
        .innerJoin('resource_terms', (join) =>
          join
            .onRef('resource_terms.resource_id', '=', 'reservations.resource_id')
            .onRef('resource_terms.version', '=', 'reservations.terms_version'),
        )
        .select('resource_terms.text_fi')
        .where('reservations.id', '=', booked.json().id)
        .executeTakeFirstOrThrow(),
    );
    expect(stored.text_fi).toBe(changed.fi);
  });

  it('once removed, are not asked for', async () => {
    const empty = { fi: '', sv: '', en: '' };
    const removed = await staff.put(`admin/resources/${room}/terms`, { text: empty });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toBeNull();
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.get(`resources/${room}`)).json().terms).toBeNull();
    const booked = await resident.post('reservations', { resourceId: room, ...slots[1] });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json().termsVersion).toBeNull();
  });
});
