import sharp from 'sharp';
import type { Tx } from '../../platform/db/database.js';
import { demoPdf } from '../daycare/messages.demo.js';

/**
 * The snow-plough idea comes with what a resident would attach: a sketch of the map (an image
 * with its description) and a one-page PDF, so the idea page shows both without login.
 */
export async function seedIdeaAttachmentsDemo(
  tx: Tx,
  municipalityId: string,
  ideaId: string,
  submitterId: string,
) {
  // Drawn here, so the demo needs no image file: roads, and the ploughed ones in blue.
  const roads = ['M40 300 L560 280', 'M120 60 L160 380', 'M300 40 L320 360', 'M440 80 L520 390'];
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400">' +
    '<rect width="600" height="400" fill="#f4f6f7"/>' +
    roads
      .map(
        (d, i) =>
          `<path d="${d}" stroke="${i < 2 ? '#2a6ebb' : '#9aa3a8'}" stroke-width="14" fill="none"/>`,
      )
      .join('') +
    '</svg>';
  const { data, info } = await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer({
    resolveWithObject: true,
  });
  const pdf = demoPdf('Aurausreitit ja -ajat, luonnos');
  await tx
    .insertInto('portfolio_idea_attachments')
    .values([
      {
        municipality_id: municipalityId,
        idea_id: ideaId,
        position: 0,
        filename: 'aurauskartta.jpg',
        content_type: 'image/jpeg',
        size_bytes: data.length,
        data,
        width: info.width,
        height: info.height,
        alt_text:
          'Luonnos kartasta: neljä kylän tietä, joista kaksi on jo aurattu ja merkitty sinisellä.',
        uploaded_by: submitterId,
      },
      {
        municipality_id: municipalityId,
        idea_id: ideaId,
        position: 1,
        filename: 'aurausreitit.pdf',
        content_type: 'application/pdf',
        size_bytes: pdf.length,
        data: pdf,
        width: null,
        height: null,
        alt_text: null,
        uploaded_by: submitterId,
      },
    ])
    .execute();
}
