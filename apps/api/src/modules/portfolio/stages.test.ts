import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { DEFAULT_STAGES } from './stages.js';
import { ideaOf, notificationTitles, personIdOf, submitIdea } from './test-support.js';

/** The pipeline: required fields, history, followers told, per-municipality stages. */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let resident: Client;
let guardian: Client;
let owner: string;

beforeAll(async () => {
  rt = await startRuntime();
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
  owner = await personIdOf(rt.db, 'tilat@tyrskyla.example');
});
afterAll(() => rt.dispose());

describe('stage rules', () => {
  it('the default pipeline is listed for everyone', async () => {
    const stages = (await new Client(rt.app).get('portfolio/stages')).json().items;
    expect(stages.map((s: { key: string }) => s.key)).toEqual(DEFAULT_STAGES.map((s) => s.key));
  });

  it('an experiment needs an owner and a timebox: a translated 422 lists both, nothing moves', async () => {
    const idea = await submitIdea(resident);
    const refused = await team.post(`portfolio/ideas/${idea.id}/stage`, {
      stage: 'experiment',
      reason: '',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().title).toBe('Vaiheeseen "Kokeilu" siirtyminen vaatii tietoja');
    expect(refused.json().detail).toBe('Puuttuu: vastuuhenkilö, aikaraja (21 tai 105 päivää).');
    const partly = await team.post(`portfolio/ideas/${idea.id}/stage`, {
      stage: 'experiment',
      reason: '',
      ownerId: owner,
    });
    expect(partly.json().detail).toBe('Puuttuu: aikaraja (21 tai 105 päivää).');
    const still = await ideaOf(team, idea.id);
    expect(still).toMatchObject({ stage: 'idea', owner: null });

    const moved = await team.post(`portfolio/ideas/${idea.id}/stage`, {
      stage: 'experiment',
      reason: 'Kokeillaan heti',
      ownerId: owner,
      timeboxDays: 21,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      stage: 'experiment',
      timeboxDays: 21,
      owner: { name: 'Tapio Tilavastaava' },
    });
    // Adopted needs measured results; evaluation a goal.
    const adopt = await team.post(`portfolio/ideas/${idea.id}/stage`, {
      stage: 'adopted',
      reason: '',
    });
    expect(adopt.json().detail).toBe('Puuttuu: mitatut tulokset.');
    const evaluation = await team.post(`portfolio/ideas/${idea.id}/stage`, {
      stage: 'evaluation',
      reason: '',
      goal: 'Puolet varauksista verkossa',
    });
    expect(evaluation.statusCode).toBe(200);
    const history = (await ideaOf(resident, idea.id)).history.filter((h) => h.kind === 'stage');
    expect(history.map((h) => [h.fromStage, h.toStage, h.reason])).toEqual([
      ['idea', 'experiment', 'Kokeillaan heti'],
      ['experiment', 'evaluation', ''],
    ]);
  });

  it('followers hear of every change of stage, in their language; others cannot move stages', async () => {
    const idea = await submitIdea(resident, { title: 'Seurattava idea' });
    await guardian.put(`portfolio/ideas/${idea.id}/support`);
    const swede = await loggedIn(rt.app, 'aallokko@tyrskyla.example');
    await swede.put(`portfolio/ideas/${idea.id}/follow`);
    expect(
      (await resident.post(`portfolio/ideas/${idea.id}/stage`, { stage: 'screening', reason: '' }))
        .statusCode,
    ).toBe(403);
    await team.post(`portfolio/ideas/${idea.id}/stage`, {
      stage: 'screening',
      reason: 'Selvitetään',
    });
    for (const client of [resident, guardian]) {
      expect((await notificationTitles(client))[0]).toBe(
        'Idea "Seurattava idea" on nyt vaiheessa Seulonnassa',
      );
    }
    expect((await notificationTitles(swede))[0]).toBe(
      'Idén "Seurattava idea" är nu i skedet Granskas',
    );
    expect((await notificationTitles(team)).some((t) => t.includes('Seurattava idea'))).toBe(false);
    const unknown = await team.post(`portfolio/ideas/${idea.id}/stage`, {
      stage: 'nowhere',
      reason: '',
    });
    expect(unknown.statusCode).toBe(422);
  });

  it('a municipality sets its own stages and requirements; stages in use must stay', async () => {
    const stages = DEFAULT_STAGES.map((s) => ({
      key: s.key,
      closed: s.closed,
      name: s.name,
      requiredFields: s.key === 'screening' ? ['goal'] : s.requiredFields,
    }));
    const missing = await team.put('portfolio/stages', {
      stages: stages.filter((s) => s.key !== 'experiment'),
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().detail).toContain('experiment');
    expect((await resident.put('portfolio/stages', { stages })).statusCode).toBe(403);
    const saved = await team.put('portfolio/stages', { stages });
    expect(saved.statusCode, saved.body).toBe(200);
    const idea = await submitIdea(resident);
    const refused = await team.post(`portfolio/ideas/${idea.id}/stage`, {
      stage: 'screening',
      reason: '',
    });
    expect(refused.json().detail).toBe('Puuttuu: tavoite.');
    // Pyhäranta keeps the default pipeline.
    const other = (await new Client(rt.app, 'pyharanta').get('portfolio/stages')).json().items;
    expect(other.find((s: { key: string }) => s.key === 'screening').requiredFields).toEqual([]);
  });
});
