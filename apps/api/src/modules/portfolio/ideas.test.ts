import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { ideaOf, submitIdea, type Idea } from './test-support.js';

/** Ideas: residents and staff submit, everyone reads, signed-in people support and comment. */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let resident: Client;
let guardian: Client;
let staff: Client;
let anonymous: Client;

beforeAll(async () => {
  rt = await startRuntime();
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
  staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  anonymous = new Client(rt.app);
});
afterAll(() => rt.dispose());

describe('submitting and reading ideas', () => {
  it('a resident submits an idea; it starts as an idea, followed by its submitter', async () => {
    const idea = await submitIdea(resident, { themes: [' liikunta ', 'liikunta'] });
    expect(idea.stage).toBe('idea');
    expect(idea.followedByMe).toBe(true);
    expect((idea as Idea & { submittedAs: string }).submittedAs).toBe('resident');
    expect((idea as Idea & { themes: string[] }).themes).toEqual(['liikunta']);
    expect(idea.history.map((h) => h.kind)).toEqual(['submitted']);
    const byStaff = await submitIdea(staff);
    expect((byStaff as Idea & { submittedAs: string }).submittedAs).toBe('staff');
  });

  it('anyone reads the list and the idea page; only the signed in submit', async () => {
    const idea = await submitIdea(resident, { themes: ['kirjasto'] });
    const list = await anonymous.get('portfolio/ideas?theme=kirjasto');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: Idea) => i.id)).toContain(idea.id);
    const page = await anonymous.get(`portfolio/ideas/${idea.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().submitter).toBeNull();
    const body = { title: 'Nimetön', problem: 'x', proposal: 'y' };
    expect((await anonymous.post('portfolio/ideas', body)).statusCode).toBe(401);
  });

  it('filters by stage, department and text', async () => {
    const idea = await submitIdea(resident, {
      title: 'Uimahallin aukioloajat verkkoon',
      departments: ['Liikuntapalvelut'],
    });
    const byText = await anonymous.get('portfolio/ideas?q=uimahallin');
    expect(byText.json().items.map((i: Idea) => i.id)).toEqual([idea.id]);
    const byDept = await anonymous.get('portfolio/ideas?department=Liikuntapalvelut');
    expect(byDept.json().items.map((i: Idea) => i.id)).toEqual([idea.id]);
    const screening = await anonymous.get('portfolio/ideas?stage=screening');
    expect(screening.json().items.every((i: Idea) => i.stage === 'screening')).toBe(true);
  });

  it('bad input is a translated 4xx and writes nothing', async () => {
    const before = (await anonymous.get('portfolio/ideas')).json().items.length;
    const blank = await resident.post('portfolio/ideas', {
      title: '   ',
      problem: 'x',
      proposal: 'y',
    });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().title).toBe('Idea on puutteellinen');
    const tooMany = await resident.post('portfolio/ideas', {
      title: 'Kelpo otsikko',
      problem: 'x',
      proposal: 'y',
      themes: Array.from({ length: 21 }, (_, i) => `t${i}`),
    });
    expect(tooMany.statusCode).toBe(400);
    expect((await anonymous.get('portfolio/ideas')).json().items.length).toBe(before);
    expect(
      (await anonymous.get('portfolio/ideas/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });
});

describe('support, follow and comment', () => {
  it('one support per person: supporting twice counts once, withdrawing counts down', async () => {
    const idea = await submitIdea(resident);
    const first = await guardian.put(`portfolio/ideas/${idea.id}/support`);
    expect(first.json()).toEqual({ supportCount: 1, supportedByMe: true });
    const again = await guardian.put(`portfolio/ideas/${idea.id}/support`);
    expect(again.json()).toEqual({ supportCount: 1, supportedByMe: true });
    await Promise.all([
      resident.put(`portfolio/ideas/${idea.id}/support`),
      staff.put(`portfolio/ideas/${idea.id}/support`),
      staff.put(`portfolio/ideas/${idea.id}/support`),
    ]);
    expect((await ideaOf(anonymous, idea.id)).supportCount).toBe(3);
    const withdrawn = await staff.delete(`portfolio/ideas/${idea.id}/support`);
    expect(withdrawn.json()).toEqual({ supportCount: 2, supportedByMe: false });
    // A supporter follows the idea.
    expect((await ideaOf(guardian, idea.id)).followedByMe).toBe(true);
    expect((await anonymous.put(`portfolio/ideas/${idea.id}/support`)).statusCode).toBe(401);
  });

  it('follow and unfollow', async () => {
    const idea = await submitIdea(resident);
    expect((await staff.put(`portfolio/ideas/${idea.id}/follow`)).json()).toEqual({
      followedByMe: true,
    });
    expect((await ideaOf(staff, idea.id)).followedByMe).toBe(true);
    await staff.delete(`portfolio/ideas/${idea.id}/follow`);
    expect((await ideaOf(staff, idea.id)).followedByMe).toBe(false);
  });

  it('comments are shown with their author; an empty one is refused', async () => {
    const idea = await submitIdea(resident);
    const added = await guardian.post(`portfolio/ideas/${idea.id}/comments`, { body: ' Hyvä! ' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ author: 'Hanna Huoltaja', body: 'Hyvä!' });
    const empty = await guardian.post(`portfolio/ideas/${idea.id}/comments`, { body: '   ' });
    expect(empty.statusCode).toBe(422);
    const page = await ideaOf(anonymous, idea.id);
    expect(page.comments.map((c) => c.body)).toEqual(['Hyvä!']);
  });
});
