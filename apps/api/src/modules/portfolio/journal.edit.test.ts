import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { personIdOf, submitIdea, decideGo } from './test-support.js';

/** The journal's team members, and editing and deleting posts: who may, and what is left. */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let owner: Client;
let member: Client;
let staff: Client;
let resident: Client;
let anonymous: Client;
let ideaId: string;

interface Post {
  id: string;
  body: string;
  visibility: string;
  videoUrl: string | null;
  editedAt: string | null;
  canEdit: boolean;
  photos: { id: string }[];
}
interface Journal {
  canPost: boolean;
  items: Post[];
}

const path = () => `portfolio/ideas/${ideaId}/journal`;
const journalOf = async (client: Client) => {
  const response = await client.get(path());
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Journal;
};
const postBy = async (client: Client, body: string, extra: Record<string, unknown> = {}) => {
  const response = await client.post(path(), { body, visibility: 'public', ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
};
const setTeam = async (emails: string[]) => {
  const experimenters = [];
  for (const email of emails) {
    experimenters.push({ personId: await personIdOf(rt.db, email), name: '', department: '' });
  }
  const saved = await team.put(`portfolio/ideas/${ideaId}/experiment`, {
    experimenters,
    metrics: [],
    budgetGrantedCents: 0,
    budgetSpentCents: 0,
  });
  expect(saved.statusCode, saved.body).toBe(200);
};
const audits = (action: string) =>
  asSystem(rt.db, (tx) =>
    tx
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', action)
      .where('target', '=', `idea:${ideaId}`)
      .execute(),
  );

beforeAll(async () => {
  rt = await startRuntime();
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  owner = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  member = await loggedIn(rt.app, 'varhaiskasvatus@tyrskyla.example');
  staff = await loggedIn(rt.app, 'aallokko@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  anonymous = new Client(rt.app);
  const idea = await submitIdea(resident);
  await decideGo(team, idea.id, await personIdOf(rt.db, 'tilat@tyrskyla.example'), 21);
  ideaId = idea.id;
});
afterAll(() => rt.dispose());

describe('journal team members', () => {
  it("the experiment's team members write and read internal posts; other staff do not", async () => {
    expect(
      (await member.post(path(), { body: 'Ennen tiimiä', visibility: 'public' })).statusCode,
    ).toBe(403);
    await setTeam(['varhaiskasvatus@tyrskyla.example']);
    expect((await journalOf(member)).canPost).toBe(true);
    await postBy(member, 'Tiimistä: sisäinen huomio', { visibility: 'internal' });
    expect((await journalOf(member)).items.map((p) => p.body)).toEqual([
      'Tiimistä: sisäinen huomio',
    ]);
    expect((await journalOf(staff)).canPost).toBe(false);
    expect((await journalOf(staff)).items).toEqual([]);
    expect((await staff.post(path(), { body: 'Hei', visibility: 'public' })).statusCode).toBe(403);
  });
});

describe('editing and deleting journal posts', () => {
  it('the author or the digital team edits; others are refused', async () => {
    const mine = await postBy(member, 'Ensimmäinen viikko');
    const owners = await postBy(owner, 'Omistajan merkintä');
    const byMember = (await journalOf(member)).items;
    expect(byMember.find((p) => p.id === mine)!.canEdit).toBe(true);
    expect(byMember.find((p) => p.id === owners)!.canEdit).toBe(false);
    expect((await journalOf(team)).items.every((p) => p.canEdit)).toBe(true);
    expect((await journalOf(anonymous)).items.some((p) => p.canEdit)).toBe(false);

    const edit = (client: Client, postId: string, body: string, extra = {}) =>
      client.put(`${path()}/${postId}`, { body, visibility: 'public', ...extra });
    const edited = await edit(member, mine, ' Ensimmäinen viikko: 40 varausta ', {
      videoUrl: 'https://video.tyrskyla.example/1',
    });
    expect(edited.statusCode, edited.body).toBe(204);
    for (const refused of [owner, resident, staff]) {
      const response = await edit(refused, mine, 'Muutettu');
      expect(response.statusCode).toBe(403);
      expect(response.json().title).toBeTruthy();
    }
    expect((await edit(anonymous, mine, 'Muutettu')).statusCode).toBe(401);
    expect((await edit(team, owners, 'Omistajan merkintä (korjattu)')).statusCode).toBe(204);

    const posts = (await journalOf(anonymous)).items;
    expect(posts.find((p) => p.id === mine)).toMatchObject({
      body: 'Ensimmäinen viikko: 40 varausta',
      videoUrl: 'https://video.tyrskyla.example/1',
    });
    expect(posts.find((p) => p.id === mine)!.editedAt).not.toBeNull();
    expect(posts.find((p) => p.id === owners)!.body).toBe('Omistajan merkintä (korjattu)');
    expect(await audits('portfolio.journal.edit')).toHaveLength(2);
  });

  it('bad edits are translated 4xx and change nothing; internal posts stay hidden', async () => {
    const postId = await postBy(member, 'Alkuperäinen');
    const before = (await journalOf(team)).items.find((p) => p.id === postId);
    const empty = await member.put(`${path()}/${postId}`, { body: ' ', visibility: 'public' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().title).toBe('Kirjoita päivitys');
    const link = await member.put(`${path()}/${postId}`, {
      body: 'Uusi',
      visibility: 'public',
      videoUrl: 'javascript:alert(1)',
    });
    expect(link.statusCode).toBe(422);
    expect(link.json().title).toBe('Videolinkki ei kelpaa');
    expect((await journalOf(team)).items.find((p) => p.id === postId)).toEqual(before);

    // Turned internal by its author: the public no longer reads it, nor can touch it.
    expect(
      (await member.put(`${path()}/${postId}`, { body: 'Alkuperäinen', visibility: 'internal' }))
        .statusCode,
    ).toBe(204);
    expect((await journalOf(anonymous)).items.some((p) => p.id === postId)).toBe(false);
    expect((await resident.delete(`${path()}/${postId}`)).statusCode).toBe(404);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await team.delete(`${path()}/${unknown}`)).statusCode).toBe(404);
  });

  it('deleting removes the post with its photos; only the author or the team', async () => {
    const photo = await sharp({
      create: { width: 20, height: 20, channels: 3, background: '#000' },
    })
      .png()
      .toBuffer();
    const postId = await postBy(owner, 'Kuvallinen', {
      photos: [{ dataBase64: photo.toString('base64'), altText: 'Musta neliö' }],
    });
    const photoId = (await journalOf(owner)).items.find((p) => p.id === postId)!.photos[0]!.id;
    for (const refused of [member, resident]) {
      expect((await refused.delete(`${path()}/${postId}`)).statusCode).toBe(403);
    }
    const deleted = await owner.delete(`${path()}/${postId}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await journalOf(team)).items.some((p) => p.id === postId)).toBe(false);
    expect((await team.get(`${path()}/photos/${photoId}`)).statusCode).toBe(404);
    const memberPost = await postBy(member, 'Tiimi poistaa tämän');
    expect((await team.delete(`${path()}/${memberPost}`)).statusCode).toBe(204);
    const deletions = await audits('portfolio.journal.delete');
    expect(deletions.map((a) => (a.details as { photos: number }).photos).sort()).toEqual([0, 1]);
  });

  it('a member taken off the team no longer writes or edits', async () => {
    const postId = await postBy(member, 'Viimeinen merkintäni');
    await setTeam([]);
    expect((await journalOf(member)).canPost).toBe(false);
    expect((await member.post(path(), { body: 'x', visibility: 'public' })).statusCode).toBe(403);
    expect(
      (await member.put(`${path()}/${postId}`, { body: 'x', visibility: 'public' })).statusCode,
    ).toBe(403);
  });

  it('another municipality edits and deletes nothing', async () => {
    const postId = (await journalOf(anonymous)).items[0]!.id;
    const other = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    expect(
      (await other.put(`${path()}/${postId}`, { body: 'x', visibility: 'public' })).statusCode,
    ).toBe(404);
    expect((await other.delete(`${path()}/${postId}`)).statusCode).toBe(404);
  });
});
