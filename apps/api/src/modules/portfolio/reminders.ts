import { inTenant, type Database, type Tx } from '../../platform/db/database.js';
import type { JobHandler } from '../../platform/jobs/worker.js';
import { enqueueJobs } from '../../platform/jobs/queue.js';
import { jobContext } from '../../platform/jobs/context.js';
import { isLanguage, translate } from '../../platform/i18n/messages.js';
import { notifyPeople } from '../../platform/notifications/notifications.service.js';
import * as repo from './experiments.repo.js';
import { DUE_SOON_DAYS, addDays, clockState, formatDay } from './timebox.js';

/**
 * Reminders of the experiment clocks: the owner is reminded before the declaration deadline
 * and before the due date; when either passes, the digital team (the team lead) is told too.
 * Each job checks the experiment when it runs: a declaration, a change of stage or an
 * extension (which schedules reminders of its own) makes the earlier ones do nothing.
 */
export const REMINDER = 'portfolio.reminder';

type Kind = 'declare' | 'declareLate' | 'due' | 'overdue';
interface Payload {
  ideaId: string;
  kind: Kind;
  dueDate: string;
}

const HOUR = 3600_000;
/** About nine in the morning in Helsinki (07:00 UTC: 9.00 in winter, 10.00 in summer). */
const morningOf = (day: string) => new Date(`${day}T07:00:00Z`);
/** How many days before the due date the owner is reminded: when it becomes "due soon". */
export const DUE_REMINDER_DAYS = DUE_SOON_DAYS;

/** The reminders of a started or extended experiment; only the due-date ones after an extension. */
export async function scheduleReminders(
  tx: Tx,
  municipalityId: string,
  ideaId: string,
  clocks: { declareBy: Date | null; dueDate: string },
) {
  const job = (kind: Kind, runAt: Date) => ({
    kind: REMINDER,
    municipalityId,
    runAt,
    payload: { ideaId, kind, dueDate: clocks.dueDate },
  });
  await enqueueJobs(tx, [
    ...(clocks.declareBy
      ? [
          job('declare', new Date(clocks.declareBy.getTime() - 4 * HOUR)),
          job('declareLate', new Date(clocks.declareBy.getTime() + 60_000)),
        ]
      : []),
    job('due', morningOf(addDays(clocks.dueDate, -DUE_REMINDER_DAYS))),
    job('overdue', morningOf(addDays(clocks.dueDate, 1))),
  ]);
}

export function portfolioHandlers(
  db: Database,
  options: { publicUrl: string },
): Record<string, JobHandler> {
  return {
    [REMINDER]: async (job) => {
      const payload = job.payload as Payload;
      const municipalityId = job.municipality_id!;
      const ctx = await jobContext(db, municipalityId, options.publicUrl, `job:${job.id}`);
      await inTenant(db, municipalityId, async (tx) => {
        const row = await repo.findExperiment(tx, payload.ideaId);
        // Finished, stopped, or its due date moved since: nothing to remind of.
        if (!row || row.stage !== 'experiment' || row.due_date !== payload.dueDate) return;
        const state = clockState(row);
        const declaring = payload.kind === 'declare' || payload.kind === 'declareLate';
        if (declaring && row.declared_at) return;
        if (payload.kind === 'declareLate' && !state.declarationLate) return;
        if (payload.kind === 'overdue' && !state.overdue) return;
        const escalate = payload.kind === 'declareLate' || payload.kind === 'overdue';
        const people = await tx
          .selectFrom('people as p')
          .select(['p.id', 'p.email', 'p.language'])
          .where((eb) =>
            eb.or([
              eb('p.id', '=', row.owner_id ?? '00000000-0000-0000-0000-000000000000'),
              ...(escalate
                ? [
                    eb(
                      'p.id',
                      'in',
                      eb
                        .selectFrom('role_grants')
                        .select('person_id')
                        .where('role', '=', 'digital_team'),
                    ),
                  ]
                : []),
            ]),
          )
          .execute();
        await notifyPeople(
          tx,
          ctx,
          people.map((person) => {
            const language = isLanguage(person.language) ? person.language : 'fi';
            const params = {
              title: row.title,
              date: formatDay(language, row.due_date),
              days: Math.abs(state.daysLeft),
            };
            return {
              person: { id: person.id, email: person.email, language },
              message: {
                title: translate(language, `notification.portfolio.${payload.kind}`, params),
                body: translate(language, `notification.portfolio.${payload.kind}.body`, params),
                link: `/${ctx.municipality.slug}/portfolio/ideas/${row.idea_id}`,
              },
            };
          }),
        );
      });
    },
  };
}
