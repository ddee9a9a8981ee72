import type { Database } from '../db/database.js';
import type { Language } from '../i18n/messages.js';
import { forbidden, unauthenticated } from './errors.js';

export const ROLES = [
  'resident',
  'guardian',
  'staff',
  'daycare_staff',
  'facility_admin',
  'digital_team',
  'admin',
  'finance',
] as const;
export type Role = (typeof ROLES)[number];

export interface Municipality {
  id: string;
  slug: string;
  name: { fi: string; sv: string; en: string };
  contactEmail: string;
  contactPhone: string;
  address: string;
  themeColor: string;
}

export interface Actor {
  personId: string;
  sessionId: string;
  name: string;
  email: string | null;
  language: Language;
}

/** Everything a service method needs to know about who asks, where and in which language. */
export interface Ctx {
  db: Database;
  municipality: Municipality;
  actor: Actor | null;
  roles: Role[];
  requestId: string;
  language: Language;
  /** The public address of the service, for links in emails. */
  baseUrl: string;
}

export type AuthenticatedCtx = Ctx & { actor: Actor };

export function requireUser(ctx: Ctx): asserts ctx is AuthenticatedCtx {
  if (!ctx.actor) throw unauthenticated();
}

/** The access check every service method starts with: logged in and holding one of the roles. */
export function requireRole(ctx: Ctx, ...roles: Role[]): asserts ctx is AuthenticatedCtx {
  requireUser(ctx);
  if (!roles.some((role) => ctx.roles.includes(role))) throw forbidden();
}

declare module 'fastify' {
  interface FastifyRequest {
    language: Language;
    actor: Actor | null;
    /** Set on /api/:slug/ routes. */
    ctx: Ctx;
  }
}
