import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  NoContent,
  SlugParams,
  StringEnum,
  TranslatedInput,
  Uuid,
  responses,
} from '../../platform/http/schemas.js';
import { RESOURCE_KINDS, ResourceSchema, TermsSchema } from './bookings.schema.js';
import { setResourceTerms } from './terms.js';
import * as admin from './resources.admin.js';

const slug = SlugParams.properties.slug;
const Time = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'HH:MM local time',
});
const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });
const ResourceBody = Type.Object(
  {
    kind: StringEnum(RESOURCE_KINDS),
    name: TranslatedInput(120, 1),
    description: TranslatedInput(2000),
    location: Text(300),
    capacity: Type.Integer({ minimum: 1, maximum: 100000 }),
    accessible: Type.Boolean(),
    selfService: Type.Boolean(),
    bookingMode: StringEnum(['instant', 'approval']),
    priceProductId: Type.Optional(
      Type.Union([Uuid, Type.Null()], {
        description: 'The facility-use product whose prices are for one hour; null: free',
      }),
    ),
    cancelFreeHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 8760 })),
    slot: Type.Object(
      {
        minMinutes: Type.Integer({ minimum: 15, maximum: 1440 }),
        maxMinutes: Type.Integer({ minimum: 15, maximum: 1440 }),
        stepMinutes: Type.Unsafe<15 | 30 | 60>({ type: 'integer', enum: [15, 30, 60] }),
        bookAheadDays: Type.Integer({ minimum: 1, maximum: 730 }),
        bufferMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
      },
      { additionalProperties: false },
    ),
    openingHours: Type.Array(
      Type.Object(
        { weekday: Type.Integer({ minimum: 1, maximum: 7 }), opens: Time, closes: Time },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);

export const resourceAdminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const resource = Type.Ref(ResourceSchema);

  app.post(
    '/admin/resources',
    {
      schema: {
        operationId: 'createResource',
        tags: ['bookings'],
        summary: 'Add a bookable facility with its rules and weekly opening hours',
        params: SlugParams,
        body: ResourceBody,
        response: responses({ 201: resource }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await admin.createResource(request.ctx, request.body)),
  );

  app.put(
    '/admin/resources/:resourceId',
    {
      schema: {
        operationId: 'updateResource',
        tags: ['bookings'],
        summary: 'Change a facility; the opening hours given replace the old ones',
        params: Type.Object({ slug, resourceId: Uuid }),
        body: ResourceBody,
        response: responses({ 200: resource }),
      },
    },
    async (request) => admin.updateResource(request.ctx, request.params.resourceId, request.body),
  );

  app.delete(
    '/admin/resources/:resourceId',
    {
      schema: {
        operationId: 'archiveResource',
        tags: ['bookings'],
        summary: 'Take a facility out of booking (its history stays)',
        params: Type.Object({ slug, resourceId: Uuid }),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await admin.archiveResource(request.ctx, request.params.resourceId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/admin/resources/:resourceId/terms',
    {
      schema: {
        operationId: 'setResourceTerms',
        tags: ['bookings'],
        summary:
          'Set the terms of use bookers accept (all three languages; all empty removes them); a change is a new version',
        params: Type.Object({ slug, resourceId: Uuid }),
        body: Type.Object({ text: TranslatedInput(8000) }, { additionalProperties: false }),
        response: responses({ 200: Type.Union([Type.Ref(TermsSchema), Type.Null()]) }),
      },
    },
    async (request) => setResourceTerms(request.ctx, request.params.resourceId, request.body.text),
  );

  app.put(
    '/admin/resources/:resourceId/exceptions/:day',
    {
      schema: {
        operationId: 'setOpeningException',
        tags: ['bookings'],
        summary: 'Other hours on one day, or closed (no hours): public holidays, closures',
        params: Type.Object({ slug, resourceId: Uuid, day: Type.String({ format: 'date' }) }),
        body: Type.Object(
          { opens: Type.Optional(Time), closes: Type.Optional(Time), reason: Text(300) },
          { additionalProperties: false },
        ),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await admin.setOpeningException(request.ctx, request.params.resourceId, {
        day: request.params.day,
        ...request.body,
      });
      return reply.status(204).send(null);
    },
  );
};
