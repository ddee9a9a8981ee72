import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { personIdOf, submitIdea, decideGo } from './test-support.js';

/** The experiment journal: who writes, who reads what, photos and bad input. */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let owner: Client;
let resident: Client;
let anonymous: Client;
let ideaId: string;

interface Journal {
  canPost: boolean;
  items: {
    id: string;
    body: string;
    visibility: string;
    videoUrl: string | null;
    author: string;
    photos: { id: string; width: number; height: number; altText: string }[];
  }[];
}

beforeAll(async () => {
  rt = await startRuntime();
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  owner = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  anonymous = new Client(rt.app);
  const idea = await submitIdea(resident);
  await decideGo(team, idea.id, await personIdOf(rt.db, 'tilat@tyrskyla.example'), 21);
  ideaId = idea.id;
});
afterAll(() => rt.dispose());

const path = () => `portfolio/ideas/${ideaId}/journal`;
const journalOf = async (client: Client) => {
  const response = await client.get(path());
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Journal;
};

describe('journal', () => {
  it('the owner and the team write; public posts for all, internal ones for insiders', async () => {
    const first = await owner.post(path(), { body: 'Aloitimme kokeilun.', visibility: 'public' });
    expect(first.statusCode, first.body).toBe(201);
    const internal = await team.post(path(), {
      body: 'Budjetti tiukalla.',
      visibility: 'internal',
      videoUrl: 'https://video.example/v/1',
    });
    expect(internal.statusCode, internal.body).toBe(201);
    const refused = await resident.post(path(), { body: 'Hei', visibility: 'public' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().title).toBeTruthy();
    expect((await anonymous.post(path(), { body: 'Hei', visibility: 'public' })).statusCode).toBe(
      401,
    );

    const insiders = await journalOf(team);
    expect(insiders.canPost).toBe(true);
    expect(insiders.items.map((p) => p.body)).toEqual([
      'Budjetti tiukalla.',
      'Aloitimme kokeilun.',
    ]);
    expect(insiders.items[0]).toMatchObject({
      visibility: 'internal',
      videoUrl: 'https://video.example/v/1',
    });
    expect((await journalOf(owner)).items).toHaveLength(2);
    for (const outsider of [resident, anonymous]) {
      const seen = await journalOf(outsider);
      expect(seen.canPost).toBe(false);
      expect(seen.items.map((p) => p.body)).toEqual(['Aloitimme kokeilun.']);
    }
    const audited = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'portfolio.journal.post')
        .where('target', '=', `idea:${ideaId}`)
        .execute(),
    );
    expect(audited).toHaveLength(2);
  });

  it('refuses bad input with translated 4xx and writes nothing', async () => {
    const before = (await journalOf(team)).items.length;
    const empty = await team.post(path(), { body: '   ', visibility: 'public' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().title).toBe('Kirjoita päivitys');
    for (const videoUrl of ['javascript:alert(1)', 'ei linkki', 'ftp://x.example/a']) {
      const bad = await team.post(path(), { body: 'Video', visibility: 'public', videoUrl });
      expect(bad.statusCode, videoUrl).toBe(422);
      expect(bad.json().title).toBe('Videolinkki ei kelpaa');
    }
    const png = (
      await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
        .png()
        .toBuffer()
    ).toString('base64');
    const many = await team.post(path(), {
      body: 'Kuvia',
      visibility: 'public',
      photos: Array.from({ length: 5 }, () => ({ dataBase64: png, altText: 'Kuva' })),
    });
    expect(many.statusCode).toBe(422);
    expect(many.json().title).toBe('Liikaa kuvia');
    const notImage = await team.post(path(), {
      body: 'Kuvia',
      visibility: 'public',
      photos: [{ dataBase64: Buffer.from('%PDF-1.4').toString('base64'), altText: 'x' }],
    });
    expect(notImage.statusCode).toBe(422);
    const tooBig = await team.post(path(), {
      body: 'Kuvia',
      visibility: 'public',
      photos: [{ dataBase64: Buffer.alloc(8 * 1024 * 1024 + 1).toString('base64'), altText: 'x' }],
    });
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json().title).toBe('Kuva on liian suuri');
    const noAlt = await team.post(path(), {
      body: 'Kuvia',
      visibility: 'public',
      photos: [{ dataBase64: png, altText: ' ' }],
    });
    expect(noAlt.statusCode).toBe(422);
    const wrongVisibility = await team.post(path(), { body: 'x', visibility: 'secret' });
    expect(wrongVisibility.statusCode).toBe(400);
    expect((await journalOf(team)).items).toHaveLength(before);
  });

  it("resizes photos, and an internal post's photo stays internal", async () => {
    const big = await sharp({
      create: { width: 3000, height: 2000, channels: 3, background: '#336699' },
    })
      .png()
      .toBuffer();
    const photos = [{ dataBase64: big.toString('base64'), altText: 'Pilotin tila' }];
    await owner.post(path(), { body: 'Kuva julkisesti', visibility: 'public', photos });
    await owner.post(path(), { body: 'Kuva sisäisesti', visibility: 'internal', photos });
    const [internal, pub] = (await journalOf(owner)).items;
    expect(pub!.photos[0]).toMatchObject({ width: 1600, height: 1067, altText: 'Pilotin tila' });
    const photoPath = (post: Journal['items'][number]) => `${path()}/photos/${post.photos[0]!.id}`;
    const shown = await anonymous.get(photoPath(pub!));
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(shown.rawPayload).metadata()).width).toBe(1600);
    expect((await anonymous.get(photoPath(internal!))).statusCode).toBe(404);
    expect((await resident.get(photoPath(internal!))).statusCode).toBe(404);
    expect((await team.get(photoPath(internal!))).statusCode).toBe(200);
  });

  it('another municipality sees and writes nothing', async () => {
    const other = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    expect((await other.get(path())).statusCode).toBe(404);
    expect((await other.post(path(), { body: 'x', visibility: 'public' })).statusCode).toBe(404);
    const pub = (await journalOf(team)).items.find(
      (p) => p.photos.length && p.visibility === 'public',
    );
    expect((await other.get(`${path()}/photos/${pub!.photos[0]!.id}`)).statusCode).toBe(404);
  });

  it('the demo chat experiment has a public and an internal post', async () => {
    const ideas = (await anonymous.get('portfolio/ideas')).json().items as {
      id: string;
      title: string;
    }[];
    const chat = ideas.find((i) => i.title === 'Chat-neuvonta kunnan verkkosivuille')!;
    const journal = (client: Client) => client.get(`portfolio/ideas/${chat.id}/journal`);
    const [post] = (await journal(anonymous)).json().items as Journal['items'];
    expect(post!.photos).toHaveLength(1);
    expect(
      (await anonymous.get(`portfolio/ideas/${chat.id}/journal/photos/${post!.photos[0]!.id}`))
        .statusCode,
    ).toBe(200);
    // The owner's post, the team's internal one, and the declaration (the first public post).
    expect((await journal(team)).json().items).toHaveLength(3);
  });
});
