import { inTenant } from '../db/database.js';
import { audit } from '../audit/audit.js';
import type { Ctx } from '../http/context.js';
import { openSession } from './auth.service.js';
import type { VerifiedIdentity } from './oidc.js';

/**
 * Log in the person the provider vouched for. A person is matched by issuer and subject;
 * one seen for the first time is created and becomes a resident of this municipality.
 * Emails from the provider are not used to match existing accounts: that would let whoever
 * controls a provider account take over a password account with the same address.
 */
export async function loginWithIdentity(
  ctx: Ctx,
  issuer: string,
  identity: VerifiedIdentity,
): Promise<string> {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    let person = await tx
      .selectFrom('people')
      .select('id')
      .where('oidc_issuer', '=', issuer)
      .where('oidc_subject', '=', identity.subject)
      .executeTakeFirst();
    if (!person) {
      const emailTaken =
        identity.email !== null &&
        (await tx
          .selectFrom('people')
          .select('id')
          .where((eb) => eb(eb.fn('lower', ['email']), '=', identity.email!.toLowerCase()))
          .executeTakeFirst());
      person = await tx
        .insertInto('people')
        .values({
          name: identity.name,
          email: emailTaken ? null : identity.email,
          language: ctx.language,
          password_hash: null,
          oidc_issuer: issuer,
          oidc_subject: identity.subject,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, ctx, 'person.create', `person:${person.id}`, { method: 'oidc' });
    }
    await tx
      .insertInto('role_grants')
      .values({
        municipality_id: ctx.municipality.id,
        person_id: person.id,
        role: 'resident',
        granted_by: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return openSession(tx, ctx, person.id, 'oidc');
  });
}
