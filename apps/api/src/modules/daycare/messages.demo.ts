import type { Tx } from '../../platform/db/database.js';
import { addToTotals } from './messages.repo.js';

/**
 * One demo thread: Päiväkoti Majakka's bulletin to the Meritähdet group (Eino's), asking for
 * acknowledgement, so the demo guardian has an unread message with the red dot and the sender
 * a list of who has not acknowledged. Counters as the service would leave them.
 */
export async function seedDemoMessages(
  tx: Tx,
  m: string,
  senderId: string,
  unitId: string,
  groupId: string,
  today: string,
) {
  const guardians = await tx
    .selectFrom('daycare_placements as p')
    .innerJoin('guardianships as g', 'g.child_id', 'p.child_id')
    .select('g.person_id')
    .distinct()
    .where('p.group_id', '=', groupId)
    .where('p.start_date', '<=', today)
    .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', today)]))
    .execute();
  const thread = await tx
    .insertInto('message_threads')
    .values({
      municipality_id: m,
      kind: 'bulletin',
      title: 'Syysretki Majakkasaareen',
      urgent: false,
      requires_ack: true,
      scope: 'group',
      unit_id: unitId,
      group_id: groupId,
      created_by: senderId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('messages')
    .values({
      municipality_id: m,
      thread_id: thread.id,
      author_id: senderId,
      body:
        'Lähdemme ensi viikolla retkelle Majakkasaareen. Pukekaa lapselle sään mukaiset ' +
        'vaatteet ja kumisaappaat. Kuitatkaa tämä luetuksi.',
    })
    .execute();
  await tx
    .insertInto('thread_participants')
    .values([
      { municipality_id: m, thread_id: thread.id, person_id: senderId, role: 'staff' },
      ...guardians.map((g) => ({
        municipality_id: m,
        thread_id: thread.id,
        person_id: g.person_id,
        role: 'guardian' as const,
        unread_count: 1,
      })),
    ])
    .execute();
  await addToTotals(
    tx,
    m,
    guardians.map((g) => g.person_id),
    1,
  );
}
