import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/helpers.js';
import { loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { safeFilename, sniffType } from './messages.attachments.js';
import { myDaycare } from './test-support.js';

/**
 * Message attachments: the type by the bytes, the limits with nothing written, access only for
 * the thread's participants, the download headers and its audit record.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let guardian: Client;
let majakka: Client;
let aallokko: Client;
let otherFamily: Client;
let eino: string;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const file = (filename: string, contentType: string, data: Buffer) => ({
  filename,
  contentType,
  dataBase64: data.toString('base64'),
});

const send = (client: Client, attachments: unknown[], title = 'Liitteitä') =>
  client.post('messages/threads', {
    scope: 'child',
    childId: eino,
    kind: 'message',
    title,
    body: 'Katso liitteet.',
    urgent: false,
    requiresAck: false,
    attachments,
  });

/** Rows in the message tables: a refused upload must change none of them. */
const written = () =>
  asSystem(rt.db, async (tx) => {
    const count = async (table: 'message_threads' | 'messages' | 'message_attachments') =>
      Number(
        (
          await tx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      threads: await count('message_threads'),
      messages: await count('messages'),
      attachments: await count('message_attachments'),
    };
  });

const auditOf = (action: string, target: string) =>
  asSystem(rt.db, (tx) =>
    tx
      .selectFrom('audit_events')
      .innerJoin('people', 'people.id', 'audit_events.actor_person_id')
      .select(['people.email'])
      .where('action', '=', action)
      .where('target', '=', target)
      .execute(),
  );

beforeAll(async () => {
  rt = await startRuntime();
  guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
  majakka = await loggedIn(rt.app, 'majakka@tyrskyla.example');
  aallokko = await loggedIn(rt.app, 'aallokko@tyrskyla.example');
  eino = (await myDaycare(guardian)).child('Eino').id;
  // A guardian of another demo family (in the same municipality, with children of their own).
  const other = await asSystem(rt.db, (tx) =>
    tx
      .selectFrom('people')
      .innerJoin('guardianships as g', 'g.person_id', 'people.id')
      .select('people.email')
      .where('people.email', 'like', '%@perhe.example')
      .orderBy('people.email')
      .executeTakeFirstOrThrow(),
  );
  // Demo families have no password; give this one the demo guardian's.
  await asSystem(rt.db, (tx) =>
    tx
      .updateTable('people')
      .set((eb) => ({
        password_hash: eb
          .selectFrom('people as p')
          .select('p.password_hash')
          .where('p.email', '=', 'huoltaja@tyrskyla.example'),
      }))
      .where('email', '=', other.email)
      .execute(),
  );
  otherFamily = await loggedIn(rt.app, other.email!);
});
afterAll(async () => rt?.dispose());

describe('message attachments', () => {
  it('knows a file by its first bytes and keeps file names harmless', () => {
    expect(sniffType(PDF)).toBe('application/pdf');
    expect(sniffType(PNG)).toBe('image/png');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffType(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\Users\\x\\"kuva".png')).toBe('_kuva_.png');
    expect(safeFilename('a\r\nSet-Cookie: x.pdf')).toBe('a__Set-Cookie_ x.pdf');
    expect(safeFilename('...')).toBe('liite');
  });

  it('sends files with a message; a recipient downloads one, with safe headers and an audit record', async () => {
    const sent = await send(majakka, [
      file('Retkikirje ÄÖ "1".pdf', 'application/pdf', PDF),
      file('kuva.png', 'image/png', PNG),
    ]);
    expect(sent.statusCode, sent.body).toBe(201);
    const thread = await guardian.get(`messages/threads/${sent.json().id}`);
    expect(thread.statusCode, thread.body).toBe(200);
    const [pdf, png] = thread.json().messages[0].attachments;
    expect(pdf).toMatchObject({
      filename: 'Retkikirje ÄÖ _1_.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect(png).toMatchObject({ filename: 'kuva.png', contentType: 'image/png' });

    const download = await guardian.get(`messages/attachments/${pdf.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Retkikirje __ _1_.pdf"; filename*=UTF-8''${encodeURIComponent('Retkikirje ÄÖ _1_.pdf')}`,
    );
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(
      (await auditOf('daycare.message.attachment.download', `message-attachment:${pdf.id}`)).map(
        (a) => a.email,
      ),
    ).toEqual(['huoltaja@tyrskyla.example']);

    // Not a participant: a guardian of another family, the staff of another unit.
    expect((await otherFamily.get(`messages/attachments/${png.id}`)).statusCode).toBe(404);
    expect((await aallokko.get(`messages/attachments/${png.id}`)).statusCode).toBe(404);
    expect((await aallokko.get(`messages/threads/${sent.json().id}`)).statusCode).toBe(404);
    expect(
      await auditOf('daycare.message.attachment.download', `message-attachment:${png.id}`),
    ).toEqual([]);
    expect(
      (await guardian.get('messages/attachments/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);

    // A reply may carry files too; the staff who sent the thread download them.
    const reply = await guardian.post(`messages/threads/${sent.json().id}/replies`, {
      body: 'Tässä kuva.',
      attachments: [file('vastaus.png', 'image/png', PNG)],
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const again = (await majakka.get(`messages/threads/${sent.json().id}`)).json();
    const replied = again.messages.find((m: { id: string }) => m.id === reply.json().id);
    expect(replied.attachments).toHaveLength(1);
    const image = await majakka.get(`messages/attachments/${replied.attachments[0].id}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
  });

  it('refuses a file that is not what it claims, and writes nothing', async () => {
    const before = await written();
    const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
    const fake = await send(majakka, [
      file('ok.png', 'image/png', PNG),
      file('lasku.pdf', 'application/pdf', html),
    ]);
    expect(fake.statusCode).toBe(422);
    expect(fake.headers['content-type']).toContain('application/problem+json');
    expect(fake.json()).toMatchObject({
      code: 'attachmentType',
      title: 'Liitteen lasku.pdf tiedostomuotoa ei hyväksytä',
    });
    // A PNG declared a JPEG is refused too: the stored type is the one the bytes prove.
    const mislabelled = await send(majakka, [file('kuva.jpg', 'image/jpeg', PNG)]);
    expect(mislabelled.json().code).toBe('attachmentType');
    // Nor is any other type accepted, whatever its bytes.
    const svg = await send(majakka, [file('x.svg', 'image/svg+xml', Buffer.from('<svg/>'))]);
    expect(svg.statusCode).toBe(400);
    expect(await written()).toEqual(before);
  });

  it('enforces the count and size limits with translated errors, and writes nothing', async () => {
    const before = await written();
    const six = Array.from({ length: 6 }, (_, i) => file(`k${i}.png`, 'image/png', PNG));
    const many = await send(majakka, six);
    expect(many.statusCode).toBe(422);
    expect(many.json()).toMatchObject({ code: 'attachmentCount', title: 'Liian monta liitettä' });

    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const large = await send(majakka, [file('iso.pdf', 'application/pdf', big)]);
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({
      code: 'attachmentTooLarge',
      title: 'Liite iso.pdf on liian suuri',
    });

    // Three files of 7 MB: each within its limit, together over 20 MB.
    const seven = Buffer.concat([PDF, Buffer.alloc(7 * 1024 * 1024 - PDF.length)]);
    const total = await send(
      majakka,
      [1, 2, 3].map((i) => file(`${i}.pdf`, 'application/pdf', seven)),
    );
    expect(total.statusCode).toBe(413);
    expect(total.json().code).toBe('attachmentsTooLarge');
    // Far over: refused before the body is read, still a translated problem.
    const huge = await send(
      majakka,
      [1, 2, 3, 4, 5].map((i) => file(`${i}.pdf`, 'application/pdf', seven)),
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'payloadTooLarge' });

    const sentBefore = (await guardian.get('messages/threads')).json().items.length;
    const reply = await guardian.post(
      `messages/threads/${(await guardian.get('messages/threads')).json().items[0].id}/replies`,
      { body: 'Liian monta', attachments: six },
    );
    expect(reply.statusCode).toBe(422);
    expect((await guardian.get('messages/threads')).json().items.length).toBe(sentBefore);
    expect(await written()).toEqual(before);
  });
});
