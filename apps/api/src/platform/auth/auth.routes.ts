import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { LanguageSchema, NoContent, SlugParams, Uuid, responses } from '../http/schemas.js';
import { RoleSchema } from '../municipality/municipality.routes.js';
import { SESSION_COOKIE } from '../http/request-context.js';
import * as auth from './auth.service.js';

export const CurrentUserSchema = Type.Object(
  {
    user: Type.Union([
      Type.Null(),
      Type.Object({
        id: Uuid,
        name: Type.String(),
        email: Type.Union([Type.String(), Type.Null()]),
        language: LanguageSchema,
      }),
    ]),
    roles: Type.Array(RoleSchema),
    csrfToken: Type.String({ description: 'Send as x-csrf-token with state-changing requests' }),
    oidcEnabled: Type.Boolean(),
  },
  { $id: 'CurrentUser' },
);

/**
 * A browser-session cookie: the database decides when a session ends (after SESSION_IDLE_MS
 * without use, sliding), so an active person is not logged out by a fixed cookie lifetime,
 * and closing the browser ends it on a shared computer.
 */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, oidc } = app.deps;
  const currentUser = Type.Ref(CurrentUserSchema);

  app.get(
    '/session',
    {
      schema: {
        operationId: 'getCurrentUser',
        tags: ['auth'],
        summary: 'The logged-in person, their roles here, and a CSRF token',
        params: SlugParams,
        response: responses({ 200: currentUser }),
      },
    },
    async (request, reply) => ({
      ...(await auth.getCurrentUser(request.ctx)),
      csrfToken: reply.generateCsrf(),
      oidcEnabled: oidc !== null,
    }),
  );

  app.post(
    '/session',
    {
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        operationId: 'login',
        tags: ['auth'],
        summary: 'Log in with email and password',
        params: SlugParams,
        body: Type.Object(
          {
            email: Type.String({ minLength: 3, maxLength: 254 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: currentUser }),
      },
    },
    async (request, reply) => {
      const ctx = request.ctx;
      const { token } = await auth.login(ctx, request.body.email, request.body.password);
      if (ctx.actor) await auth.logout(ctx); // a fresh session, never a fixated one
      setSessionCookie(reply, token, config.cookieSecure);
      const { actor, roles } = await auth.sessionFromToken(ctx, token);
      return {
        ...(await auth.getCurrentUser({ ...ctx, actor, roles })),
        csrfToken: reply.generateCsrf(),
        oidcEnabled: oidc !== null,
      };
    },
  );

  app.delete(
    '/session',
    {
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'Log out this session',
        params: SlugParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await auth.logout(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/session/logout-everywhere',
    {
      schema: {
        operationId: 'logoutEverywhere',
        tags: ['auth'],
        summary: 'End every session of the logged-in person, on every device',
        params: SlugParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await auth.logoutEverywhere(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/session/language',
    {
      schema: {
        operationId: 'setLanguage',
        tags: ['auth'],
        summary: "Remember the logged-in person's language",
        params: SlugParams,
        body: Type.Object({ language: LanguageSchema }, { additionalProperties: false }),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await auth.setLanguage(request.ctx, request.body.language);
      return reply.status(204).send(null);
    },
  );
};
