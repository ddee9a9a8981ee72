import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { ideaOf, submitIdea, type Idea } from './test-support.js';

/** The digital team's moderation: edit, hide with a public reason, merge duplicates. */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let resident: Client;
let guardian: Client;
let staff: Client;
let anonymous: Client;

beforeAll(async () => {
  rt = await startRuntime();
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
  staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  anonymous = new Client(rt.app);
});
afterAll(() => rt.dispose());

const body = (title: string) => ({ title, problem: 'Ongelma', proposal: 'Ehdotus' });

describe('moderation', () => {
  it('only the digital team (or an admin) edits, hides and merges', async () => {
    const idea = await submitIdea(resident);
    for (const client of [resident, staff]) {
      expect((await client.put(`portfolio/ideas/${idea.id}`, body('Muokattu'))).statusCode).toBe(
        403,
      );
      expect(
        (await client.post(`portfolio/ideas/${idea.id}/hide`, { reason: 'x' })).statusCode,
      ).toBe(403);
      expect(
        (await client.post(`portfolio/ideas/${idea.id}/merge`, { duplicateIds: [idea.id] }))
          .statusCode,
      ).toBe(403);
    }
    expect((await anonymous.put(`portfolio/ideas/${idea.id}`, body('Muokattu'))).statusCode).toBe(
      401,
    );
    const edited = await team.put(`portfolio/ideas/${idea.id}`, body('Selkeämpi otsikko'));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().title).toBe('Selkeämpi otsikko');
    expect(edited.json().history.map((h: { kind: string }) => h.kind)).toEqual([
      'submitted',
      'edited',
    ]);
  });

  it('a hidden idea shows only its public reason, and leaves the public list', async () => {
    const idea = await submitIdea(resident, { title: 'Loukkaava otsikko' });
    const hidden = await team.post(`portfolio/ideas/${idea.id}/hide`, {
      reason: 'Asiaton kielenkäyttö',
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    const seen = await ideaOf(anonymous, idea.id);
    expect(seen).toMatchObject({
      hidden: true,
      hiddenReason: 'Asiaton kielenkäyttö',
      title: '',
      problem: '',
    });
    const list = (await anonymous.get('portfolio/ideas')).json().items as Idea[];
    expect(list.map((i) => i.id)).not.toContain(idea.id);
    const teamList = (await team.get('portfolio/ideas?includeHidden=true')).json().items as Idea[];
    expect(teamList.find((i) => i.id === idea.id)?.title).toBe('Loukkaava otsikko');
    // Residents asking for hidden ones get the public list.
    const sneaky = (await resident.get('portfolio/ideas?includeHidden=true')).json()
      .items as Idea[];
    expect(sneaky.map((i) => i.id)).not.toContain(idea.id);
    expect((await guardian.put(`portfolio/ideas/${idea.id}/support`)).statusCode).toBe(409);
    await team.post(`portfolio/ideas/${idea.id}/show`);
    expect((await ideaOf(anonymous, idea.id)).title).toBe('Loukkaava otsikko');
  });

  it('a hidden comment disappears from the public page', async () => {
    const idea = await submitIdea(resident);
    const comment = (
      await guardian.post(`portfolio/ideas/${idea.id}/comments`, { body: 'Roskaa' })
    ).json();
    expect((await team.post(`portfolio/comments/${comment.id}/hide`)).statusCode).toBe(204);
    expect((await ideaOf(anonymous, idea.id)).comments).toEqual([]);
    expect((await ideaOf(team, idea.id)).comments[0]).toMatchObject({ hidden: true });
  });
});

describe('merging duplicates', () => {
  it('supports and followers move over; a person who supported both counts once', async () => {
    const kept = await submitIdea(resident, { title: 'Kirjaston aukiolo sunnuntaisin' });
    const dupA = await submitIdea(guardian, { title: 'Kirjasto auki sunnuntaina' });
    const dupB = await submitIdea(staff, { title: 'Sunnuntain kirjasto' });
    // kept: resident, guardian; dupA: guardian, staff; dupB: staff, team.
    await resident.put(`portfolio/ideas/${kept.id}/support`);
    await guardian.put(`portfolio/ideas/${kept.id}/support`);
    await guardian.put(`portfolio/ideas/${dupA.id}/support`);
    await staff.put(`portfolio/ideas/${dupA.id}/support`);
    await staff.put(`portfolio/ideas/${dupB.id}/support`);
    await team.put(`portfolio/ideas/${dupB.id}/support`);
    await guardian.post(`portfolio/ideas/${dupA.id}/comments`, { body: 'Sama asia' });

    const merged = await team.post(`portfolio/ideas/${kept.id}/merge`, {
      duplicateIds: [dupA.id, dupB.id, dupA.id],
    });
    expect(merged.statusCode, merged.body).toBe(200);
    // resident, guardian, staff, team: four distinct people, not six supports.
    expect(merged.json().supportCount).toBe(4);
    expect(merged.json().comments.map((c: { body: string }) => c.body)).toEqual(['Sama asia']);
    const rows = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('portfolio_supports')
        .select('person_id')
        .where('idea_id', '=', kept.id)
        .execute(),
    );
    expect(new Set(rows.map((r) => r.person_id)).size).toBe(rows.length);
    expect((await ideaOf(staff, kept.id)).followedByMe).toBe(true);

    const old = await ideaOf(anonymous, dupA.id);
    expect(old).toMatchObject({ mergedInto: kept.id, supportCount: 0 });
    expect(old.history.at(-1)?.kind).toBe('merged_into');
    const list = (await anonymous.get('portfolio/ideas')).json().items as Idea[];
    expect(list.map((i) => i.id)).not.toContain(dupA.id);
    // Supporting the merged one again is refused, so no one counts twice later.
    expect((await resident.put(`portfolio/ideas/${dupA.id}/support`)).statusCode).toBe(409);
    expect(
      (await team.post(`portfolio/ideas/${kept.id}/merge`, { duplicateIds: [dupA.id] })).statusCode,
    ).toBe(409);
    expect(
      (await team.post(`portfolio/ideas/${kept.id}/merge`, { duplicateIds: [kept.id] })).statusCode,
    ).toBe(422);
  });
});
