import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
beforeAll(async () => {
  rt = await startRuntime();
});
afterAll(async () => rt?.dispose());

interface Product {
  id: string;
  name: { fi: string };
  yourPrice: number | null;
  prices: { customerGroup: string; unitPriceCents: number }[];
  vatRateBp: number;
}
const byName = (items: Product[], name: string) => items.find((p) => p.name.fi === name)!;

const newProduct = {
  kind: 'ticket',
  name: { fi: 'Kuntosalin kertamaksu', sv: 'Gymmets engångsavgift', en: 'Gym single visit' },
  content: { fi: 'Yksi käynti', sv: 'Ett besök', en: 'One visit' },
  organiser: 'Tyrskylän kunta',
  provider: 'Tyrskylän kuntosali',
  qualityPromise: { fi: 'Rahat takaisin', sv: 'Pengarna tillbaka', en: 'Money back' },
  vatRateBp: 1000,
  invoiceAllowed: false,
  maxPerOrder: 5,
  prices: [
    { customerGroup: 'resident', unitPriceCents: 400 },
    { customerGroup: 'non_resident', unitPriceCents: 600 },
  ],
};

describe('products', () => {
  it('lists the municipality’s products with the price the asker pays', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const asResident = (await resident.get('products')).json().items as Product[];
    expect(asResident).toHaveLength(7);
    expect(byName(asResident, 'Uimahallin kertalippu')).toMatchObject({
      yourPrice: 650,
      vatRateBp: 1000,
    });
    expect(byName(asResident, 'Asukaspysäköintitunnus')).toMatchObject({
      yourPrice: 12000,
      vatRateBp: 0,
    });

    // Visitors and people from elsewhere pay the non-resident price; resident-only products are not theirs.
    const visitor = (await new Client(rt.app).get('products')).json().items as Product[];
    expect(byName(visitor, 'Uimahallin kertalippu').yourPrice).toBe(800);
    expect(byName(visitor, 'Asukaspysäköintitunnus').yourPrice).toBeNull();
    const neighbour = await loggedIn(rt.app, 'asukas@pyharanta.example', 'tyrskyla');
    expect(
      byName((await neighbour.get('products')).json().items, 'Uimahallin kertalippu').yourPrice,
    ).toBe(800);

    expect((await rt.app.inject('/api/pyharanta/products')).json().items).toEqual([]);
    const id = byName(asResident, 'Kesäteatterin lippu').id;
    expect((await rt.app.inject(`/api/pyharanta/products/${id}`)).statusCode).toBe(404);
  });

  it('lets staff add and change a product and its prices', async () => {
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const created = await staff.post('admin/products', newProduct);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const changed = await staff.put(`admin/products/${id}`, {
      ...newProduct,
      prices: [{ customerGroup: 'resident', unitPriceCents: 0 }],
    });
    expect(changed.json().prices).toEqual([{ customerGroup: 'resident', unitPriceCents: 0 }]);
    const visitor = (await rt.app.inject(`/api/tyrskyla/products/${id}`)).json();
    expect(visitor.yourPrice).toBeNull();
  });

  it('refuses prices that are not prices, and non-staff', async () => {
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const twice = await staff.post('admin/products', {
      ...newProduct,
      prices: [
        { customerGroup: 'resident', unitPriceCents: 100 },
        { customerGroup: 'resident', unitPriceCents: 200 },
      ],
    });
    expect(twice.json().code).toBe('priceGroups');
    for (const bad of [-1, 1.5, '100']) {
      const response = await staff.post('admin/products', {
        ...newProduct,
        prices: [{ customerGroup: 'resident', unitPriceCents: bad }],
      });
      expect(response.statusCode, String(bad)).toBe(400);
    }
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.post('admin/products', newProduct)).statusCode).toBe(403);
  });
});
