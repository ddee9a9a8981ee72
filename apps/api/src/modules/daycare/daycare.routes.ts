import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SlugParams, Uuid, responses } from '../../platform/http/schemas.js';
import {
  Day,
  GroupDaySchema,
  MyDaycareSchema,
  ReportAbsenceBody,
  StaffAbsenceBody,
  StaffChildSchema,
  StaffUnitSchema,
  slug,
} from './daycare.schema.js';
import { cancelAbsences, listMyAbsences, reportAbsence } from './absences.js';
import { listMyDaycareChildren } from './family.js';
import { listGroupDay, listMyDaycareUnits, listMyGroupChildren } from './group-day.js';
import { cancelGroupAbsence, recordGroupAbsence } from './absences.staff.js';

const absence = Type.Ref('DaycareAbsence');

/** The guardians' and the daycare staff's operations. */
export const daycareRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/daycare/children',
    {
      schema: {
        operationId: 'listMyDaycareChildren',
        tags: ['daycare'],
        summary: "The signed-in guardian's children with their daycare units and groups",
        params: SlugParams,
        response: responses({ 200: MyDaycareSchema }),
      },
    },
    async (request) => listMyDaycareChildren(request.ctx),
  );

  app.get(
    '/daycare/absences',
    {
      schema: {
        operationId: 'listMyAbsences',
        tags: ['daycare'],
        summary: "Absences of the guardian's children from today on",
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(absence) }) }),
      },
    },
    async (request) => ({ items: await listMyAbsences(request.ctx) }),
  );

  app.post(
    '/daycare/absences',
    {
      schema: {
        operationId: 'reportAbsence',
        tags: ['daycare'],
        summary:
          'Report children absent for a day or a date range (each operation day of their placement); today until the cut-off time',
        params: SlugParams,
        body: ReportAbsenceBody,
        response: responses({ 201: Type.Object({ items: Type.Array(absence) }) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({ items: await reportAbsence(request.ctx, request.body) }),
  );

  app.post(
    '/daycare/absences/cancel',
    {
      schema: {
        operationId: 'cancelAbsences',
        tags: ['daycare'],
        summary: 'Cancel absences: future days, and today until the cut-off time',
        params: SlugParams,
        body: Type.Object(
          { absenceIds: Type.Array(Uuid, { minItems: 1, maxItems: 400 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ cancelled: Type.Integer() }) }),
      },
    },
    async (request) => cancelAbsences(request.ctx, request.body.absenceIds),
  );

  app.get(
    '/daycare/units',
    {
      schema: {
        operationId: 'listMyDaycareUnits',
        tags: ['daycare'],
        summary: 'The units and groups where the signed-in staff member works',
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(StaffUnitSchema) }) }),
      },
    },
    async (request) => ({ items: await listMyDaycareUnits(request.ctx) }),
  );

  app.get(
    '/daycare/groups/:groupId/day',
    {
      schema: {
        operationId: 'listGroupDay',
        tags: ['daycare'],
        summary: "A group's day: who is present, who is absent and why, upcoming absences",
        params: Type.Object({ slug, groupId: Uuid }),
        querystring: Type.Object({ date: Type.Optional(Day) }, { additionalProperties: false }),
        response: responses({ 200: GroupDaySchema }),
      },
    },
    async (request) => listGroupDay(request.ctx, request.params.groupId, request.query.date),
  );

  app.get(
    '/daycare/staff/children',
    {
      schema: {
        operationId: 'listMyGroupChildren',
        tags: ['daycare'],
        summary: "The children placed today in the staff member's groups (to write to one)",
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(StaffChildSchema) }) }),
      },
    },
    async (request) => ({ items: await listMyGroupChildren(request.ctx) }),
  );

  const GroupParams = Type.Object({ slug, groupId: Uuid });
  app.post(
    '/daycare/groups/:groupId/absences',
    {
      schema: {
        operationId: 'recordGroupAbsence',
        tags: ['daycare'],
        summary:
          "Staff of the group record a child's absence (today at any time of day, or later days)",
        params: GroupParams,
        body: StaffAbsenceBody,
        response: responses({
          201: Type.Object({ days: Type.Integer(), reportId: Uuid }),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordGroupAbsence(request.ctx, request.params.groupId, request.body)),
  );

  app.post(
    '/daycare/groups/:groupId/absences/:absenceId/cancel',
    {
      schema: {
        operationId: 'cancelGroupAbsence',
        tags: ['daycare'],
        summary: "Staff of the group remove a child's absence of today or a later day",
        params: Type.Object({ slug, groupId: Uuid, absenceId: Uuid }),
        response: responses({ 200: Type.Object({ cancelled: Type.Integer() }) }),
      },
    },
    async (request) =>
      cancelGroupAbsence(request.ctx, request.params.groupId, request.params.absenceId),
  );
};
