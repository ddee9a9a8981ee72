import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { ideaOf, submitIdea } from './test-support.js';

/**
 * Idea attachments: images (resized, with a text alternative) and PDF, the type by the bytes,
 * the limits with nothing written, a hidden idea's files for the team only, tenant isolation,
 * the team's removal and the audit records.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let resident: Client;
let anonymous: Client;
let png: Buffer;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const file = (filename: string, contentType: string, data: Buffer, altText?: string) => ({
  filename,
  contentType,
  dataBase64: data.toString('base64'),
  ...(altText === undefined ? {} : { altText }),
});

interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  altText: string | null;
}
const attachmentsOf = async (client: Client, ideaId: string) =>
  ((await ideaOf(client, ideaId)) as unknown as { attachments: Attachment[] }).attachments;
const fileUrl = (ideaId: string, id: string) => `portfolio/ideas/${ideaId}/attachments/${id}`;

/** Ideas and attachment rows: a refused upload changes neither. */
const written = () =>
  asSystem(rt.db, async (tx) => {
    const count = async (table: 'portfolio_ideas' | 'portfolio_idea_attachments') =>
      Number(
        (
          await tx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      ideas: await count('portfolio_ideas'),
      files: await count('portfolio_idea_attachments'),
    };
  });

const submit = (client: Client, attachments: unknown[]) =>
  client.post('portfolio/ideas', {
    title: `Liitteellinen idea ${Date.now()}`,
    problem: 'Pyöräparkki on täynnä.',
    proposal: 'Lisää telineitä, katso kuva ja suunnitelma.',
    attachments,
  });

beforeAll(async () => {
  rt = await startRuntime();
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  anonymous = new Client(rt.app);
  png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#4a7' } })
    .png()
    .toBuffer();
});
afterAll(() => rt.dispose());

describe('idea attachments', () => {
  let ideaId: string;
  let image: Attachment;
  let pdf: Attachment;

  it('a resident submits an image and a PDF; anyone reads them', async () => {
    const created = await submit(resident, [
      file('pyöräparkki.png', 'image/png', png, 'Täysi pyöräteline koulun pihalla'),
      file('suunnitelma.pdf', 'application/pdf', PDF),
    ]);
    expect(created.statusCode, created.body).toBe(201);
    ideaId = created.json().id;
    [image, pdf] = (created.json() as { attachments: Attachment[] }).attachments as [
      Attachment,
      Attachment,
    ];
    // Re-encoded to a JPEG of at most 1600 px; the name follows the bytes.
    expect(image).toMatchObject({
      filename: 'pyöräparkki.jpg',
      contentType: 'image/jpeg',
      width: 1600,
      height: 800,
      altText: 'Täysi pyöräteline koulun pihalla',
    });
    expect(pdf).toMatchObject({
      filename: 'suunnitelma.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      altText: null,
      width: null,
    });
    expect(await attachmentsOf(anonymous, ideaId)).toHaveLength(2);

    const shown = await anonymous.get(fileUrl(ideaId, image.id));
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect(shown.headers['content-disposition']).toMatch(/^inline;/);
    expect((await sharp(shown.rawPayload).metadata()).width).toBe(1600);
    const saved = await anonymous.get(fileUrl(ideaId, pdf.id));
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['content-type']).toBe('application/pdf');
    expect(saved.headers['content-disposition']).toMatch(/^attachment; filename="suunnitelma.pdf"/);
    expect(saved.headers['x-content-type-options']).toBe('nosniff');
    expect(saved.headers['content-security-policy']).toContain('sandbox');
    expect(saved.rawPayload.equals(PDF)).toBe(true);

    const audited = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select(['action', 'details'])
        .where('target', '=', `idea:${ideaId}`)
        .where('action', '=', 'portfolio.idea.attachments')
        .execute(),
    );
    expect(audited).toHaveLength(1);
    expect((audited[0]!.details as { files: unknown[] }).files).toHaveLength(2);
  });

  it('refuses bad files with a translated 4xx and writes nothing', async () => {
    const before = await written();
    const cases: [unknown[], number, string][] = [
      [
        Array.from({ length: 6 }, (_, i) => file(`s${i}.pdf`, 'application/pdf', PDF)),
        422,
        'Liian monta liitettä',
      ],
      // The bytes decide: a PDF called a PNG, HTML called a PDF.
      [
        [file('kuva.png', 'image/png', PDF, 'Kuva')],
        422,
        'Liitteen kuva.png tiedostomuotoa ei hyväksytä',
      ],
      [
        [file('lasku.pdf', 'application/pdf', Buffer.from('<html><script>x</script>'))],
        422,
        'Liitteen lasku.pdf tiedostomuotoa ei hyväksytä',
      ],
      [
        [file('iso.pdf', 'application/pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]))],
        413,
        'Liite iso.pdf on liian suuri',
      ],
      [[file('kuva.png', 'image/png', png)], 422, 'Kuvalta kuva.png puuttuu kuvaus'],
      [[file('kuva.png', 'image/png', png, '   ')], 422, 'Kuvalta kuva.png puuttuu kuvaus'],
      // PNG magic but no image behind it.
      [
        [file('rikki.png', 'image/png', png.subarray(0, 40), 'Rikki')],
        422,
        'Kuvan tiedostomuotoa ei hyväksytä',
      ],
    ];
    for (const [attachments, status, title] of cases) {
      const refused = await submit(resident, attachments);
      expect(refused.statusCode, title).toBe(status);
      expect(refused.json().title).toBe(title);
    }
    expect(await written()).toEqual(before);
    expect((await submit(anonymous, [file('a.pdf', 'application/pdf', PDF)])).statusCode).toBe(401);
  });

  it("a hidden idea's files are the team's only", async () => {
    const hidden = await submit(resident, [file('piilo.pdf', 'application/pdf', PDF)]);
    const id = hidden.json().id as string;
    const [only] = (hidden.json() as { attachments: Attachment[] }).attachments;
    const hide = await team.post(`portfolio/ideas/${id}/hide`, { reason: 'Henkilötietoja' });
    expect(hide.statusCode, hide.body).toBe(200);
    for (const outsider of [anonymous, resident]) {
      expect(await attachmentsOf(outsider, id)).toEqual([]);
      expect((await outsider.get(fileUrl(id, only!.id))).statusCode).toBe(404);
    }
    expect(await attachmentsOf(team, id)).toHaveLength(1);
    const seen = await team.get(fileUrl(id, only!.id));
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['cache-control']).toBe('private, no-store');
  });

  it('another municipality reads nothing; a file of one idea is not found under another', async () => {
    const other = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    expect((await other.get(fileUrl(ideaId, pdf.id))).statusCode).toBe(404);
    const anonymousOther = new Client(rt.app, 'pyharanta');
    expect((await anonymousOther.get(fileUrl(ideaId, image.id))).statusCode).toBe(404);
    const another = await submitIdea(resident);
    expect((await anonymous.get(fileUrl(another.id, pdf.id))).statusCode).toBe(404);
  });

  it('a merge leaves the files with the duplicate', async () => {
    const kept = await submitIdea(resident);
    const merged = await team.post(`portfolio/ideas/${kept.id}/merge`, { duplicateIds: [ideaId] });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(await attachmentsOf(anonymous, kept.id)).toEqual([]);
    expect(await attachmentsOf(anonymous, ideaId)).toHaveLength(2);
    expect((await anonymous.get(fileUrl(ideaId, image.id))).statusCode).toBe(200);
  });

  it('the digital team removes a file; nobody else can', async () => {
    expect((await resident.delete(fileUrl(ideaId, image.id))).statusCode).toBe(403);
    expect((await anonymous.delete(fileUrl(ideaId, image.id))).statusCode).toBe(401);
    const removed = await team.delete(fileUrl(ideaId, image.id));
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await team.delete(fileUrl(ideaId, image.id))).statusCode).toBe(404);
    expect((await anonymous.get(fileUrl(ideaId, image.id))).statusCode).toBe(404);
    expect((await attachmentsOf(anonymous, ideaId)).map((a) => a.id)).toEqual([pdf.id]);
    const audited = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select('action')
        .where('target', '=', `idea:${ideaId}`)
        .where('action', '=', 'portfolio.idea.attachment.remove')
        .execute(),
    );
    expect(audited).toHaveLength(1);
  });
});
