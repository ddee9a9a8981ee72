import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoContent, SlugParams, Uuid, responses } from '../../platform/http/schemas.js';
import {
  AdminChildSchema,
  AdminUnitSchema,
  Created,
  GroupBody,
  NewChildBody,
  PlacementBody,
  SettingsBody,
  StaffBody,
  StaffMemberSchema,
  UnitBody,
  UnitPlacementSchema,
  slug,
} from './daycare.schema.js';
import * as units from './admin.units.js';
import * as placements from './admin.placements.js';
import * as children from './admin.children.js';
import * as staff from './admin.staff.js';

const UnitParams = Type.Object({ slug, unitId: Uuid });
const GroupParams = Type.Object({ slug, groupId: Uuid });
const PlacementParams = Type.Object({ slug, placementId: Uuid });
const tags = ['daycare'];

/** The municipality administrators' daycare operations: units, groups, placements, staff. */
export const daycareAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/daycare/units',
    {
      schema: {
        operationId: 'listDaycareUnits',
        tags,
        summary: 'Every daycare unit with its groups, capacities and children placed today',
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(AdminUnitSchema) }) }),
      },
    },
    async (request) => ({ items: await units.listDaycareUnits(request.ctx) }),
  );

  app.post(
    '/admin/daycare/units',
    {
      schema: {
        operationId: 'createDaycareUnit',
        tags,
        params: SlugParams,
        body: UnitBody,
        response: responses({ 201: Created }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await units.createDaycareUnit(request.ctx, request.body)),
  );

  app.put(
    '/admin/daycare/units/:unitId',
    {
      schema: {
        operationId: 'updateDaycareUnit',
        tags,
        params: UnitParams,
        body: UnitBody,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await units.updateDaycareUnit(request.ctx, request.params.unitId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/admin/daycare/units/:unitId/groups',
    {
      schema: {
        operationId: 'createDaycareGroup',
        tags,
        params: UnitParams,
        body: GroupBody,
        response: responses({ 201: Created }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await units.createDaycareGroup(request.ctx, request.params.unitId, request.body)),
  );

  app.put(
    '/admin/daycare/groups/:groupId',
    {
      schema: {
        operationId: 'updateDaycareGroup',
        tags,
        params: GroupParams,
        body: GroupBody,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await units.updateDaycareGroup(request.ctx, request.params.groupId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/admin/daycare/units/:unitId/placements',
    {
      schema: {
        operationId: 'listUnitPlacements',
        tags,
        summary: "The unit's current and future placements",
        params: UnitParams,
        response: responses({ 200: Type.Object({ items: Type.Array(UnitPlacementSchema) }) }),
      },
    },
    async (request) => ({
      items: await placements.listUnitPlacements(request.ctx, request.params.unitId),
    }),
  );

  app.post(
    '/admin/daycare/placements',
    {
      schema: {
        operationId: 'createPlacement',
        tags,
        summary: "Place a child in a group; 409 when it overlaps one of the child's placements",
        params: SlugParams,
        body: PlacementBody,
        response: responses({ 201: Created }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await placements.createPlacement(request.ctx, request.body)),
  );

  app.put(
    '/admin/daycare/placements/:placementId',
    {
      schema: {
        operationId: 'updatePlacement',
        tags,
        summary: 'Move a placement to another group or change its dates (e.g. end it)',
        params: PlacementParams,
        body: PlacementBody,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await placements.updatePlacement(request.ctx, request.params.placementId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/admin/daycare/placements/:placementId',
    {
      schema: {
        operationId: 'deletePlacement',
        tags,
        summary: 'Remove a placement made by mistake',
        params: PlacementParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await placements.deletePlacement(request.ctx, request.params.placementId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/admin/daycare/children',
    {
      schema: {
        operationId: 'searchDaycareChildren',
        tags,
        summary: 'Children by name, with their guardians and where they are placed today',
        params: SlugParams,
        querystring: Type.Object(
          { q: Type.String({ minLength: 2, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ items: Type.Array(AdminChildSchema) }) }),
      },
    },
    async (request) => ({ items: await children.searchChildren(request.ctx, request.query.q) }),
  );

  app.post(
    '/admin/daycare/children',
    {
      schema: {
        operationId: 'createDaycareChild',
        tags,
        summary: 'Add a child with its guardians (people who have signed in once)',
        params: SlugParams,
        body: NewChildBody,
        response: responses({ 201: AdminChildSchema }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await children.createDaycareChild(request.ctx, request.body)),
  );

  app.get(
    '/admin/daycare/units/:unitId/staff',
    {
      schema: {
        operationId: 'listUnitStaff',
        tags,
        params: UnitParams,
        response: responses({ 200: Type.Object({ items: Type.Array(StaffMemberSchema) }) }),
      },
    },
    async (request) => ({ items: await staff.listUnitStaff(request.ctx, request.params.unitId) }),
  );

  app.post(
    '/admin/daycare/units/:unitId/staff',
    {
      schema: {
        operationId: 'addDaycareStaff',
        tags,
        summary: 'A person works in the unit, or in one of its groups',
        params: UnitParams,
        body: StaffBody,
        response: responses({ 201: Created }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await staff.addDaycareStaff(request.ctx, request.params.unitId, request.body)),
  );

  app.delete(
    '/admin/daycare/staff/:membershipId',
    {
      schema: {
        operationId: 'removeDaycareStaff',
        tags,
        params: Type.Object({ slug, membershipId: Uuid }),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await staff.removeDaycareStaff(request.ctx, request.params.membershipId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/admin/daycare/settings',
    {
      schema: {
        operationId: 'getDaycareSettings',
        tags,
        params: SlugParams,
        response: responses({ 200: SettingsBody }),
      },
    },
    async (request) => units.getDaycareSettings(request.ctx),
  );

  app.put(
    '/admin/daycare/settings',
    {
      schema: {
        operationId: 'updateDaycareSettings',
        tags,
        summary: 'The absence cut-off: until when an absence for today can be reported',
        params: SlugParams,
        body: SettingsBody,
        response: responses({ 200: SettingsBody }),
      },
    },
    async (request) => units.updateDaycareSettings(request.ctx, request.body),
  );
};
