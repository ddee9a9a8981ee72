import type { Tx } from '../../platform/db/database.js';
import { addToTotals } from './messages.repo.js';

/** A one-page PDF with one line of text (Latin-1, parentheses escaped), offsets computed. */
export function demoPdf(text: string): Buffer {
  const content = `BT /F1 24 Tf 72 760 Td (${text.replace(/([()\\])/g, '\\$1')}) Tj ET`;
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${content.length}>>stream\n${content}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * One demo thread: Päiväkoti Majakka's bulletin to the Meritähdet group (Eino's), asking for
 * acknowledgement, so the demo guardian has an unread message with the red dot and the sender
 * a list of who has not acknowledged, with a PDF attachment. Counters as the service would
 * leave them.
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
  const message = await tx
    .insertInto('messages')
    .values({
      municipality_id: m,
      thread_id: thread.id,
      author_id: senderId,
      body:
        'Lähdemme ensi viikolla retkelle Majakkasaareen. Pukekaa lapselle sään mukaiset ' +
        'vaatteet ja kumisaappaat. Kuitatkaa tämä luetuksi.',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pdf = demoPdf('Syysretki Majakkasaareen (demo)');
  await tx
    .insertInto('message_attachments')
    .values({
      municipality_id: m,
      message_id: message.id,
      thread_id: thread.id,
      position: 0,
      filename: 'retkiohje.pdf',
      content_type: 'application/pdf',
      size_bytes: pdf.length,
      data: pdf,
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
