import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import { childrenOf } from '../../platform/family/children.js';
import { absenceCutoff, placementsOf, type PlacementRow } from './daycare.repo.js';
import { firstOpenDay, hhmm, todayAt } from './days.js';

export const placementView = (p: PlacementRow) => ({
  id: p.id,
  unit: {
    id: p.unit_id,
    name: p.unit_name,
    address: p.unit_address,
    phone: p.unit_phone,
    email: p.unit_email,
    operationDays: p.operation_days,
  },
  group: { id: p.group_id, name: p.group_name },
  startDate: p.start_date,
  endDate: p.end_date,
});

/**
 * The signed-in guardian's children with their daycare placements from today on (unit and
 * group), and what the absence form needs to know: today, the cut-off and the first day that
 * can still be reported.
 */
export async function listMyDaycareChildren(ctx: Ctx) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const cutoff = await absenceCutoff(tx);
    const now = todayAt(cutoff);
    const children = await childrenOf(tx, actor.personId);
    const placements = await placementsOf(
      tx,
      children.map((c) => c.id),
      now.today,
      null,
    );
    await audit(tx, ctx, 'daycare.family.read', `person:${actor.personId}`, {
      children: children.map((c) => c.id),
    });
    return {
      today: now.today,
      absenceCutoff: hhmm(cutoff),
      firstOpenDay: firstOpenDay(now),
      children: children.map((child) => ({
        id: child.id,
        firstName: child.first_name,
        lastName: child.last_name,
        birthDate: child.birth_date,
        placements: placements.filter((p) => p.child_id === child.id).map(placementView),
      })),
    };
  });
}
