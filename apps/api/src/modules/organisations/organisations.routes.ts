import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SlugParams, Uuid, responses } from '../../platform/http/schemas.js';
import * as service from './organisations.js';
import {
  OrganisationBody,
  OrganisationSchema,
  OrganisationSummarySchema,
} from './organisations.schema.js';

const slug = SlugParams.properties.slug;
const Params = Type.Object({ slug, organisationId: Uuid });
const Organisation = Type.Ref(OrganisationSchema);

export const organisationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/organisations/mine',
    {
      schema: {
        operationId: 'listMyOrganisations',
        tags: ['organisations'],
        summary: 'The active associations and companies the asker may book and buy for',
        params: SlugParams,
        response: responses({
          200: Type.Object({ items: Type.Array(OrganisationSummarySchema) }),
        }),
      },
    },
    async (request) => ({ items: await service.listMyOrganisations(request.ctx) }),
  );

  app.post(
    '/organisations',
    {
      schema: {
        operationId: 'createOrganisation',
        tags: ['organisations'],
        summary:
          'Register an association or a company one represents; the asker becomes its first member',
        params: SlugParams,
        body: OrganisationBody,
        response: responses({ 201: Organisation }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createOrganisation(request.ctx, request.body)),
  );

  app.get(
    '/organisations/:organisationId',
    {
      schema: {
        operationId: 'getOrganisation',
        tags: ['organisations'],
        summary: 'An organisation with its members (members and staff only)',
        params: Params,
        response: responses({ 200: Organisation }),
      },
    },
    async (request) => service.getOrganisation(request.ctx, request.params.organisationId),
  );

  app.put(
    '/organisations/:organisationId',
    {
      schema: {
        operationId: 'updateOrganisation',
        tags: ['organisations'],
        summary: 'Change the details (members and staff; only staff change the kind)',
        params: Params,
        body: OrganisationBody,
        response: responses({ 200: Organisation }),
      },
    },
    async (request) =>
      service.updateOrganisation(request.ctx, request.params.organisationId, request.body),
  );

  app.post(
    '/organisations/:organisationId/members',
    {
      schema: {
        operationId: 'addOrganisationMember',
        tags: ['organisations'],
        summary: 'Add a person (by the email of their account) who may act for the organisation',
        params: Params,
        body: Type.Object(
          { email: Type.String({ format: 'email', maxLength: 254 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Organisation }),
      },
    },
    async (request) =>
      service.addOrganisationMember(request.ctx, request.params.organisationId, request.body.email),
  );

  app.delete(
    '/organisations/:organisationId/members/:personId',
    {
      schema: {
        operationId: 'removeOrganisationMember',
        tags: ['organisations'],
        summary: 'Remove a member (one may also leave); the last member stays',
        params: Type.Object({ slug, organisationId: Uuid, personId: Uuid }),
        response: responses({ 200: Organisation }),
      },
    },
    async (request) =>
      service.removeOrganisationMember(
        request.ctx,
        request.params.organisationId,
        request.params.personId,
      ),
  );

  app.get(
    '/admin/organisations',
    {
      schema: {
        operationId: 'listOrganisations',
        tags: ['organisations'],
        summary: "Staff: the municipality's associations and companies",
        params: SlugParams,
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            inactive: Type.Optional(Type.Boolean({ description: 'Include deactivated ones' })),
          },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({ items: Type.Array(OrganisationSummarySchema) }),
        }),
      },
    },
    async (request) => ({
      items: await service.listOrganisations(
        request.ctx,
        request.query.q?.trim() || undefined,
        request.query.inactive ?? false,
      ),
    }),
  );

  app.put(
    '/admin/organisations/:organisationId/active',
    {
      schema: {
        operationId: 'setOrganisationActive',
        tags: ['organisations'],
        summary:
          'Staff: deactivate an organisation (nobody may buy for it; its orders stay) or take it back',
        params: Params,
        body: Type.Object({ active: Type.Boolean() }, { additionalProperties: false }),
        response: responses({ 200: Organisation }),
      },
    },
    async (request) =>
      service.setOrganisationActive(
        request.ctx,
        request.params.organisationId,
        request.body.active,
      ),
  );
};
