import type { Tx } from '../../platform/db/database.js';
import type { AuthenticatedCtx } from '../../platform/http/context.js';
import { isLanguage, translate } from '../../platform/i18n/messages.js';
import { notifyPeople } from '../../platform/notifications/notifications.service.js';
import type { AbsenceCategory } from '../../platform/db/schema.js';
import { placementsOf, placementOn, staffToTell } from './daycare.repo.js';

export interface TodaysChange {
  childId: string;
  childName: string;
  category: AbsenceCategory;
  note: string;
}

/**
 * Tell the staff of each child's group, in the app and in their own language, that the child
 * is absent today after all (or, when cancelled, is coming after all). Only today's changes
 * are told: later days are on the group's day view. In-app only, no email: the staff read the
 * day view on the unit's phone, and a morning's absences would flood their inboxes.
 */
export async function tellGroupStaff(
  tx: Tx,
  ctx: AuthenticatedCtx,
  kind: 'reported' | 'cancelled',
  today: string,
  changes: TodaysChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const placements = await placementsOf(
    tx,
    changes.map((c) => c.childId),
    today,
    today,
  );
  const notices = [];
  for (const change of changes) {
    const placement = placementOn(placements, change.childId, today);
    if (!placement) continue;
    const staff = await staffToTell(tx, placement.group_id, placement.unit_id, ctx.actor.personId);
    for (const person of staff) {
      const language = isLanguage(person.language) ? person.language : 'fi';
      const params = {
        child: change.childName,
        group: placement.group_name,
        category: translate(language, `daycare.category.${change.category}`),
      };
      const body = [
        translate(language, `notification.daycareAbsence.${kind}.body`, params),
        change.note && kind === 'reported'
          ? translate(language, 'notification.daycareAbsence.note', { note: change.note })
          : '',
      ]
        .filter(Boolean)
        .join(' ');
      notices.push({
        topic: 'absences' as const,
        person: { id: person.id, email: null, language },
        message: {
          title: translate(language, `notification.daycareAbsence.${kind}`, params),
          body,
          link: `/${ctx.municipality.slug}/daycare/staff?group=${placement.group_id}&date=${today}`,
        },
      });
    }
  }
  await notifyPeople(tx, ctx, notices);
}
