import type { Insertable } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import type { PortfolioEventsTable } from './portfolio.tables.js';
import { DECISION_STAGE, DEFAULT_STAGES } from './stages.js';
import { DEFAULT_CRITERIA } from './config.js';
import { startClocks } from './timebox.js';
import { DEMO_DECISIONS, DEMO_IDEAS } from './portfolio.demo-ideas.js';
import { MORE_DEMO_IDEAS } from './portfolio.demo-more.js';
import { daysAgo, seedRound } from './portfolio.demo-round.js';
import { EARLIER_DECISIONS, EARLIER_DEMO_IDEAS } from './portfolio.demo-earlier.js';
import { seedExperimentDetails } from './experiment-details.demo.js';
import { seedJournalDemo } from './journal.demo.js';
import { seedIdeaAttachmentsDemo } from './attachments.demo.js';
import { seedDeclarationPosts, seedOutcomeDemo } from './outcome.demo.js';

/**
 * Tyrskylä's portfolio: thirty ideas in every stage with supports, followers and a few
 * comments, and two decision rounds closed with their minutes published: the spring round
 * forty days ago (two ideas wait, one was turned down) and the round ten days ago (three
 * experiments started, one idea waits, one was turned down); three adopted ideas were
 * experiments, finished and celebrated on the public journal. Pyhäranta has one idea of its
 * own, for tenant isolation.
 */
export async function seedPortfolioDemo(
  tx: Tx,
  municipalityId: (slug: string) => string,
  personId: (email: string) => string,
) {
  const municipality = municipalityId('tyrskyla');
  const digiryhma = personId('digiryhma@tyrskyla.example');
  const ids = new Map<string, string>();
  const decided = new Map([...DEMO_DECISIONS, ...EARLIER_DECISIONS].map((d) => [d.key, d]));
  for (const idea of [...DEMO_IDEAS, ...MORE_DEMO_IDEAS, ...EARLIER_DEMO_IDEAS]) {
    const decision = decided.get(idea.key);
    const stage = decision ? DECISION_STAGE[decision.decision] : idea.stage;
    const owner = decision?.owner ?? idea.owner;
    const { id } = await tx
      .insertInto('portfolio_ideas')
      .values({
        municipality_id: municipality,
        title: idea.title,
        problem: idea.problem,
        proposal: idea.proposal,
        themes: idea.themes,
        departments: idea.departments,
        target_groups: idea.targetGroups,
        submitted_by: personId(idea.by),
        submitted_as:
          idea.by.startsWith('asukas') || idea.by.startsWith('huoltaja') ? 'resident' : 'staff',
        stage,
        owner_id: owner ? personId(owner) : null,
        timebox_days: decision?.timebox ?? idea.timebox ?? null,
        goal: idea.goal ?? '',
        results: idea.results ?? '',
        created_at: daysAgo(idea.age),
        updated_at: daysAgo(Math.min(idea.age, 10)),
        stage_changed_at: daysAgo(Math.min(idea.age, 10)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(idea.key, id);
    if (idea.decidedAgo && idea.timebox) {
      // Declared on time, but past its 21 days: the overdue view has it.
      const decidedAt = daysAgo(idea.decidedAgo, 12);
      const { declareBy, dueDate } = startClocks(decidedAt, idea.timebox);
      await tx
        .insertInto('portfolio_experiments')
        .values({
          municipality_id: municipality,
          idea_id: id,
          timebox_days: idea.timebox,
          decided_at: decidedAt,
          declare_by: declareBy,
          declared_at: daysAgo(idea.decidedAgo, 15),
          declaration: 'Chat auki arkisin 9–15 kolme viikkoa. Kokeile ja kerro mielipiteesi!',
          due_date: dueDate,
          budget_granted_cents: 150000,
          budget_spent_cents: 98000,
        })
        .execute();
      await seedJournalDemo(tx, municipality, id, personId);
    }
    const people = [...new Set([idea.by, ...idea.supporters])];
    if (idea.supporters.length > 0) {
      await tx
        .insertInto('portfolio_supports')
        .values(
          idea.supporters.map((email) => ({
            municipality_id: municipality,
            idea_id: id,
            person_id: personId(email),
          })),
        )
        .execute();
    }
    await tx
      .insertInto('portfolio_followers')
      .values(
        people.map((email) => ({
          municipality_id: municipality,
          idea_id: id,
          person_id: personId(email),
        })),
      )
      .execute();
    const base = { municipality_id: municipality, idea_id: id };
    const events: Insertable<PortfolioEventsTable>[] = [
      {
        ...base,
        kind: 'submitted',
        to_stage: 'idea',
        actor_id: personId(idea.by),
        created_at: daysAgo(idea.age),
      },
    ];
    // Ideas further on took the usual road; the round's own moves are added below.
    const road = ['idea', 'screening', 'experiment', 'evaluation', 'adopted'];
    const reached = decision ? 1 : road.indexOf(idea.stage);
    for (let step = 1; step <= reached; step++) {
      events.push({
        ...base,
        kind: 'stage',
        from_stage: road[step - 1]!,
        to_stage: road[step]!,
        actor_id: digiryhma,
        created_at: daysAgo(Math.max(idea.age - step * 7, 11)),
      });
    }
    await tx.insertInto('portfolio_events').values(events).execute();
  }
  await tx
    .insertInto('portfolio_comments')
    .values(
      [
        {
          key: 'rooms',
          by: 'huoltaja@tyrskyla.example',
          body: 'Meidän kuoro tarvitsisi tilaa torstaisin!',
        },
        {
          key: 'rooms',
          by: 'tilat@tyrskyla.example',
          body: 'Ovet on jo valmiina, kokeillaan tammikuussa.',
        },
        {
          key: 'snow',
          by: 'asukas@tyrskyla.example',
          body: 'Kyllä! Myös hiekoitus samalle kartalle.',
        },
        { key: 'walk', by: 'huoltaja@tyrskyla.example', body: 'Lapsetkin mukaan?' },
      ].map((c, i) => ({
        municipality_id: municipality,
        idea_id: ids.get(c.key)!,
        author_id: personId(c.by),
        body: c.body,
        created_at: daysAgo(15 - i),
      })),
    )
    .execute();
  await seedRound(tx, municipality, digiryhma, ids, {
    title: 'Kevään päätöskierros',
    heldDaysAgo: 40,
    decisions: EARLIER_DECISIONS,
  });
  await seedRound(tx, municipality, digiryhma, ids);
  await seedExperimentDetails(tx, municipality, personId);
  await seedIdeaAttachmentsDemo(
    tx,
    municipality,
    ids.get('snow')!,
    personId('huoltaja@tyrskyla.example'),
  );
  await seedOutcomeDemo(tx, municipality, ids, personId);
  await seedDeclarationPosts(tx, municipality);
  // Tyrskylä has set its pipeline and criteria explicitly (as the defaults, for now), so the
  // digital team can see and change them; Pyhäranta runs on the defaults.
  await tx
    .insertInto('portfolio_stages')
    .values(
      DEFAULT_STAGES.map((stage) => ({
        municipality_id: municipality,
        key: stage.key,
        position: stage.position,
        closed: stage.closed,
        name_fi: stage.name.fi,
        name_sv: stage.name.sv,
        name_en: stage.name.en,
        required_fields: stage.requiredFields,
      })),
    )
    .execute();
  await tx
    .insertInto('portfolio_criteria')
    .values(
      DEFAULT_CRITERIA.map((c) => ({
        municipality_id: municipality,
        key: c.key,
        position: c.position,
        weight: c.weight,
        name_fi: c.name.fi,
        name_sv: c.name.sv,
        name_en: c.name.en,
      })),
    )
    .execute();
  const pyharanta = municipalityId('pyharanta');
  await tx
    .insertInto('portfolio_ideas')
    .values({
      municipality_id: pyharanta,
      title: '24 tunnin julistus: mitä teet Pyhärannan hyväksi?',
      problem: 'Kokeilut jäävät suunnitteluasteelle.',
      proposal: 'Jokainen kokeilu julistetaan julkisesti vuorokauden sisällä päätöksestä.',
      submitted_by: personId('admin@pyharanta.example'),
      submitted_as: 'staff',
    })
    .execute();
}
