import type { Tx } from '../../platform/db/database.js';
import { hashToken } from '../../platform/auth/session.repo.js';
import { syncAccessGrant } from './access.grants.js';

/**
 * The demo door controller's token, known so that the pull API can be tried by hand in demo
 * mode (curl -H "Authorization: Bearer demo-rantasauna-door-token" …). Demo data never exists
 * in production mode, and staff can rotate it like any door token.
 */
export const DEMO_DOOR_TOKEN = 'demo-rantasauna-door-token';

/**
 * The sauna's door. It is an HTTP pull door so that the demo works without an MQTT broker:
 * its grants wait for the controller to fetch them. The demo bookings of the sauna get theirs.
 */
export async function seedAccessDemo(tx: Tx, municipalityId: (slug: string) => string) {
  const tyrskyla = municipalityId('tyrskyla');
  const sauna = await tx
    .selectFrom('resources')
    .select('id')
    .where('municipality_id', '=', tyrskyla)
    .where('name_fi', '=', 'Rantasauna')
    .executeTakeFirst();
  if (!sauna) return;
  await tx
    .insertInto('doors')
    .values({
      municipality_id: tyrskyla,
      resource_id: sauna.id,
      name: 'Rantasaunan ovi',
      adapter: 'http_pull',
      token_hash: hashToken(DEMO_DOOR_TOKEN),
      token_created_at: new Date(),
    })
    .execute();
  const bookings = await tx
    .selectFrom('reservations')
    .select('id')
    .where('resource_id', '=', sauna.id)
    .where('status', '=', 'confirmed')
    .execute();
  for (const booking of bookings) await syncAccessGrant(tx, tyrskyla, booking.id);
}
