import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import {
  requireRole,
  requireUser,
  type AuthenticatedCtx,
  type Ctx,
} from '../../platform/http/context.js';
import { findPersonByEmail } from '../../platform/auth/people.repo.js';
import { notifyPerson } from '../../platform/notifications/notifications.service.js';
import { isLanguage, translate } from '../../platform/i18n/messages.js';
import { checkOrganisation, type OrganisationInput } from './organisation-input.js';
import * as repo from './organisations.repo.js';

/** Facility staff and administrators look after the municipality's customers. */
export const ORGANISATION_STAFF = ['facility_admin', 'admin'] as const;

/** The signed-in asker, typed so for the transaction callbacks. */
function signedIn(ctx: Ctx): AuthenticatedCtx {
  requireUser(ctx);
  return ctx;
}

const isStaff = (ctx: Ctx) =>
  ctx.roles.some((role) => (ORGANISATION_STAFF as readonly string[]).includes(role));

/** A second active organisation with the same business ID (organisations_business_id). */
const isDuplicate = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

async function view(tx: Tx, ctx: AuthenticatedCtx, row: repo.OrganisationRow) {
  const members = await repo.membersOf(tx, row.id);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    businessId: row.business_id,
    registerNumber: row.register_number,
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    eInvoiceAddress: row.e_invoice_address,
    eInvoiceOperator: row.e_invoice_operator,
    contactEmail: row.contact_email,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    members: members.map((m) => ({
      personId: m.person_id,
      name: m.name,
      email: m.email,
      addedAt: m.added_at.toISOString(),
    })),
    isMember: members.some((m) => m.person_id === ctx.actor.personId),
  };
}

/**
 * The organisation for a member or staff. To anyone else it does not exist: its members and
 * their emails are not theirs to know.
 */
async function accessible(tx: Tx, ctx: AuthenticatedCtx, id: string, lock = false) {
  const row = await repo.findOrganisation(tx, id, lock);
  if (!row) throw notFound();
  if (!isStaff(ctx) && !(await repo.isMember(tx, id, ctx.actor.personId))) throw notFound();
  return row;
}

export async function listMyOrganisations(ctx: Ctx) {
  const me = signedIn(ctx);
  const actor = me.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) =>
    (await repo.organisationsOfPerson(tx, actor.personId)).map(repo.toSummary),
  );
}

/**
 * Anyone signed in may register an organisation they represent and becomes its first member;
 * the municipality's staff see every organisation and deactivate one registered wrongly.
 */
export async function createOrganisation(ctx: Ctx, input: OrganisationInput) {
  const me = signedIn(ctx);
  const fields = checkOrganisation(input);
  try {
    return await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
      const { id } = await tx
        .insertInto('organisations')
        .values({
          municipality_id: ctx.municipality.id,
          ...repo.columns(fields),
          created_by: me.actor.personId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('organisation_members')
        .values({
          municipality_id: ctx.municipality.id,
          organisation_id: id,
          person_id: me.actor.personId,
          added_by: me.actor.personId,
        })
        .execute();
      await audit(tx, me, 'organisation.create', `organisation:${id}`, { kind: fields.kind });
      return view(tx, me, (await repo.findOrganisation(tx, id))!);
    });
  } catch (error) {
    if (isDuplicate(error)) throw new AppError(409, 'organisationExists');
    throw error;
  }
}

export async function getOrganisation(ctx: Ctx, id: string) {
  const me = signedIn(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await accessible(tx, me, id);
    // The members' names and emails are personal data.
    await audit(tx, me, 'organisation.read', `organisation:${id}`);
    return view(tx, me, row);
  });
}

/**
 * Members keep the details up to date. The kind decides the prices (associations pay less),
 * so only staff change it after registration.
 */
export async function updateOrganisation(ctx: Ctx, id: string, input: OrganisationInput) {
  const me = signedIn(ctx);
  const fields = checkOrganisation(input);
  try {
    return await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
      const row = await accessible(tx, me, id, true);
      if (row.kind !== fields.kind && !isStaff(me)) {
        throw new AppError(403, 'organisationKindByStaff');
      }
      await tx
        .updateTable('organisations')
        .set({ ...repo.columns(fields), updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await audit(tx, me, 'organisation.update', `organisation:${id}`, { kind: fields.kind });
      return view(tx, me, (await repo.findOrganisation(tx, id))!);
    });
  } catch (error) {
    if (isDuplicate(error)) throw new AppError(409, 'organisationExists');
    throw error;
  }
}

/** A member (or staff) adds someone who may act for the organisation; they are told so. */
export async function addOrganisationMember(ctx: Ctx, id: string, email: string) {
  const me = signedIn(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await accessible(tx, me, id, true);
    const person = await findPersonByEmail(tx, email);
    if (!person) throw new AppError(422, 'personNotFound');
    if (await repo.isMember(tx, id, person.id)) throw new AppError(409, 'alreadyMember');
    await tx
      .insertInto('organisation_members')
      .values({
        municipality_id: ctx.municipality.id,
        organisation_id: id,
        person_id: person.id,
        added_by: me.actor.personId,
      })
      .execute();
    await audit(tx, me, 'organisation.addMember', `organisation:${id}`, { personId: person.id });
    const language = isLanguage(person.language) ? person.language : 'fi';
    const params = { organisation: row.name, by: me.actor.name };
    await notifyPerson(
      tx,
      me,
      { id: person.id, email: person.email, language },
      {
        title: translate(language, 'notification.organisationMemberAdded', params),
        body: translate(language, 'notification.organisationMemberAdded.body', params),
        link: `/${ctx.municipality.slug}/organisations/${id}`,
      },
    );
    return view(tx, me, row);
  });
}

/** Someone leaves (or is removed); an organisation always keeps at least one member. */
export async function removeOrganisationMember(ctx: Ctx, id: string, personId: string) {
  const me = signedIn(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await accessible(tx, me, id, true);
    const members = await repo.membersOf(tx, id);
    if (!members.some((m) => m.person_id === personId)) throw notFound();
    if (members.length === 1) throw new AppError(409, 'lastMember');
    await tx
      .deleteFrom('organisation_members')
      .where('organisation_id', '=', id)
      .where('person_id', '=', personId)
      .execute();
    await audit(tx, me, 'organisation.removeMember', `organisation:${id}`, { personId });
    return view(tx, me, row);
  });
}

/** Staff: the municipality's organisations by name or identifier. */
export async function listOrganisations(ctx: Ctx, q: string | undefined, inactive: boolean) {
  requireRole(ctx, ...ORGANISATION_STAFF);
  const me: AuthenticatedCtx = ctx;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const rows = await repo.searchOrganisations(tx, q, inactive);
    await audit(tx, me, 'organisation.list', null, { count: rows.length });
    return rows.map(repo.toSummary);
  });
}

/**
 * Staff deactivate an organisation (nobody can buy for it any more; its orders, invoices and
 * bookings stay as they are) or take it back into use.
 */
export async function setOrganisationActive(ctx: Ctx, id: string, active: boolean) {
  requireRole(ctx, ...ORGANISATION_STAFF);
  const me: AuthenticatedCtx = ctx;
  try {
    return await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
      const row = await repo.findOrganisation(tx, id, true);
      if (!row) throw notFound();
      await tx
        .updateTable('organisations')
        .set({ active, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await audit(
        tx,
        me,
        active ? 'organisation.activate' : 'organisation.deactivate',
        `organisation:${id}`,
      );
      return view(tx, me, (await repo.findOrganisation(tx, id))!);
    });
  } catch (error) {
    if (isDuplicate(error)) throw new AppError(409, 'organisationExists');
    throw error;
  }
}
