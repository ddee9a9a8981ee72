import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';

/**
 * The case bank's tenancy: a draft stays in its own municipality (not in the public lists,
 * feeds, by id, nor for Pyhäranta); a published case is readable everywhere and without
 * login; only the own digital team edits; one support per person; search and filters.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let anonymous: Client;
let team: Client;
let resident: Client;
let pyharanta: Client;
let pyharantaResident: Client;

export const completeCase = {
  title: 'Etäkokoukset kylätaloilla',
  problem: 'Kyläyhdistysten on vaikea osallistua lautakuntien kokouksiin.',
  tried: 'Kylätaloille hankittiin kokouskamerat ja kaiuttimet.',
  durationDays: 21,
  costCents: 250000,
  metrics: [{ name: 'Osallistujat', unit: 'hlöä', baseline: 3, target: 10, result: 14 }],
  outcome: 'adopted',
  lessons: 'Tekninen tuki ensimmäisiin kokouksiin oli tarpeen.',
  contactName: 'Diana Digiryhmä',
  contactEmail: 'digiryhma@tyrskyla.example',
  themes: ['Osallisuus', 'kylät'],
};

const publicTitles = async (query = '') =>
  ((await anonymous.get(`/api/cases${query}`)).json().items as { title: string }[]).map(
    (c) => c.title,
  );

beforeAll(async () => {
  rt = await startRuntime();
  anonymous = new Client(rt.app);
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  pyharanta = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
  pyharantaResident = await loggedIn(rt.app, 'asukas@pyharanta.example', 'pyharanta');
});
afterAll(() => rt.dispose());

describe('case bank tenancy', () => {
  it("shows Tyrskylä's three published demo cases to everyone, and its draft to nobody else", async () => {
    const titles = await publicTitles();
    expect(titles).toHaveLength(3);
    expect(titles).toContain('Rantasaunan omatoimivaraus PIN-koodilla');
    const draft = (await team.get('cases'))
      .json()
      .items.find((c: { status: string }) => c.status === 'draft');
    expect(draft.title).toBe('Koulukuljetusten reaaliaikainen seuranta');
    expect((await anonymous.get(`/api/cases/${draft.id}`)).statusCode).toBe(404);
    expect((await pyharanta.get(`cases/${draft.id}`)).statusCode).toBe(404);
    // Signed in as Tyrskylä's resident: the draft is the team's only.
    expect((await resident.get(`cases/${draft.id}`)).statusCode).toBe(404);
    expect((await team.get(`cases/${draft.id}`)).statusCode).toBe(200);
    expect((await pyharanta.get('cases')).json().items).toEqual([]);
    for (const feed of ['/api/cases.json', '/api/cases.csv', '/api/cases.atom']) {
      const body = (await anonymous.get(feed)).body;
      expect(body).toContain('Rantasaunan');
      expect(body, feed).not.toContain(draft.id);
      expect(body, feed).not.toContain('Koulukuljetusten');
    }
  });

  it('keeps a draft from leaking even to a query run as no municipality', async () => {
    const rows = await asSystem(rt.db, async (tx) => {
      // The application role with no municipality, as the public endpoints run.
      await sql`select set_config('role', 'helppo_app', true)`.execute(tx);
      return tx.selectFrom('portfolio_cases').select('status').execute();
    });
    expect(rows.map((r) => r.status).sort()).toEqual(['published', 'published', 'published']);
  });

  it('lets the team write, publish and unpublish; publishing needs a complete card', async () => {
    expect((await resident.post('cases', completeCase)).statusCode).toBe(403);
    expect((await anonymous.post('/api/tyrskyla/cases', completeCase)).statusCode).toBe(401);
    const created = await team.post('cases', { ...completeCase, lessons: '', outcome: null });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json().themes).toEqual(['osallisuus', 'kylät']);
    const incomplete = await team.post(`cases/${id}/publish`);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.headers['content-type']).toContain('application/problem+json');
    expect(incomplete.json().detail).toBe('Täytä ennen julkaisua: lopputulos, opit.');
    expect(await publicTitles()).not.toContain(completeCase.title);

    expect((await team.put(`cases/${id}`, completeCase)).statusCode).toBe(200);
    const published = await team.post(`cases/${id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().publishedAt).not.toBeNull();
    expect(await publicTitles()).toContain(completeCase.title);
    const seen = await pyharanta.get(`cases/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().metrics[0]).toEqual(completeCase.metrics[0]);

    // Pyhäranta reads it but cannot change it, however it asks.
    expect(
      (await pyharanta.put(`cases/${id}`, { ...completeCase, title: 'Muutettu' })).statusCode,
    ).toBe(404);
    expect((await pyharanta.post(`cases/${id}/unpublish`)).statusCode).toBe(404);
    expect((await pyharanta.delete(`cases/${id}`)).statusCode).toBe(404);
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect(
      (
        await pyharanta.post(`cases/${id}/photos`, {
          dataBase64: png.toString('base64'),
          altText: 'x',
        })
      ).statusCode,
    ).toBe(404);
    // A published card stays complete; emptying it is refused.
    expect((await team.put(`cases/${id}`, { ...completeCase, tried: ' ' })).statusCode).toBe(422);
    expect((await team.delete(`cases/${id}`)).statusCode).toBe(409);

    const unpublished = await team.post(`cases/${id}/unpublish`);
    expect(unpublished.json().status).toBe('draft');
    expect(await publicTitles()).not.toContain(completeCase.title);
    expect((await pyharanta.get(`cases/${id}`)).statusCode).toBe(404);
    expect((await team.delete(`cases/${id}`)).statusCode).toBe(204);

    const audits = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select('action')
        .where('target', '=', `case:${id}`)
        .orderBy('id')
        .execute(),
    );
    expect(audits.map((a) => a.action)).toEqual([
      'portfolio.case.create',
      'portfolio.case.update',
      'portfolio.case.publish',
      'portfolio.case.unpublish',
      'portfolio.case.delete',
    ]);
  });

  it('refuses bad input with a translated 4xx and writes nothing', async () => {
    const before = (await team.get('cases')).json().items.length;
    // A member of the team who uses Swedish.
    const sv = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
    expect((await sv.put('session/language', { language: 'sv' })).statusCode).toBe(204);
    const blankMetric = await sv.post('cases', {
      ...completeCase,
      metrics: [{ ...completeCase.metrics[0], name: ' ' }],
    });
    expect(blankMetric.statusCode).toBe(422);
    expect(blankMetric.json().title).toBe('En mätare är ofullständig');
    expect((await team.post('cases', { ...completeCase, costCents: -1 })).statusCode).toBe(400);
    expect((await team.post('cases', { ...completeCase, outcome: 'great' })).statusCode).toBe(400);
    expect((await team.get('cases')).json().items.length).toBe(before);
    await sv.put('session/language', { language: 'fi' });
  });
});

describe('supports', () => {
  it('counts one support per person, from any municipality, and only when signed in', async () => {
    const [sauna] = (await anonymous.get('/api/cases?q=rantasauna')).json().items as {
      id: string;
      supports: number;
    }[];
    expect(sauna!.supports).toBe(0);
    expect((await anonymous.put(`/api/cases/${sauna!.id}/support`)).statusCode).toBe(401);
    expect((await resident.put(`/api/cases/${sauna!.id}/support`)).json().supports).toBe(1);
    const again = await resident.put(`/api/cases/${sauna!.id}/support`);
    expect(again.json()).toMatchObject({ supports: 1, mySupport: true });
    expect((await pyharantaResident.put(`/api/cases/${sauna!.id}/support`)).json().supports).toBe(
      2,
    );
    expect((await anonymous.get(`/api/cases/${sauna!.id}`)).json()).toMatchObject({
      supports: 2,
      mySupport: false,
    });
    // The most supported first.
    expect((await publicTitles('?sort=top'))[0]).toBe('Rantasaunan omatoimivaraus PIN-koodilla');
    expect(
      (await pyharantaResident.delete(`/api/cases/${sauna!.id}/support`)).json().supports,
    ).toBe(1);

    const draft = (await team.get('cases'))
      .json()
      .items.find((c: { status: string }) => c.status === 'draft');
    expect((await resident.put(`/api/cases/${draft.id}/support`)).statusCode).toBe(404);
    const count = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('portfolio_case_supports')
        .select('person_id')
        .where('case_id', '=', draft.id)
        .execute(),
    );
    expect(count).toEqual([]);
  });
});

describe('search and filters', () => {
  it('finds by text, theme, size of municipality and outcome', async () => {
    expect(await publicTitles('?q=PIN-koodi')).toEqual(['Rantasaunan omatoimivaraus PIN-koodilla']);
    expect(await publicTitles('?q=tyrskyl%C3%A4')).toHaveLength(3);
    expect(await publicTitles('?theme=Kotihoito')).toEqual(['Tabletit kotihoidon työntekijöille']);
    expect(await publicTitles('?outcome=changed')).toEqual([
      'Digituen pop-up kirjastossa ikäihmisille',
    ]);
    // Tyrskylä has 14 800 inhabitants: a medium-sized municipality.
    expect(await publicTitles('?size=medium')).toHaveLength(3);
    expect(await publicTitles('?size=small')).toEqual([]);
    expect(await publicTitles('?q=100%25')).toEqual([]);
    // Newest first by default.
    expect((await publicTitles())[0]).toBe('Digituen pop-up kirjastossa ikäihmisille');
    expect((await anonymous.get('/api/cases?size=huge')).statusCode).toBe(400);
  });
});

describe('photos', () => {
  it('resizes an upload, refuses what is no image, and shows a draft photo to the team only', async () => {
    const created = await team.post('cases', completeCase);
    const id = created.json().id as string;
    const big = await sharp({
      create: { width: 3000, height: 2000, channels: 4, background: '#336699' },
    })
      .png()
      .toBuffer();
    const added = await team.post(`cases/${id}/photos`, {
      dataBase64: big.toString('base64'),
      altText: 'Kamera',
    });
    expect(added.statusCode, added.body).toBe(201);
    const photo = added.json().photos[0];
    expect(photo).toMatchObject({ width: 1600, height: 1067, altText: 'Kamera' });
    const notImage = await team.post(`cases/${id}/photos`, {
      dataBase64: Buffer.from('%PDF-1.4 hello').toString('base64'),
      altText: 'x',
    });
    expect(notImage.statusCode).toBe(422);
    const truncated = await team.post(`cases/${id}/photos`, {
      dataBase64: big.subarray(0, 200).toString('base64'),
      altText: 'x',
    });
    expect(truncated.statusCode).toBe(422);

    expect((await anonymous.get(`/api/cases/${id}/photos/${photo.id}`)).statusCode).toBe(404);
    expect((await resident.get(`cases/${id}/photos/${photo.id}`)).statusCode).toBe(404);
    const own = await team.get(`cases/${id}/photos/${photo.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(own.rawPayload).metadata()).width).toBe(1600);

    await team.post(`cases/${id}/publish`);
    const shown = await anonymous.get(`/api/cases/${id}/photos/${photo.id}`);
    expect(shown.statusCode).toBe(200);
    expect((await anonymous.get('/api/cases?q=Etäkokoukset')).json().items[0].coverPhotoId).toBe(
      photo.id,
    );
    expect((await team.delete(`cases/${id}/photos/${photo.id}`)).json().photos).toEqual([]);
    await team.post(`cases/${id}/unpublish`);
    await team.delete(`cases/${id}`);
  });
});
