import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { inTenant } from '../db/database.js';
import { ROLES } from '../http/context.js';
import { NoContent, SlugParams, StringEnum, Translated, Uuid, responses } from '../http/schemas.js';
import { listMunicipalities } from './municipality.repo.js';
import * as service from './municipality.service.js';

export const RoleSchema = StringEnum(ROLES);

export const MunicipalitySchema = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    name: Type.Object({ fi: Type.String(), sv: Type.String(), en: Type.String() }),
    contactEmail: Type.String(),
    contactPhone: Type.String(),
    address: Type.String(),
    themeColor: Type.String(),
  },
  { $id: 'Municipality' },
);

const SettingsBody = Type.Object(
  {
    name: Translated,
    contactEmail: Type.Union([Type.Literal(''), Type.String({ format: 'email', maxLength: 254 })]),
    contactPhone: Type.String({ maxLength: 40, pattern: '^[0-9 +()-]*$' }),
    address: Type.String({ maxLength: 300 }),
    themeColor: Type.String({ pattern: '^#[0-9a-f]{6}$' }),
  },
  { additionalProperties: false },
);

export const PersonSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    roles: Type.Array(Type.String()),
  },
  { $id: 'PersonWithRoles' },
);

/** Cross-municipality: the chooser on the front page. */
export const publicMunicipalityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/municipalities',
    {
      schema: {
        operationId: 'listMunicipalities',
        tags: ['platform'],
        summary: 'Municipalities served by this installation',
        response: responses({
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                slug: Type.String(),
                name: Type.Object({ fi: Type.String(), sv: Type.String(), en: Type.String() }),
              }),
            ),
          }),
        }),
      },
    },
    async () => ({ items: await inTenant(app.deps.db, null, listMunicipalities) }),
  );
};

export const municipalityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const municipality = Type.Ref(MunicipalitySchema);

  app.get(
    '/municipality',
    {
      schema: {
        operationId: 'getMunicipality',
        tags: ['platform'],
        summary: "The municipality's public profile",
        params: SlugParams,
        response: responses({ 200: municipality }),
      },
    },
    async (request) => service.getMunicipality(request.ctx),
  );

  app.put(
    '/admin/settings',
    {
      schema: {
        operationId: 'updateMunicipalitySettings',
        tags: ['admin'],
        summary: 'Change the name, contact details and colour of the municipality',
        params: SlugParams,
        body: SettingsBody,
        response: responses({ 200: municipality }),
      },
    },
    async (request) => service.updateSettings(request.ctx, request.body),
  );

  app.get(
    '/admin/people',
    {
      schema: {
        operationId: 'listPeople',
        tags: ['admin'],
        summary: 'People holding roles in the municipality',
        params: SlugParams,
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref(PersonSchema)) }) }),
      },
    },
    async (request) => ({
      items: await service.listPeople(request.ctx, request.query.q, request.query.limit ?? 200),
    }),
  );

  app.post(
    '/admin/role-grants',
    {
      schema: {
        operationId: 'grantRole',
        tags: ['admin'],
        summary: 'Grant a role in this municipality to a person, found by email',
        params: SlugParams,
        body: Type.Object(
          { email: Type.String({ minLength: 3, maxLength: 254 }), role: RoleSchema },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Ref(PersonSchema) }),
      },
    },
    async (request) => service.grantRole(request.ctx, request.body.email, request.body.role),
  );

  app.delete(
    '/admin/people/:personId/roles/:role',
    {
      schema: {
        operationId: 'revokeRole',
        tags: ['admin'],
        summary: 'Take a role away',
        params: Type.Object({ slug: SlugParams.properties.slug, personId: Uuid, role: RoleSchema }),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await service.revokeRole(request.ctx, request.params.personId, request.params.role);
      return reply.status(204).send(null);
    },
  );
};
