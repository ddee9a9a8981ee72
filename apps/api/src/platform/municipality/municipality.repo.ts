import { sql, type Kysely } from 'kysely';
import { containsPattern, type Database, type Tx } from '../db/database.js';
import { listeningCache } from '../cache/invalidating-cache.js';
import { Batcher, perOwner } from '../db/batcher.js';
import type { DB } from '../db/schema.js';
import { ROLES, type Actor, type Municipality, type Role } from '../http/context.js';
import {
  AUTH_CHANNEL,
  hashToken,
  SESSION_IDLE_MS,
  actorOf,
  touchIsDue,
  touchSessions,
  type SessionRow,
} from '../auth/session.repo.js';

const COLUMNS = [
  'id',
  'slug',
  'name_fi',
  'name_sv',
  'name_en',
  'contact_email',
  'contact_phone',
  'address',
  'theme_color',
] as const;

type Row = {
  id: string;
  slug: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  contact_email: string;
  contact_phone: string;
  address: string;
  theme_color: string;
};

function toMunicipality(row: Row): Municipality {
  return {
    id: row.id,
    slug: row.slug,
    name: { fi: row.name_fi, sv: row.name_sv, en: row.name_en },
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    address: row.address,
    themeColor: row.theme_color,
  };
}

export async function findMunicipalityBySlug(tx: Tx, slug: string): Promise<Municipality | null> {
  const row = await tx
    .selectFrom('municipalities')
    .select(COLUMNS)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? toMunicipality(row) : null;
}

/**
 * A municipality by its slug and the roles a person holds there, in one statement on the
 * pool (asked on every API request). Municipalities are public; the roles are filtered by
 * the municipality explicitly, as row-level security would.
 */
export async function municipalityWithRoles(
  db: Kysely<DB>,
  slug: string,
  personId: string | null,
): Promise<{ municipality: Municipality; roles: Role[] } | null> {
  const row = await db
    .selectFrom('municipalities as m')
    .select(COLUMNS.map((c) => `m.${c}` as const))
    .select((eb) =>
      eb
        .fn<string[]>('array', [
          eb
            .selectFrom('role_grants as g')
            .select('g.role')
            .whereRef('g.municipality_id', '=', 'm.id')
            .where('g.person_id', '=', personId ?? '00000000-0000-0000-0000-000000000000'),
        ])
        .as('roles'),
    )
    .where('m.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  const held = new Set(personId ? row.roles : []);
  return { municipality: toMunicipality(row), roles: ROLES.filter((role) => held.has(role)) };
}

interface MunicipalitySession {
  municipality: Municipality;
  /** Every role the session's person holds here (none without a live session). */
  roles: Role[];
  session: (SessionRow & { expiresAt: number }) | null;
}

/**
 * The session cache: by token hash and slug, dropped by the person's id (AUTH_CHANNEL).
 * Started with the app (`await sessionCache(db).ready`), so it caches from the first request.
 */
export function sessionCache(db: Database) {
  return listeningCache<MunicipalitySession>(
    db,
    'municipality-session',
    AUTH_CHANNEL,
    { ttlMs: 30_000, maxEntries: 20_000 },
    (payload) => payload,
  );
}

/**
 * municipalityWithRoles for the person of a session cookie, and that person: the two things
 * every signed-in request to a municipality's API needs first. Asked on every request, so it
 * is cached in the process (the session cache): a person's sessions, roles and profile, and
 * the municipalities, announce their changes on AUTH_CHANNEL (database triggers, migration
 * 0030, and `authChanged` at commit in this process), which drops the entries at once; the
 * expiry is checked locally and slides forward through the database at most once a minute.
 */
export async function municipalityWithSession(
  db: Database,
  slug: string,
  token: string,
): Promise<{ municipality: Municipality; roles: Role[]; actor: Actor | null } | null> {
  const tokenHash = hashToken(token);
  const key = `${tokenHash}|${slug}`;
  const cache = sessionCache(db);
  const load = async () => {
    const value = await loadMunicipalitySession(db.kysely, slug, tokenHash);
    // Only a live session is worth keeping (a wrong cookie is asked again).
    return { value, tags: value?.session ? [value.session.personId] : null };
  };
  let found = await cache.get(key, load);
  if (found?.session && found.session.expiresAt <= Date.now()) {
    // Expired here; another process may have slid it forward.
    cache.delete(key);
    found = await cache.get(key, load);
  }
  if (!found) return null;
  let actor: Actor | null = null;
  if (found.session) {
    const session = found.session;
    if (touchIsDue(session)) {
      await sessionToucher(db.kysely).add(session.sessionId);
      const now = Date.now();
      cache.update(key, {
        ...found,
        session: { ...session, last_seen_at: new Date(now), expiresAt: now + SESSION_IDLE_MS },
      });
    }
    actor = actorOf(session);
  }
  return { municipality: found.municipality, roles: actor ? found.roles : [], actor };
}

/**
 * The municipality of a slug, and the live session of a token hash with its person and roles
 * there. The sessions asked for in one turn of the event loop are read in one statement: at a
 * registration opening thousands of guardians whose cache entries have run out come at once,
 * and one statement for each would cost PostgreSQL more in planning than in reading.
 */
const sessionLoader = perOwner(
  (db: Kysely<DB>) =>
    new Batcher<{ slug: string; tokenHash: string }, MunicipalitySession | null>(async (batch) => {
      const found = await loadMany(
        db,
        batch.map((b) => b.input),
      );
      batch.forEach((pending, i) => pending.resolve(found[i]!));
    }),
);

/**
 * Sliding expiries, written together: at an opening, guardians whose course page has been open
 * for minutes all come back at once, each session due for its once-a-minute write.
 */
const sessionToucher = perOwner(
  (db: Kysely<DB>) =>
    new Batcher<string, void>(async (batch) => {
      await touchSessions(db, [...new Set(batch.map((b) => b.input))]);
      for (const pending of batch) pending.resolve();
    }),
);

const loadMunicipalitySession = (db: Kysely<DB>, slug: string, tokenHash: string) =>
  sessionLoader(db).add({ slug, tokenHash });

interface SessionLoadRow extends Row {
  n: string;
  session_id: string | null;
  last_seen_at: Date | null;
  expires_at: Date | null;
  person_id: string | null;
  name: string | null;
  email: string | null;
  language: string | null;
  roles: string[];
}

async function loadMany(db: Kysely<DB>, loads: { slug: string; tokenHash: string }[]) {
  const { rows } = await sql<SessionLoadRow>`
    select k.n, ${sql.join(COLUMNS.map((c) => sql.ref(`m.${c}`)))},
           a.session_id, a.last_seen_at, a.expires_at, a.person_id, a.name, a.email, a.language,
           array(select g.role from role_grants g
                 where g.municipality_id = m.id and g.person_id = a.person_id) as roles
    from unnest(${loads.map((l) => l.slug)}::text[], ${loads.map((l) => l.tokenHash)}::text[])
           with ordinality as k(slug, token_hash, n)
    join municipalities m on m.slug = k.slug
    left join lateral (
      select s.id as session_id, s.last_seen_at, s.expires_at, p.id as person_id, p.name,
             p.email, p.language
      from sessions s join people p on p.id = s.person_id
      where s.token_hash = k.token_hash and s.expires_at > now()) a on true`.execute(db);
  const found: (MunicipalitySession | null)[] = loads.map(() => null);
  for (const row of rows) found[Number(row.n) - 1] = toMunicipalitySession(row);
  return found;
}

function toMunicipalitySession(row: SessionLoadRow): MunicipalitySession {
  const session =
    row.session_id &&
    row.person_id &&
    row.last_seen_at &&
    row.expires_at &&
    row.name &&
    row.language
      ? {
          sessionId: row.session_id,
          last_seen_at: row.last_seen_at,
          expiresAt: row.expires_at.getTime(),
          personId: row.person_id,
          name: row.name,
          email: row.email,
          language: row.language,
        }
      : null;
  const held = new Set(session ? row.roles : []);
  return {
    municipality: toMunicipality(row),
    roles: ROLES.filter((role) => held.has(role)),
    session,
  };
}

export async function findMunicipalityById(tx: Tx, id: string): Promise<Municipality | null> {
  const row = await tx
    .selectFrom('municipalities')
    .select(COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toMunicipality(row) : null;
}

export async function listMunicipalities(tx: Tx): Promise<Municipality[]> {
  const rows = await tx.selectFrom('municipalities').select(COLUMNS).orderBy('name_fi').execute();
  return rows.map(toMunicipality);
}

export async function updateMunicipality(
  tx: Tx,
  id: string,
  settings: Omit<Municipality, 'id' | 'slug'>,
): Promise<Municipality | null> {
  const row = await tx
    .updateTable('municipalities')
    .set({
      name_fi: settings.name.fi,
      name_sv: settings.name.sv,
      name_en: settings.name.en,
      contact_email: settings.contactEmail,
      contact_phone: settings.contactPhone,
      address: settings.address,
      theme_color: settings.themeColor,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row ? toMunicipality(row) : null;
}

export interface PersonWithRoles {
  id: string;
  name: string;
  email: string | null;
  roles: string[];
}

/** People holding any role in the transaction's municipality. */
export async function listPeopleWithRoles(tx: Tx, query: string | undefined, limit: number) {
  let q = tx
    .selectFrom('role_grants')
    .innerJoin('people', 'people.id', 'role_grants.person_id')
    .select(['people.id', 'people.name', 'people.email', 'role_grants.role'])
    .orderBy('people.name')
    .orderBy('people.id');
  if (query) {
    const pattern = containsPattern(query);
    q = q.where((eb) =>
      eb.or([eb('people.name', 'ilike', pattern), eb('people.email', 'ilike', pattern)]),
    );
  }
  const rows = await q.execute();
  const people = new Map<string, PersonWithRoles>();
  for (const row of rows) {
    const person = people.get(row.id) ?? {
      id: row.id,
      name: row.name,
      email: row.email,
      roles: [],
    };
    person.roles.push(row.role);
    people.set(row.id, person);
  }
  return [...people.values()].slice(0, limit);
}

export async function personWithRoles(tx: Tx, personId: string): Promise<PersonWithRoles | null> {
  const person = await tx
    .selectFrom('people')
    .select(['id', 'name', 'email'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) return null;
  const roles = await tx
    .selectFrom('role_grants')
    .select('role')
    .where('person_id', '=', personId)
    .orderBy('role')
    .execute();
  return { ...person, roles: roles.map((r) => r.role) };
}
