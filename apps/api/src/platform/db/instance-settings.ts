import { randomBytes } from 'node:crypto';
import { asSystem, type Database } from './database.js';

/**
 * A random secret generated once per installation and shared by every API process through
 * the database, so signed cookies stay valid across restarts and processes without any
 * configuration.
 */
export async function instanceSecret(db: Database, key: string): Promise<string> {
  return asSystem(db, async (tx) => {
    await tx
      .insertInto('instance_settings')
      .values({ key, value: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await tx
      .selectFrom('instance_settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return row.value;
  });
}
