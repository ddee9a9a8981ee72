import type { Tx } from '../../platform/db/database.js';

/**
 * Teams, metrics and spending for Tyrskylä's demo experiments, so the idea page shows a
 * cross-department team, metrics with baselines and targets, and one experiment over budget.
 */
// Only people the core demo seed creates (the portfolio seed runs before the other modules').
const TEAMS: { email?: string; name?: string; department: string }[][] = [
  [
    { email: 'digiryhma@tyrskyla.example', department: 'Digitalisaatio' },
    { name: 'Tiina Talouspalveluista', department: 'Talous' },
    { name: 'Kaisa Kirjastolta', department: 'Kulttuuri' },
  ],
  [
    { name: 'Päiväkoti Majakan Maija', department: 'Varhaiskasvatus' },
    { email: 'tilat@tyrskyla.example', department: 'Tilapalvelut' },
  ],
  [
    { email: 'tilat@tyrskyla.example', department: 'Tilapalvelut' },
    { name: 'Nuorisovaltuusto', department: 'Nuorisopalvelut' },
    { email: 'admin@tyrskyla.example', department: 'Hallinto' },
  ],
];

const METRICS = [
  { name: 'Verkossa hoidetut asioinnit', unit: '%', baseline: 20, target: 40 },
  { name: 'Käyttäjätyytyväisyys', unit: '1–5', baseline: 3.4, target: 4 },
];

export async function seedExperimentDetails(
  tx: Tx,
  municipality: string,
  personId: (email: string) => string,
) {
  const experiments = await tx
    .selectFrom('portfolio_experiments')
    .select(['idea_id', 'budget_granted_cents'])
    .where('municipality_id', '=', municipality)
    .orderBy('decided_at')
    .execute();
  for (const [i, e] of experiments.entries()) {
    const team = TEAMS[i % TEAMS.length]!;
    await tx
      .insertInto('portfolio_experimenters')
      .values(
        team.map((x, position) => ({
          municipality_id: municipality,
          idea_id: e.idea_id,
          position,
          person_id: x.email ? personId(x.email) : null,
          name: x.name ?? '',
          department: x.department,
        })),
      )
      .execute();
    await tx
      .insertInto('portfolio_metrics')
      .values(
        METRICS.map((m, position) => ({
          municipality_id: municipality,
          idea_id: e.idea_id,
          position,
          ...m,
          // The oldest experiment has measured its first metric already.
          result: i === 0 && position === 0 ? 34 : null,
        })),
      )
      .execute();
    // The second one has spent more than it was granted: the page shows it.
    const spent = i === 1 ? Math.round(e.budget_granted_cents * 1.2) : 0;
    if (spent > 0) {
      await tx
        .updateTable('portfolio_experiments')
        .set({ budget_spent_cents: spent })
        .where('idea_id', '=', e.idea_id)
        .execute();
    }
  }
}
