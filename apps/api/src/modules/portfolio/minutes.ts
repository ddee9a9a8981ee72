import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { translate, type Language } from '../../platform/i18n/messages.js';
import * as repo from './rounds.repo.js';
import { combinedScore, formatScore } from './scoring.js';
import { getRound } from './rounds.js';
import type { Decision } from './portfolio.tables.js';

/** Closing a round, its minutes (generated from the decisions) and publishing them. */

const TEAM = ['digital_team', 'admin'] as const;

/** A round closes once every idea on its agenda has a decision. */
export async function closeRound(ctx: Ctx, roundId: string) {
  requireRole(ctx, ...TEAM);
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const round = await repo.findRound(tx, roundId, true);
    if (!round) throw notFound();
    if (round.closed_at) return;
    const open = (await repo.roundItems(tx, roundId)).filter((i) => i.decision === null);
    if (open.length > 0) {
      throw new AppError(422, 'portfolioRoundUndecided', {
        titles: open.map((i) => i.title).join(', '),
      });
    }
    await tx
      .updateTable('portfolio_rounds')
      .set({ closed_at: new Date() })
      .where('id', '=', roundId)
      .execute();
    await audit(tx, ctx, 'portfolio.round.close', `round:${roundId}`);
  });
  return getRound(ctx, roundId);
}

export async function publishMinutes(ctx: Ctx, roundId: string) {
  requireRole(ctx, ...TEAM);
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const round = await repo.findRound(tx, roundId, true);
    if (!round) throw notFound();
    if (!round.closed_at) throw new AppError(409, 'portfolioRoundOpen');
    await tx
      .updateTable('portfolio_rounds')
      .set({ minutes_published_at: round.minutes_published_at ?? new Date() })
      .where('id', '=', roundId)
      .execute();
    await audit(tx, ctx, 'portfolio.round.publish', `round:${roundId}`);
  });
  return getMinutes(ctx, roundId);
}

interface Minutes {
  title: string;
  meetingDate: string;
  published: boolean;
  municipality: string;
  scorers: string[];
  items: {
    ideaId: string;
    title: string;
    decision: Decision | null;
    reason: string;
    timeboxDays: 21 | 105 | null;
    combinedScore: number | null;
  }[];
}

/** The minutes: public once published, to the team always (a draft before that). */
export async function getMinutes(ctx: Ctx, roundId: string): Promise<Minutes & { text: string }> {
  const team = TEAM.some((role) => ctx.roles.includes(role));
  const language = ctx.language;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const round = await repo.findRound(tx, roundId);
    if (!round || (!team && !round.minutes_published_at)) throw notFound();
    const [criteria, items, scores, scorers] = await Promise.all([
      repo.roundCriteria(tx, roundId),
      repo.roundItems(tx, roundId),
      repo.scoreAverages(tx, roundId),
      repo.scorerNames(tx, roundId),
    ]);
    const rows = items.map((item) => ({
      ideaId: item.idea_id,
      title: item.title,
      decision: item.decision,
      reason: item.reason,
      timeboxDays: item.timebox_days as 21 | 105 | null,
      combinedScore: combinedScore(
        criteria,
        new Map(
          scores.averages
            .filter((a) => a.idea_id === item.idea_id)
            .map((a) => [a.criterion_id, Number(a.average)]),
        ),
      ),
    }));
    const minutes: Minutes = {
      title: round.title,
      meetingDate: round.meeting_date,
      published: round.minutes_published_at !== null,
      municipality: ctx.municipality.name[language],
      scorers,
      items: rows,
    };
    const weights = criteria.map((c) => `${c[`name_${language}`]} ${c.weight}`).join(', ');
    return { ...minutes, text: minutesText(language, minutes, weights) };
  });
}

function minutesText(language: Language, m: Minutes, weights: string): string {
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(language, `portfolio.minutes.${key}`, params);
  const [y, mo, d] = m.meetingDate.split('-').map(Number);
  const date = language === 'en' ? `${d}/${mo}/${y}` : `${d}.${mo}.${y}`;
  const lines = [
    `${m.municipality} – ${m.title}`,
    t('date', { date }),
    t('present', { names: m.scorers.join(', ') || '–' }),
    t('criteria', { weights }),
    '',
  ];
  m.items.forEach((item, i) => {
    lines.push(`${i + 1}. ${item.title}`);
    lines.push(`   ${t('score', { score: formatScore(language, item.combinedScore) })}`);
    const decision = item.decision ? t(`decision.${item.decision}`) : t('undecided');
    const timebox = item.timeboxDays ? ` (${t('timebox', { days: item.timeboxDays })})` : '';
    lines.push(`   ${t('decision')}: ${decision}${timebox}`);
    if (item.reason) lines.push(`   ${t('reason')}: ${item.reason}`);
    lines.push('');
  });
  return lines.join('\n');
}
