import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import type { ExperimentOutcome } from './portfolio.tables.js';
import { daysAgo } from './portfolio.demo-round.js';
import { startClocks } from './timebox.js';

/**
 * Tyrskylä's finished experiments: the three adopted ideas ran as experiments, were declared,
 * finished with their lessons and celebrated on the public journal. The sauna's numbers are
 * the ones its case card tells (cases.demo.ts links the card to the idea).
 */
interface Finished {
  key: string;
  outcome: ExperimentOutcome;
  decidedAgo: number;
  finishedAgo: number;
  declaration: string;
  summary: string;
  lessons: string;
  grantedCents: number;
  spentCents: number;
  metrics?: { name: string; unit: string; baseline: number; target: number; result: number }[];
}

const FINISHED: Finished[] = [
  {
    key: 'absence',
    outcome: 'adopted',
    decidedAgo: 190,
    finishedAgo: 85,
    declaration: 'Kolme päiväkotia ottaa poissaoloilmoitukset sovelluksessa käyttöön maanantaina.',
    summary: 'Poissaolot ilmoitetaan nyt sovelluksessa kaikissa päiväkodeissa.',
    lessons:
      'Aamun puhelut loppuivat lähes kokonaan. Henkilöstö halusi ilmoituksen myös tekstiviestinä, kun sovellus ei ole auki.',
    grantedCents: 200000,
    spentCents: 165000,
  },
  {
    key: 'video',
    outcome: 'adopted',
    decidedAgo: 110,
    finishedAgo: 89,
    declaration: 'Kuvaamme jokaisesta hallituksen kokouksesta minuutin videon samana iltana.',
    summary: 'Kokousvideot jatkuvat pysyvänä käytäntönä.',
    lessons:
      'Kännykkä ja yksi kuvaaja riittivät. Tekstitys kannatti tehdä heti, sillä moni katsoo videot ilman ääntä.',
    grantedCents: 30000,
    spentCents: 12000,
  },
  {
    key: 'sauna',
    outcome: 'adopted',
    decidedAgo: 45,
    finishedAgo: 24,
    declaration: 'Rantasauna auki ovikoodilla kolme viikkoa: varaa vuoro Helpossa.',
    summary: 'Omatoimivaraus jää käyttöön, ja siivousvuoro on varauskalenterissa.',
    lessons:
      'Pieni kokeilu riitti: 21 päivässä nähtiin, että iltavuorot täyttyvät. Siivousvuoro piti lisätä varauskalenteriin heti alussa.',
    grantedCents: 150000,
    spentCents: 120000,
    metrics: [
      { name: 'Varatut vuorot kuukaudessa', unit: 'kpl', baseline: 14, target: 30, result: 46 },
      { name: 'Avainten luovutukset', unit: 'kpl/kk', baseline: 14, target: 0, result: 0 },
    ],
  },
];

export async function seedOutcomeDemo(
  tx: Tx,
  municipality: string,
  ids: Map<string, string>,
  personId: (email: string) => string,
) {
  for (const f of FINISHED) {
    const ideaId = ids.get(f.key)!;
    const idea = await tx
      .selectFrom('portfolio_ideas')
      .select(['owner_id', 'timebox_days'])
      .where('id', '=', ideaId)
      .executeTakeFirstOrThrow();
    const decidedAt = daysAgo(f.decidedAgo, 12);
    const finishedAt = daysAgo(f.finishedAgo, 13);
    const { declareBy, dueDate } = startClocks(decidedAt, idea.timebox_days!);
    await tx
      .insertInto('portfolio_experiments')
      .values({
        municipality_id: municipality,
        idea_id: ideaId,
        timebox_days: idea.timebox_days!,
        decided_at: decidedAt,
        declare_by: declareBy,
        declared_at: new Date(decidedAt.getTime() + 2 * 3600_000),
        declaration: f.declaration,
        due_date: dueDate,
        budget_granted_cents: f.grantedCents,
        budget_spent_cents: f.spentCents,
        outcome: f.outcome,
        lessons: f.lessons,
        outcome_summary: f.summary,
        finished_at: finishedAt,
        finished_by: idea.owner_id,
      })
      .execute();
    if (f.metrics) {
      await tx
        .insertInto('portfolio_metrics')
        .values(
          f.metrics.map((m, position) => ({
            municipality_id: municipality,
            idea_id: ideaId,
            position,
            ...m,
          })),
        )
        .execute();
    }
    await tx
      .insertInto('portfolio_journal_posts')
      .values({
        municipality_id: municipality,
        idea_id: ideaId,
        author_id: idea.owner_id ?? personId('digiryhma@tyrskyla.example'),
        body: `${f.summary}\n\n${f.lessons}`,
        visibility: 'public',
        kind: f.outcome === 'stopped' ? 'post' : 'celebration',
        created_at: finishedAt,
      })
      .execute();
  }
}

/**
 * Every declared demo experiment's declaration as its first public post, as finishing and
 * declaring write it (and as migration 0027 wrote it for experiments declared before).
 */
export async function seedDeclarationPosts(tx: Tx, municipality: string) {
  await sql`
    insert into portfolio_journal_posts
      (municipality_id, idea_id, author_id, body, visibility, kind, created_at)
    select e.municipality_id, e.idea_id, coalesce(i.owner_id, i.submitted_by),
      btrim(e.declaration), 'public', 'declaration', e.declared_at
    from portfolio_experiments e
    join portfolio_ideas i on i.id = e.idea_id
    where e.municipality_id = ${municipality} and e.declared_at is not null
      and length(btrim(e.declaration)) > 0`.execute(tx);
}
