import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneDatabase } from '../../../test/helpers.js';
import { asSystem, type Database } from '../db/database.js';
import { seedDemoData } from './seed.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await cloneDatabase());
});
afterAll(async () => {
  await db?.close();
  await drop?.();
});

const count = (table: 'people' | 'resources' | 'doors') =>
  asSystem(db, async (tx) => (await tx.selectFrom(table).select('id').execute()).length);

describe('demo data', () => {
  it('is not seeded twice', async () => {
    const people = await count('people');
    expect(await seedDemoData(db)).toBe(false);
    expect(await count('people')).toBe(people);
  });

  it("adds a new module's demo data to a demo database made before the module existed", async () => {
    await asSystem(db, async (tx) => {
      await tx.deleteFrom('access_grants').execute();
      await tx.deleteFrom('doors').execute();
      await tx.deleteFrom('reservations').execute();
      await tx.deleteFrom('opening_exceptions').execute();
      await tx.deleteFrom('opening_hours').execute();
      await tx.deleteFrom('resource_terms').execute();
      await tx.deleteFrom('resources').execute();
    });
    expect(await count('resources')).toBe(0);
    await seedDemoData(db);
    expect(await count('resources')).toBeGreaterThanOrEqual(5);
    expect(await count('doors')).toBe(1);
  });
});
