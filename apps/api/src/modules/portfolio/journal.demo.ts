import sharp from 'sharp';
import type { Tx } from '../../platform/db/database.js';
import { daysAgo } from './portfolio.demo-round.js';

/**
 * Two journal posts on the running chat experiment: a public one by its owner (readable on
 * the idea page without login) and an internal one by the digital team.
 */
export async function seedJournalDemo(
  tx: Tx,
  municipalityId: string,
  ideaId: string,
  personId: (email: string) => string,
) {
  const posts = await tx
    .insertInto('portfolio_journal_posts')
    .values([
      {
        municipality_id: municipalityId,
        idea_id: ideaId,
        author_id: personId('tilat@tyrskyla.example'),
        body:
          'Ensimmäinen viikko takana: chatissa 64 keskustelua, joista 41 hoitui loppuun asti. ' +
          'Eniten kysyttiin jätehuollosta ja rakennusluvista.',
        video_url: 'https://video.tyrskyla.example/chat-viikko-1',
        visibility: 'public',
        created_at: daysAgo(22, 14),
      },
      {
        municipality_id: municipalityId,
        idea_id: ideaId,
        author_id: personId('digiryhma@tyrskyla.example'),
        body:
          'Iltapäivisin vastausaika venyy yli kymmeneen minuuttiin. Tarvitaan toinen päivystäjä ' +
          'klo 12–15, ennen kuin kokeilua jatketaan.',
        video_url: null,
        visibility: 'internal',
        created_at: daysAgo(15, 10),
      },
    ])
    .returning('id')
    .execute();
  // A bar chart of the first week's chats (drawn here, so the demo needs no image file).
  const counts = [9, 14, 12, 17, 12];
  const bars = counts
    .map(
      (n, i) =>
        `<rect x="${40 + i * 110}" y="${380 - n * 20}" width="80" height="${n * 20}" fill="#2a6ebb"/>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#fff"/>${bars}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer({
    resolveWithObject: true,
  });
  await tx
    .insertInto('portfolio_journal_photos')
    .values({
      municipality_id: municipalityId,
      post_id: posts[0]!.id,
      data,
      mime: 'image/jpeg',
      width: info.width,
      height: info.height,
      alt_text: 'Pylväskaavio: chat-keskusteluja maanantaista perjantaihin 9, 14, 12, 17 ja 12.',
      position: 0,
    })
    .execute();
}
