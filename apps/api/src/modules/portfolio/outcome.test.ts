import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { grantRole, ideaOf, notificationTitles, personIdOf, submitIdea } from './test-support.js';

/** The end of an experiment: finish once, the stage rules, the public story, the case card. */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let owner: Client;
let resident: Client;
let anonymous: Client;
let other: Client;
let ownerId: string;

interface JournalPost {
  id: string;
  kind: string;
  body: string;
  visibility: string;
  celebration: boolean;
}

beforeAll(async () => {
  rt = await startRuntime();
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  owner = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  anonymous = new Client(rt.app);
  await grantRole(rt.db, 'admin@pyharanta.example', 'digital_team', 'pyharanta');
  other = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
  ownerId = await personIdOf(rt.db, 'tilat@tyrskyla.example');
});
afterAll(() => rt.dispose());

/** A running experiment of an idea the resident submitted (so the resident follows it). */
async function runningExperiment(over: Record<string, unknown> = {}) {
  const idea = await submitIdea(resident, over);
  const moved = await team.post(`portfolio/ideas/${idea.id}/stage`, {
    stage: 'experiment',
    reason: 'Kokeillaan',
    ownerId,
    timeboxDays: 21,
  });
  expect(moved.statusCode, moved.body).toBe(200);
  return idea.id;
}

const finish = (client: Client, ideaId: string, body: Record<string, unknown>) =>
  client.post(`portfolio/ideas/${ideaId}/experiment/finish`, body);
const journalOf = async (client: Client, ideaId: string) =>
  (await client.get(`portfolio/ideas/${ideaId}/journal`)).json().items as JournalPost[];
const experimentOf = async (ideaId: string) =>
  (await anonymous.get(`portfolio/ideas/${ideaId}/experiment`)).json();
const feedOf = async (client: Client, query = '') => {
  const response = await client.get(`portfolio/journal${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    total: number;
    items: { id: string; ideaId: string; kind: string; body: string; outcome: string | null }[];
  };
};

describe('finishing an experiment', () => {
  it('the declaration is the first public journal post', async () => {
    const ideaId = await runningExperiment();
    const declared = await owner.post(`portfolio/ideas/${ideaId}/experiment/declare`, {
      declaration: 'Kokeilemme kolme viikkoa.',
    });
    expect(declared.statusCode, declared.body).toBe(200);
    const posts = await journalOf(anonymous, ideaId);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      kind: 'declaration',
      visibility: 'public',
      body: 'Kokeilemme kolme viikkoa.',
      celebration: false,
    });
    const feed = await feedOf(anonymous);
    expect(feed.items.find((p) => p.ideaId === ideaId)?.kind).toBe('declaration');
  });

  it('only the owner or the team finish; lessons are required; nothing is half-written', async () => {
    const ideaId = await runningExperiment();
    const body = { outcome: 'stopped', lessons: 'Ei tarvetta.' };
    expect((await finish(anonymous, ideaId, body)).statusCode).toBe(401);
    const refused = await finish(resident, ideaId, body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().title).toBeTruthy();
    expect((await finish(other, ideaId, body)).statusCode).toBe(404);
    const empty = await finish(team, ideaId, { outcome: 'stopped', lessons: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().title).toBe('Kerro, mitä opittiin');
    expect((await finish(team, ideaId, { outcome: 'maybe', lessons: 'x' })).statusCode).toBe(400);
    expect((await experimentOf(ideaId)).finishedAt).toBeNull();
    expect((await ideaOf(anonymous, ideaId)).stage).toBe('experiment');
    expect(await journalOf(team, ideaId)).toHaveLength(0);
  });

  it('adopted needs measured results: a 422 leaves everything as it was', async () => {
    const ideaId = await runningExperiment();
    const lessons = 'Asukkaat löysivät palvelun heti.';
    const noResults = await finish(owner, ideaId, { outcome: 'adopted', lessons });
    expect(noResults.statusCode).toBe(422);
    expect(noResults.json().detail).toMatch(/tulokset/i);
    // With metrics, every metric needs its result: written results do not stand in for them.
    const metric = { name: 'Varaukset', unit: 'kpl', baseline: 1, target: 5, result: null };
    const saved = await owner.put(`portfolio/ideas/${ideaId}/experiment`, {
      experimenters: [],
      metrics: [metric],
      budgetGrantedCents: 50000,
      budgetSpentCents: 42000,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const unmeasured = await finish(owner, ideaId, {
      outcome: 'adopted',
      lessons,
      results: 'Hyvä',
    });
    expect(unmeasured.statusCode).toBe(422);
    expect((await experimentOf(ideaId)).outcome).toBeNull();
    expect(await journalOf(team, ideaId)).toHaveLength(0);
    expect((await ideaOf(anonymous, ideaId)).stage).toBe('experiment');
    await owner.put(`portfolio/ideas/${ideaId}/experiment`, {
      experimenters: [],
      metrics: [{ ...metric, result: 7 }],
      budgetGrantedCents: 50000,
      budgetSpentCents: 42000,
    });
    const before = (await notificationTitles(resident)).length;
    const done = await finish(owner, ideaId, {
      outcome: 'adopted',
      lessons,
      summary: 'Otetaan käyttöön koko kunnassa.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      outcome: 'adopted',
      lessons,
      outcomeSummary: 'Otetaan käyttöön koko kunnassa.',
      running: false,
    });
    const idea = await ideaOf(anonymous, ideaId);
    expect(idea.stage).toBe('adopted');
    expect(idea.history.at(-1)).toMatchObject({
      kind: 'stage',
      fromStage: 'experiment',
      toStage: 'adopted',
      reason: 'Otetaan käyttöön koko kunnassa.',
    });
    // The follower (the submitter) is told, as on any stage change.
    const titles = await notificationTitles(resident);
    expect(titles.length).toBe(before + 1);
    expect(titles[0]).toMatch(/Otettu käyttöön/);
    const [celebration] = await journalOf(anonymous, ideaId);
    expect(celebration).toMatchObject({
      kind: 'celebration',
      celebration: true,
      visibility: 'public',
      body: `Otetaan käyttöön koko kunnassa.\n\n${lessons}`,
    });
    const again = await finish(team, ideaId, { outcome: 'stopped', lessons: 'Toisen kerran' });
    expect(again.statusCode).toBe(409);
    expect(again.json().title).toBe('Kokeilu on jo päätetty');
    expect(await journalOf(team, ideaId)).toHaveLength(1);
    const audited = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'portfolio.experiment.finish')
        .where('target', '=', `idea:${ideaId}`)
        .execute(),
    );
    expect(audited).toHaveLength(1);
  });

  it('changed continues as adopted with a celebration; stopped writes a plain public post', async () => {
    const changedId = await runningExperiment();
    const changed = await finish(team, changedId, {
      outcome: 'changed',
      lessons: 'Kylätaloille kerran kuussa.',
      results: 'Kuusi kävijää kerrassa.',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await ideaOf(anonymous, changedId)).stage).toBe('adopted');
    expect((await journalOf(anonymous, changedId))[0]!.kind).toBe('celebration');

    const stoppedId = await runningExperiment();
    await owner.post(`portfolio/ideas/${stoppedId}/journal`, {
      body: 'Viikko yksi',
      visibility: 'public',
    });
    const stopped = await finish(owner, stoppedId, {
      outcome: 'stopped',
      lessons: 'Tarvetta ei ollut.',
    });
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect((await ideaOf(anonymous, stoppedId)).stage).toBe('stopped');
    expect(await journalOf(anonymous, stoppedId)).toMatchObject([
      { kind: 'post', visibility: 'public', body: 'Tarvetta ei ollut.' },
      { kind: 'post', body: 'Viikko yksi' },
    ]);
    // Only the finishing post tells the outcome; the earlier post stays a plain post.
    const feed = await feedOf(anonymous, '?limit=50');
    expect(feed.items.filter((p) => p.ideaId === stoppedId)).toMatchObject([
      { kind: 'post', outcome: 'stopped', body: 'Tarvetta ei ollut.' },
      { kind: 'post', outcome: null, body: 'Viikko yksi' },
    ]);
    // A shelved idea's experiment is not running: it cannot be finished.
    const shelvedId = await runningExperiment();
    await team.post(`portfolio/ideas/${shelvedId}/stage`, { stage: 'shelved', reason: 'Odottaa' });
    const refused = await finish(team, shelvedId, { outcome: 'stopped', lessons: 'x' });
    expect(refused.statusCode).toBe(409);
  });
});

describe('the public journal feed', () => {
  it('shows public posts of visible ideas of this municipality only, newest first, paged', async () => {
    const ideaId = await runningExperiment();
    await owner.post(`portfolio/ideas/${ideaId}/journal`, {
      body: 'Julkinen',
      visibility: 'public',
    });
    await team.post(`portfolio/ideas/${ideaId}/journal`, {
      body: 'Sisäinen muistiinpano',
      visibility: 'internal',
    });
    const hiddenId = await runningExperiment();
    await owner.post(`portfolio/ideas/${hiddenId}/journal`, {
      body: 'Piilotetun idean merkintä',
      visibility: 'public',
    });
    expect(
      (await team.post(`portfolio/ideas/${hiddenId}/hide`, { reason: 'Kopio' })).statusCode,
    ).toBe(200);

    for (const client of [anonymous, resident, team]) {
      const feed = await feedOf(client, '?limit=50');
      const bodies = feed.items.map((p) => p.body);
      expect(bodies).toContain('Julkinen');
      expect(bodies).not.toContain('Sisäinen muistiinpano');
      expect(bodies).not.toContain('Piilotetun idean merkintä');
    }
    const first = await feedOf(anonymous, '?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.items[0]!.body).toBe('Julkinen');
    const second = await feedOf(anonymous, '?limit=1&offset=1');
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect(second.total).toBe(first.total);
    // Another municipality's feed has none of Tyrskylä's posts.
    const elsewhere = (await new Client(rt.app, 'pyharanta').get('portfolio/journal')).json();
    expect(elsewhere.items.map((p: { body: string }) => p.body)).not.toContain('Julkinen');
    expect((await anonymous.get('portfolio/journal?limit=500')).statusCode).toBe(400);

    const atom = await anonymous.get('portfolio/journal.atom');
    expect(atom.statusCode).toBe(200);
    expect(atom.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(atom.body).toContain('<content type="text">Julkinen</content>');
    expect(atom.body).not.toContain('Sisäinen muistiinpano');
  });
});

describe('a case card from the experiment', () => {
  it('the team gets a draft prefilled from the idea and the experiment, once', async () => {
    const ideaId = await runningExperiment({ themes: ['Tilat', 'liikunta'] });
    await owner.post(`portfolio/ideas/${ideaId}/experiment/declare`, {
      declaration: 'Sauna auki ovikoodilla.',
    });
    const png = (
      await sharp({ create: { width: 40, height: 30, channels: 3, background: '#369' } })
        .png()
        .toBuffer()
    ).toString('base64');
    const photos = [{ dataBase64: png, altText: 'Saunan ovi' }];
    await owner.post(`portfolio/ideas/${ideaId}/journal`, {
      body: 'Kuva',
      visibility: 'public',
      photos,
    });
    await owner.post(`portfolio/ideas/${ideaId}/journal`, {
      body: 'Sisäinen kuva',
      visibility: 'internal',
      photos,
    });
    await owner.put(`portfolio/ideas/${ideaId}/experiment`, {
      experimenters: [],
      metrics: [{ name: 'Vuorot', unit: 'kpl/kk', baseline: 14, target: 30, result: 46 }],
      budgetGrantedCents: 150000,
      budgetSpentCents: 120000,
    });
    const path = `portfolio/ideas/${ideaId}/case`;
    expect((await team.post(path)).statusCode).toBe(409);
    await finish(owner, ideaId, { outcome: 'adopted', lessons: 'Siivousvuoro kalenteriin.' });

    expect((await owner.post(path)).statusCode).toBe(403);
    expect((await resident.post(path)).statusCode).toBe(403);
    expect((await anonymous.post(path)).statusCode).toBe(401);
    expect((await other.post(path)).statusCode).toBe(404);
    const created = await team.post(path);
    expect(created.statusCode, created.body).toBe(201);
    const card = created.json().case;
    expect(card).toMatchObject({
      status: 'draft',
      ideaId,
      problem: 'Asiat ovat hankalia.',
      tried: 'Sauna auki ovikoodilla.',
      durationDays: 1,
      costCents: 120000,
      outcome: 'adopted',
      lessons: 'Siivousvuoro kalenteriin.',
      contactEmail: 'tilat@tyrskyla.example',
      themes: ['tilat', 'liikunta'],
      metrics: [{ name: 'Vuorot', unit: 'kpl/kk', baseline: 14, target: 30, result: 46 }],
    });
    expect(card.contactName).not.toBe('');
    expect(card.photos).toEqual([
      { id: expect.any(String), altText: 'Saunan ovi', width: 40, height: 30 },
    ]);
    const again = await team.post(path);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, case: { id: card.id } });
    const own = (await team.get('cases')).json().items as { id: string }[];
    expect(own.filter((c) => c.id === card.id)).toHaveLength(1);
    // The existing edit and publish flow takes it from here.
    const published = await team.post(`cases/${card.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
  });
});
