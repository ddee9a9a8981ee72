import { expect } from 'vitest';
import { asSystem } from '../src/platform/db/database.js';
import { hashPassword } from '../src/platform/auth/password.js';
import { Client, type TestRuntime } from './helpers.js';

const DAY = 86_400_000;
export const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/**
 * What the course tests do again and again, on one runtime: new resident guardians with a
 * child, courses made by staff (a paid one by default), and paying the cart with the demo
 * provider.
 */
export async function courseTools(rt: TestRuntime, staff: Client) {
  const passwordHash = await hashPassword('salasana-123');
  const ids = await asSystem(rt.db, async (tx) => ({
    fee: await tx
      .selectFrom('products')
      .select('id')
      .where('kind', '=', 'course_fee')
      .executeTakeFirstOrThrow(),
    municipality: await tx
      .selectFrom('municipalities')
      .select('id')
      .where('slug', '=', 'tyrskyla')
      .executeTakeFirstOrThrow(),
  }));
  let count = 0;

  /** A new resident guardian with one child of `age`, signed in. */
  async function guardian(age = 6) {
    const n = ++count;
    const email = `vanhempi${n}-${Date.now()}@tyrskyla.example`;
    await asSystem(rt.db, async (tx) => {
      const { id } = await tx
        .insertInto('people')
        .values({ email, name: `Vanhempi ${n}`, password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('role_grants')
        .values({ municipality_id: ids.municipality.id, person_id: id, role: 'resident' })
        .execute();
    });
    const client = new Client(rt.app, 'tyrskyla');
    expect((await client.login(email, 'salasana-123')).statusCode).toBe(200);
    const birth = new Date(Date.now() - (age * 365.25 + 30) * DAY).toISOString().slice(0, 10);
    const child = await client.post('children', {
      firstName: `Lapsi${n}`,
      lastName: 'Testinen',
      birthDate: birth,
    });
    expect(child.statusCode, child.body).toBe(201);
    return { client, email, childId: child.json().id as string, n };
  }

  async function createCourse(overrides: Record<string, unknown> = {}) {
    const created = await staff.post('admin/courses', {
      name: { fi: 'Testikurssi', sv: 'Testkurs', en: 'Test course' },
      description: { fi: '', sv: '', en: '' },
      location: 'Uimahalli',
      ageMin: 4,
      ageMax: 8,
      seats: 2,
      priceProductId: ids.fee.id,
      registrationOpensAt: iso(-DAY),
      registrationClosesAt: iso(10 * DAY),
      registrationMode: 'first_come',
      admitPerMinute: 100,
      admissionMinutes: 15,
      holdMinutes: 15,
      waitlist: true,
      offerHours: 24,
      cancelFreeHours: 24,
      sessions: [
        { start: iso(14 * DAY), end: iso(14 * DAY + 2_700_000) },
        { start: iso(21 * DAY), end: iso(21 * DAY + 2_700_000) },
      ],
      ...overrides,
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string; seatsLeft: number };
  }

  /** Check out the cart and pay it at the demo provider. */
  async function pay(client: Client) {
    const checkout = await client.post('checkout');
    expect(checkout.statusCode, checkout.body).toBe(200);
    const page = await client.get(new URL(checkout.json().redirectUrl).pathname);
    const link = [...page.body.matchAll(/href="([^"]+)"/g)][0]![1]!.replace(/&#38;/g, '&');
    expect((await client.get(link)).statusCode).toBe(302);
    return checkout.json() as { orderId: string; redirectUrl: string };
  }

  return { guardian, createCourse, pay, feeProduct: ids.fee.id, tyrskyla: ids.municipality.id };
}
