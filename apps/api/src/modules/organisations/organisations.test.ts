import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
/** The demo sports club (member: asukas@tyrskyla) and Pyhäranta's club. */
let club: string;
let pyharantaClub: string;

const valid = {
  kind: 'association',
  name: 'Tyrskylän Shakkikerho ry',
  registerNumber: '204511',
  street: 'Kirjastokuja 2',
  postcode: '99999',
  city: 'Tyrskylä',
  contactEmail: 'shakki@kerho.example',
};

beforeAll(async () => {
  rt = await startRuntime();
  const rows = await asSystem(rt.db, (tx) =>
    tx.selectFrom('organisations').select(['id', 'name']).execute(),
  );
  club = rows.find((r) => r.name === 'Tyrskylän Urheiluseura ry')!.id;
  pyharantaClub = rows.find((r) => r.name === 'Pyhärannan Pallo ry')!.id;
});
afterAll(async () => rt?.dispose());

describe('registering an organisation', () => {
  it('makes the registering person its first member, and it becomes a buyer to choose', async () => {
    const guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const created = await guardian.post('organisations', valid);
    expect(created.statusCode, created.body).toBe(201);
    // The register number is stored as the register writes it.
    expect(created.json()).toMatchObject({
      kind: 'association',
      businessId: null,
      registerNumber: '204.511',
      eInvoiceAddress: null,
      active: true,
      isMember: true,
      members: [{ name: 'Hanna Huoltaja', email: 'huoltaja@tyrskyla.example' }],
    });
    const mine = (await guardian.get('organisations/mine')).json().items as { name: string }[];
    expect(mine.map((o) => o.name)).toContain('Tyrskylän Shakkikerho ry');
    const audit = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select('target')
        .where('action', '=', 'organisation.create')
        .execute(),
    );
    expect(audit.map((a) => a.target)).toContain(`organisation:${created.json().id}`);
  });

  it('refuses a business ID whose checksum is wrong, with a translated 422', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const bad = { ...valid, kind: 'company', name: 'Virhe Oy', businessId: '2345678-1' };
    const finnish = await resident.post('organisations', bad);
    expect(finnish.statusCode).toBe(422);
    expect(finnish.headers['content-type']).toContain('application/problem+json');
    expect(finnish.json()).toMatchObject({
      code: 'invalidBusinessId',
      title: 'Y-tunnus ei kelpaa',
    });
    const swedish = new Client(rt.app, 'tyrskyla', 'sv');
    await swedish.login('asukas@tyrskyla.example');
    await swedish.request('PUT', 'session/language', { language: 'sv' });
    expect((await swedish.post('organisations', bad)).json().title).toBe('FO-numret duger inte');
    // Nothing was written.
    const count = await asSystem(rt.db, (tx) =>
      tx.selectFrom('organisations').select('id').where('name', '=', 'Virhe Oy').execute(),
    );
    expect(count).toEqual([]);
    await swedish.request('PUT', 'session/language', { language: 'fi' });
  });

  it('asks a company for its business ID and an association for one identifier', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const code = async (body: object) => (await resident.post('organisations', body)).json().code;
    expect(await code({ ...valid, kind: 'company', name: 'Ilman Oy' })).toBe('businessIdRequired');
    expect(await code({ ...valid, registerNumber: '' })).toBe('organisationIdRequired');
    expect(await code({ ...valid, registerNumber: '12a' })).toBe('invalidRegisterNumber');
    expect(await code({ ...valid, eInvoiceAddress: '12345' })).toBe('invalidEInvoiceAddress');
    expect(await code({ ...valid, eInvoiceAddress: '003723456780' })).toBe(
      'eInvoiceOperatorRequired',
    );
    // The demo club's business ID is taken: the second registration is a member to add.
    const taken = await resident.post('organisations', { ...valid, businessId: '2345678-0' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('organisationExists');
    const badPostcode = await resident.post('organisations', { ...valid, postcode: '999' });
    expect(badPostcode.statusCode).toBe(400);
    const company = await resident.post('organisations', {
      ...valid,
      kind: 'company',
      name: 'Shakkipalvelu Oy',
      businessId: '1234567-1',
      registerNumber: undefined,
      eInvoiceAddress: '0037 1234 5671',
      eInvoiceOperator: 'ndeafihh',
    });
    expect(company.statusCode, company.body).toBe(201);
    expect(company.json()).toMatchObject({
      eInvoiceAddress: '003712345671',
      eInvoiceOperator: 'NDEAFIHH',
    });
  });
});

describe('members', () => {
  it('lets a member add and remove members by email, never the last one', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const created = (await resident.post('organisations', { ...valid, name: 'Kuoro ry' })).json();
    const unknown = await resident.post(`organisations/${created.id}/members`, {
      email: 'ei-ole@tyrskyla.example',
    });
    expect(unknown.json().code).toBe('personNotFound');
    const added = await resident.post(`organisations/${created.id}/members`, {
      email: 'HUOLTAJA@tyrskyla.example',
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().members.map((m: { name: string }) => m.name)).toEqual([
      'Antti Asukas',
      'Hanna Huoltaja',
    ]);
    const again = await resident.post(`organisations/${created.id}/members`, {
      email: 'huoltaja@tyrskyla.example',
    });
    expect(again.json().code).toBe('alreadyMember');
    // The added person is told, in-app and by email.
    const guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const notice = (await guardian.get('notifications')).json().items[0];
    expect(notice.title).toBe('Sinut lisättiin yhteisön Kuoro ry jäseneksi');
    // She may act for it now, and leave it herself.
    const me = (await guardian.get('session')).json().user.id as string;
    const left = await guardian.delete(`organisations/${created.id}/members/${me}`);
    expect(left.statusCode).toBe(200);
    const self = (await resident.get('session')).json().user.id as string;
    const last = await resident.delete(`organisations/${created.id}/members/${self}`);
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('lastMember');
  });

  it('keeps an organisation from non-members: not found to read, forbidden to act for', async () => {
    const outsider = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    expect((await outsider.get(`organisations/${club}`)).statusCode).toBe(404);
    const body = { ...valid, registerNumber: '1' };
    expect((await outsider.put(`organisations/${club}`, body)).statusCode).toBe(404);
    expect(
      (await outsider.post(`organisations/${club}/members`, { email: 'huoltaja@tyrskyla.example' }))
        .statusCode,
    ).toBe(404);
    for (const response of [
      await outsider.get(`cart?organisationId=${club}`),
      await outsider.post(`checkout?organisationId=${club}`, { method: 'invoice' }),
      await outsider.get(`products?organisationId=${club}`),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('notOrganisationMember');
    }
    expect((await new Client(rt.app).get(`cart?organisationId=${club}`)).statusCode).toBe(401);
  });

  it('lets a member edit the details but only staff change the kind', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const current = (await resident.get(`organisations/${club}`)).json();
    const body = {
      kind: current.kind,
      name: current.name,
      businessId: current.businessId,
      registerNumber: current.registerNumber,
      street: 'Urheilutie 7',
      postcode: current.postcode,
      city: current.city,
      contactEmail: current.contactEmail,
    };
    const moved = await resident.put(`organisations/${club}`, body);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().street).toBe('Urheilutie 7');
    const toCompany = await resident.put(`organisations/${club}`, { ...body, kind: 'company' });
    expect(toCompany.statusCode).toBe(403);
    expect(toCompany.json().code).toBe('organisationKindByStaff');
    await resident.put(`organisations/${club}`, { ...body, street: 'Urheilutie 5' });
  });
});

describe('staff', () => {
  it('see every organisation, edit one and deactivate it so that nobody buys for it', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const created = (
      await resident.post('organisations', { ...valid, name: 'Suljettava ry', registerNumber: '7' })
    ).json();
    expect((await resident.get('admin/organisations')).statusCode).toBe(403);
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const list = (await staff.get('admin/organisations?q=suljettava')).json().items;
    expect(list).toEqual([expect.objectContaining({ id: created.id, memberCount: 1 })]);
    const read = (await staff.get(`organisations/${created.id}`)).json();
    expect(read).toMatchObject({ isMember: false, members: [{ name: 'Antti Asukas' }] });
    const off = await staff.put(`admin/organisations/${created.id}/active`, { active: false });
    expect(off.json().active).toBe(false);
    const mine = (await resident.get('organisations/mine')).json().items as { id: string }[];
    expect(mine.map((o) => o.id)).not.toContain(created.id);
    const cart = await resident.get(`cart?organisationId=${created.id}`);
    expect(cart.json().code).toBe('notOrganisationMember');
    expect((await staff.get('admin/organisations?q=suljettava')).json().items).toEqual([]);
    const all = (await staff.get('admin/organisations?q=suljettava&inactive=true')).json().items;
    expect(all).toEqual([expect.objectContaining({ id: created.id, active: false })]);
  });
});

describe('tenant isolation', () => {
  it("keeps each municipality's organisations to itself", async () => {
    const neighbour = await loggedIn(rt.app, 'asukas@pyharanta.example', 'pyharanta');
    expect((await neighbour.get(`organisations/${club}`)).statusCode).toBe(404);
    const mine = (await neighbour.get('organisations/mine')).json().items as { id: string }[];
    expect(mine.map((o) => o.id)).toEqual([pyharantaClub]);
    // Under Tyrskylä's address their own club is nobody's to act for.
    const visiting = await loggedIn(rt.app, 'asukas@pyharanta.example', 'tyrskyla');
    expect((await visiting.get(`cart?organisationId=${pyharantaClub}`)).statusCode).toBe(403);
    const admin = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    const names = (await admin.get('admin/organisations'))
      .json()
      .items.map((o: { name: string }) => o.name);
    expect(names).toEqual(['Pyhärannan Pallo ry']);
    expect(
      (await admin.put(`admin/organisations/${club}/active`, { active: false })).statusCode,
    ).toBe(404);
  });
});
