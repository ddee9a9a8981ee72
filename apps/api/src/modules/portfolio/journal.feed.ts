import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/http/context.js';
import { xml } from './cases.opendata.js';

/**
 * The municipality's public journal: every public post of its experiments, newest first, for
 * anyone without login. A hidden idea's posts are left out (its page is the team's only);
 * internal posts never appear, whoever asks: the feed is the same for everyone.
 */
export const FEED_PAGE = 20;
const ATOM_ENTRIES = 50;

function feedQuery(tx: Tx, municipalityId: string) {
  return tx
    .selectFrom('portfolio_journal_posts as j')
    .innerJoin('portfolio_ideas as i', 'i.id', 'j.idea_id')
    .innerJoin('portfolio_experiments as e', 'e.idea_id', 'j.idea_id')
    .where('j.municipality_id', '=', municipalityId)
    .where('j.visibility', '=', 'public')
    .where('i.hidden_at', 'is', null);
}

async function feedPage(tx: Tx, municipalityId: string, limit: number, offset: number) {
  const posts = await feedQuery(tx, municipalityId)
    .innerJoin('people as p', 'p.id', 'j.author_id')
    .select([
      'j.id',
      'j.idea_id',
      'i.title',
      'i.stage',
      'j.kind',
      'j.body',
      'j.video_url',
      'j.created_at',
      'e.outcome',
      // The stopped experiment's "what we learned" post is written at the moment it finished.
      sql<boolean>`j.created_at = e.finished_at`.as('at_finish'),
      'p.name as author',
    ])
    .orderBy('j.created_at', 'desc')
    .orderBy('j.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const photos = posts.length
    ? await tx
        .selectFrom('portfolio_journal_photos')
        .select(['id', 'post_id', 'width', 'height', 'alt_text'])
        .where(
          'post_id',
          'in',
          posts.map((p) => p.id),
        )
        .orderBy('position')
        .execute()
    : [];
  return posts.map((p) => ({ ...p, photos: photos.filter((f) => f.post_id === p.id) }));
}

export async function listJournalFeed(ctx: Ctx, page: { limit?: number; offset?: number }) {
  const limit = page.limit ?? FEED_PAGE;
  const offset = page.offset ?? 0;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const posts = await feedPage(tx, ctx.municipality.id, limit, offset);
    const { n } = await feedQuery(tx, ctx.municipality.id)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      total: Number(n),
      limit,
      offset,
      items: posts.map((p) => ({
        id: p.id,
        ideaId: p.idea_id,
        ideaTitle: p.title,
        ideaStage: p.stage,
        kind: p.kind,
        outcome: p.kind === 'celebration' || (p.kind === 'post' && p.at_finish) ? p.outcome : null,
        body: p.body,
        videoUrl: p.video_url,
        author: p.author,
        createdAt: p.created_at.toISOString(),
        photos: p.photos.map((f) => ({
          id: f.id,
          width: f.width,
          height: f.height,
          altText: f.alt_text,
        })),
      })),
    };
  });
}

const KIND_TITLE: Record<string, string> = {
  declaration: 'Julistus',
  celebration: 'Juhlitaan',
  post: 'Päiväkirja',
};

/** Atom 1.0 of the newest public posts, like the case bank's feed (cases.opendata.ts). */
export async function journalAtom(ctx: Ctx) {
  const { slug, name } = ctx.municipality;
  const posts = await inTenant(ctx.db, ctx.municipality.id, (tx) =>
    feedPage(tx, ctx.municipality.id, ATOM_ENTRIES, 0),
  );
  const base = ctx.baseUrl;
  const ideaUrl = (ideaId: string) => `${base}/${slug}/portfolio/ideas/${ideaId}`;
  const updated = posts[0]?.created_at ?? new Date(0);
  const host = new URL(base).hostname;
  const entries = posts.map((p) =>
    [
      '  <entry>',
      `    <id>urn:uuid:${p.id}</id>`,
      `    <title>${xml(`${KIND_TITLE[p.kind] ?? ''}: ${p.title}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(ideaUrl(p.idea_id))}"/>`,
      `    <published>${p.created_at.toISOString()}</published>`,
      `    <updated>${p.created_at.toISOString()}</updated>`,
      `    <author><name>${xml(p.author)}</name></author>`,
      `    <category term="${p.kind}"/>`,
      `    <content type="text">${xml(p.body)}</content>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fi">',
    `  <id>tag:${xml(host)},2026:helppo:${xml(slug)}:journal</id>`,
    `  <title>${xml(`${name.fi} – kokeilujen päiväkirja`)}</title>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(base)}/api/${xml(slug)}/portfolio/journal.atom"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(base)}/${xml(slug)}/portfolio/journal"/>`,
    `  <author><name>${xml(name.fi)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
