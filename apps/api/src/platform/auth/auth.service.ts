import { inTenant, type Tx } from '../db/database.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../http/errors.js';
import type { Ctx, Role } from '../http/context.js';
import { requireUser } from '../http/context.js';
import type { Language } from '../i18n/messages.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { findPersonByEmail, rolesOf } from './people.repo.js';
import { clearFailures, emailKey, lockRemainingMs, recordFailure } from './lockout.repo.js';
import {
  deleteSession,
  deleteSessionsOfPerson,
  findActorByToken,
  insertSession,
  authChanged,
} from './session.repo.js';

export interface CurrentUser {
  user: { id: string; name: string; email: string | null; language: Language } | null;
  roles: Role[];
}

export async function getCurrentUser(ctx: Ctx): Promise<CurrentUser> {
  if (!ctx.actor) return { user: null, roles: [] };
  const { personId, name, email, language } = ctx.actor;
  return { user: { id: personId, name, email, language }, roles: ctx.roles };
}

function lockedError(remainingMs: number) {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return new AppError(429, 'loginLocked', { minutes }, { 'retry-after': String(minutes * 60) });
}

/**
 * Password login. Unknown email and wrong password give the same answer after the same work;
 * failures are counted per email (existing or not) and lock further tries for a while.
 * Returns the new session token for the cookie.
 */
export async function login(
  ctx: Ctx,
  email: string,
  password: string,
): Promise<{ token: string; personId: string }> {
  const key = emailKey(email);
  const { person, lockedMs } = await inTenant(ctx.db, ctx.municipality.id, async (tx) => ({
    lockedMs: await lockRemainingMs(tx, key),
    person: await findPersonByEmail(tx, key),
  }));
  const hash = person?.password_hash ?? (await dummyPasswordHash());
  // Verify even when locked or unknown, so the response time tells nothing.
  const valid = (await verifyPassword(hash, password)) && !!person?.password_hash;
  if (lockedMs > 0) throw lockedError(lockedMs);

  const result = await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    if (!valid || !person) {
      await recordFailure(tx, key);
      await audit(tx, ctx, 'auth.login.failed', null, { email: key });
      const nowLocked = await lockRemainingMs(tx, key);
      // Committing the count matters more than the error: throw after the transaction.
      return {
        error: nowLocked > 0 ? lockedError(nowLocked) : new AppError(401, 'invalidCredentials'),
      };
    }
    await clearFailures(tx, key);
    const token = await openSession(tx, ctx, person.id, 'password');
    return { token, personId: person.id };
  });
  if ('error' in result) throw result.error;
  return result;
}

/** A new session for a person who just proved who they are, with its audit record. */
export async function openSession(
  tx: Tx,
  ctx: Ctx,
  personId: string,
  method: 'password' | 'oidc',
): Promise<string> {
  const token = await insertSession(tx, personId, method);
  await audit(tx, { ...ctx, actor: { personId } }, 'auth.login', `person:${personId}`, { method });
  return token;
}

export async function logout(ctx: Ctx): Promise<void> {
  if (!ctx.actor) return;
  const actor = ctx.actor;
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await deleteSession(tx, actor.sessionId);
    await audit(tx, ctx, 'auth.logout', `person:${actor.personId}`);
  });
}

export async function logoutEverywhere(ctx: Ctx): Promise<number> {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const count = await deleteSessionsOfPerson(tx, actor.personId);
    await audit(tx, ctx, 'auth.logoutEverywhere', `person:${actor.personId}`, { sessions: count });
    return count;
  });
}

export async function setLanguage(ctx: Ctx, language: Language): Promise<void> {
  requireUser(ctx);
  const actor = ctx.actor;
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await tx.updateTable('people').set({ language }).where('id', '=', actor.personId).execute();
    authChanged(tx, actor.personId);
    await audit(tx, ctx, 'person.setLanguage', `person:${actor.personId}`, { language });
  });
}

export async function loadRoles(ctx: Ctx): Promise<Role[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  return inTenant(ctx.db, ctx.municipality.id, (tx) => rolesOf(tx, actor.personId));
}

/** The actor and roles a freshly issued session token stands for. */
export async function sessionFromToken(ctx: Ctx, token: string) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const actor = await findActorByToken(tx, token);
    if (!actor) throw new AppError(401, 'unauthenticated');
    return { actor, roles: await rolesOf(tx, actor.personId) };
  });
}
