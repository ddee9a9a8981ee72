import { inTenant } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/http/context.js';
import { localDate } from '../../platform/i18n/time.js';
import * as repo from './numbers.repo.js';
import { EXPERIMENTER_TARGET } from './experiment-details.js';
import { clock } from './timebox.js';

/** At most this many years back: the chart stays readable, the table too. */
const MAX_YEARS = 10;

/**
 * The portfolio in numbers, per year: ideas submitted → decided in a round → experiments
 * started → adopted, and the distinct experimenters against the municipality's target.
 * Public on purpose: these are counts of the public portfolio, nothing personal (no names,
 * no hidden ideas), and residents are entitled to see how their ideas fare. The steps are
 * counted in the year they happened, so an idea of 2025 adopted in 2026 counts in both.
 */
export async function portfolioFunnel(ctx: Ctx) {
  const thisYear = Number(localDate(clock.now()).slice(0, 4));
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const [steps, experimenters] = await Promise.all([
      repo.funnelCounts(tx),
      repo.experimentersPerYear(tx),
    ]);
    const known = [...steps, ...experimenters].map((r) => r.year).filter((y) => y <= thisYear);
    const first = Math.max(Math.min(thisYear, ...known), thisYear - MAX_YEARS + 1);
    const years = [];
    for (let y = first; y <= thisYear; y += 1) {
      const step = (name: repo.FunnelStep) =>
        steps.find((r) => r.step === name && r.year === y)?.count ?? 0;
      years.push({
        year: y,
        submitted: step('submitted'),
        decided: step('decided'),
        started: step('started'),
        adopted: step('adopted'),
        experimenters: experimenters.find((r) => r.year === y)?.count ?? 0,
      });
    }
    return { experimenterTarget: EXPERIMENTER_TARGET, years };
  });
}
