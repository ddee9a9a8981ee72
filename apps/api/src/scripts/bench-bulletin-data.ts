import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { hashToken } from '../platform/auth/session.repo.js';

/**
 * The data of bench:bulletin, written straight with SQL (not timed): a unit with one group,
 * GUARDIANS guardians each with a child placed there from yesterday on and a session, a staff
 * member of the unit with a session, and MESSAGES old messages in bulletin threads of the
 * unit that every guardian has read (so every counter starts at 0 and stays consistent).
 */
/** Messages per old thread: a hundred threads hold the default hundred thousand. */
const PER_THREAD = 1000;

export async function benchBulletinData(url: string, guardians: number, messages: number) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('begin');
    const m = (
      await db.query<{ id: string }>(`select id from municipalities where slug = 'tyrskyla'`)
    ).rows[0]!.id;
    const unit = (
      await db.query<{ id: string }>(
        `insert into daycare_units (municipality_id, name) values ($1, 'Päiväkoti Penkki')
         returning id`,
        [m],
      )
    ).rows[0]!.id;
    const group = (
      await db.query<{ id: string }>(
        `insert into daycare_groups (municipality_id, unit_id, name, capacity)
         values ($1, $2, 'Kaikki', 200) returning id`,
        [m, unit],
      )
    ).rows[0]!.id;

    const tokens = Array.from({ length: guardians + 1 }, () =>
      randomBytes(32).toString('base64url'),
    );
    const people = await db.query<{ id: string; n: number }>(
      `insert into people (email, name, language)
       select 'penkki' || n || '@bench.example', 'Huoltaja ' || n, 'fi'
       from generate_series(0, $1) n
       returning id, (regexp_replace(email, '[^0-9]', '', 'g'))::int as n`,
      [guardians],
    );
    const ids = people.rows.sort((a, b) => a.n - b.n).map((r) => r.id);
    const staff = ids[0]!;
    const parents = ids.slice(1);
    await db.query(
      `insert into role_grants (municipality_id, person_id, role)
       select $1::uuid, unnest($2::uuid[]), 'guardian'
       union all select $1::uuid, $3::uuid, 'staff'
       union all select $1::uuid, $3::uuid, 'daycare_staff'`,
      [m, parents, staff],
    );
    await db.query(
      `insert into daycare_staff (municipality_id, person_id, unit_id, group_id)
       values ($1, $2, $3, null)`,
      [m, staff, unit],
    );
    await db.query(
      `insert into sessions (token_hash, person_id, auth_method, expires_at)
       select unnest($1::text[]), unnest($2::uuid[]), 'password', now() + interval '8 hours'`,
      [tokens.map(hashToken), ids],
    );
    const children = await db.query<{ id: string }>(
      `with c as (
         insert into children (municipality_id, first_name, last_name, birth_date)
         select $1, 'Lapsi', 'Penkki ' || n, current_date - 4 * 365 from generate_series(1, $2) n
         returning id, (regexp_replace(last_name, '[^0-9]', '', 'g'))::int as n)
       select id from c order by n`,
      [m, guardians],
    );
    const childIds = children.rows.map((r) => r.id);
    await db.query(
      `insert into guardianships (municipality_id, child_id, person_id)
       select $1, unnest($2::uuid[]), unnest($3::uuid[])`,
      [m, childIds, parents],
    );
    await db.query(
      `insert into daycare_placements (municipality_id, child_id, unit_id, group_id, start_date)
       select $1, unnest($2::uuid[]), $3, $4, current_date - 1`,
      [m, childIds, unit, group],
    );

    // Old bulletins, every guardian a participant who has read them.
    const threads = Math.max(1, Math.ceil(messages / PER_THREAD));
    const threadIds = (
      await db.query<{ id: string }>(
        `insert into message_threads (municipality_id, kind, title, scope, unit_id, created_by,
                                      created_at, last_message_at)
         select $1, 'bulletin', 'Tiedote ' || n, 'unit', $2, $3,
                now() - make_interval(days => n), now() - make_interval(days => n)
         from generate_series(1, $4) n returning id`,
        [m, unit, staff, threads],
      )
    ).rows.map((r) => r.id);
    await db.query(
      `insert into messages (municipality_id, thread_id, author_id, body, created_at)
       select $1, t.id, $3, 'Viesti ' || n || ': ' || repeat('tiedote ', 20), now() - make_interval(mins => n)
       from unnest($2::uuid[]) with ordinality t(id, i),
            generate_series(1, $4) n
       where (t.i - 1) * $4 + n <= $5`,
      [m, threadIds, staff, PER_THREAD, messages],
    );
    await db.query(
      `insert into thread_participants (municipality_id, thread_id, person_id, role, last_read_at)
       select $1::uuid, t, p, 'guardian', now() from unnest($2::uuid[]) t, unnest($3::uuid[]) p
       union all select $1::uuid, t, $4::uuid, 'staff', now() from unnest($2::uuid[]) t`,
      [m, threadIds, parents, staff],
    );
    await db.query(
      `insert into message_unread_totals (municipality_id, person_id, unread)
       select $1, unnest($2::uuid[]), 0`,
      [m, ids],
    );
    await db.query('commit');
    await db.query('analyze');
    const count = Number(
      (await db.query<{ n: string }>(`select count(*) as n from messages`)).rows[0]!.n,
    );
    return {
      unitId: unit,
      staffToken: tokens[0]!,
      guardianTokens: tokens.slice(1),
      messagesInDb: count,
    };
  } catch (error) {
    await db.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}
