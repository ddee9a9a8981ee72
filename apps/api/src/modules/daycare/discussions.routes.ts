import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoContent, SlugParams, Uuid, responses } from '../../platform/http/schemas.js';
import { slug } from './daycare.schema.js';
import {
  EventBody,
  FamilyCalendarSchema,
  MyDiscussionsSchema,
  NewSurveyBody,
  SlotBody,
  SlotSeriesBody,
  StaffEventSchema,
  StaffSurveySchema,
  StaffSurveySummary,
} from './discussions.schema.js';
import {
  createSurvey,
  getStaffSurvey,
  listStaffSurveys,
  remindUnbooked,
} from './discussions.staff.js';
import { addSlots, cancelSlot, seriesSlots, updateSlot } from './discussions.slots.js';
import {
  bookDiscussionSlot,
  cancelDiscussionBooking,
  listMyDiscussions,
} from './discussions.guardian.js';
import { cancelEvent, createEvent, listStaffEvents } from './events.js';
import { getFamilyCalendar } from './family-calendar.js';

const tags = ['daycare'];
const SurveyParams = Type.Object({ slug, surveyId: Uuid });
const SlotParams = Type.Object({ slug, slotId: Uuid });

/** Discussion times (staff and guardians), daycare events and the family calendar. */
export const discussionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const op = (operationId: string, summary: string) => ({ operationId, tags, summary });

  app.get(
    '/daycare/discussions',
    {
      schema: {
        ...op('listMyDiscussions', "Discussion surveys concerning the guardian's children"),
        params: SlugParams,
        response: responses({ 200: MyDiscussionsSchema }),
      },
    },
    async (request) => listMyDiscussions(request.ctx),
  );

  app.post(
    '/daycare/discussion-slots/:slotId/bookings',
    {
      schema: {
        ...op(
          'bookDiscussionSlot',
          "Book a slot for one's child until the deadline (replaces the child's earlier time in the survey); 409 when taken",
        ),
        params: SlotParams,
        body: Type.Object({ childId: Uuid }, { additionalProperties: false }),
        response: responses({
          201: Type.Object({ id: Uuid, slotId: Uuid, childId: Uuid }),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await bookDiscussionSlot(request.ctx, request.params.slotId, request.body.childId)),
  );

  app.delete(
    '/daycare/discussion-bookings/:bookingId',
    {
      schema: {
        ...op('cancelDiscussionBooking', "Cancel a child's discussion time until the deadline"),
        params: Type.Object({ slug, bookingId: Uuid }),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await cancelDiscussionBooking(request.ctx, request.params.bookingId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/daycare/calendar',
    {
      schema: {
        ...op(
          'getFamilyCalendar',
          "The guardian's calendar: discussion times, absences and daycare events, next weeks",
        ),
        params: SlugParams,
        response: responses({ 200: FamilyCalendarSchema }),
      },
    },
    async (request) => getFamilyCalendar(request.ctx),
  );

  app.get(
    '/daycare/staff/discussions',
    {
      schema: {
        ...op('listStaffDiscussions', "Discussion surveys of the staff member's units"),
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(StaffSurveySummary) }) }),
      },
    },
    async (request) => ({ items: await listStaffSurveys(request.ctx) }),
  );

  app.post(
    '/daycare/staff/discussions',
    {
      schema: {
        ...op('createDiscussionSurvey', "Publish a discussion survey for a group's children"),
        params: SlugParams,
        body: NewSurveyBody,
        response: responses({ 201: StaffSurveySchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await createSurvey(request.ctx, request.body)),
  );

  app.get(
    '/daycare/staff/discussions/:surveyId',
    {
      schema: {
        ...op('getStaffDiscussion', 'A survey with its slots, bookings and who has not booked'),
        params: SurveyParams,
        response: responses({ 200: StaffSurveySchema }),
      },
    },
    async (request) => getStaffSurvey(request.ctx, request.params.surveyId),
  );

  app.post(
    '/daycare/staff/discussions/:surveyId/slots',
    {
      schema: {
        ...op('addDiscussionSlots', 'Add slots: a list, or a series (a day from–to, length)'),
        params: SurveyParams,
        body: Type.Object(
          {
            slots: Type.Optional(Type.Array(SlotBody, { minItems: 1, maxItems: 200 })),
            series: Type.Optional(SlotSeriesBody),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: StaffSurveySchema }),
      },
    },
    async (request) =>
      addSlots(request.ctx, request.params.surveyId, [
        ...(request.body.slots ?? []),
        ...(request.body.series ? seriesSlots(request.body.series) : []),
      ]),
  );

  app.put(
    '/daycare/staff/discussion-slots/:slotId',
    {
      schema: {
        ...op('updateDiscussionSlot', 'Change a slot nobody has booked'),
        params: SlotParams,
        body: SlotBody,
        response: responses({ 200: StaffSurveySchema }),
      },
    },
    async (request) => updateSlot(request.ctx, request.params.slotId, request.body),
  );

  app.delete(
    '/daycare/staff/discussion-slots/:slotId',
    {
      schema: {
        ...op('cancelDiscussionSlot', "Cancel a slot (a booked one tells the child's guardians)"),
        params: SlotParams,
        response: responses({ 200: StaffSurveySchema }),
      },
    },
    async (request) => cancelSlot(request.ctx, request.params.slotId),
  );

  app.post(
    '/daycare/staff/discussions/:surveyId/remind',
    {
      schema: {
        ...op('remindDiscussionSurvey', 'Remind the guardians of the children not booked yet'),
        params: SurveyParams,
        response: responses({
          200: Type.Object({ children: Type.Integer(), guardians: Type.Integer() }),
        }),
      },
    },
    async (request) => remindUnbooked(request.ctx, request.params.surveyId),
  );

  app.get(
    '/daycare/staff/events',
    {
      schema: {
        ...op('listStaffDaycareEvents', "Events of the staff member's units"),
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(StaffEventSchema) }) }),
      },
    },
    async (request) => ({ items: await listStaffEvents(request.ctx) }),
  );

  app.post(
    '/daycare/staff/events',
    {
      schema: {
        ...op('createDaycareEvent', 'Publish an event for a unit or a group'),
        params: SlugParams,
        body: EventBody,
        response: responses({ 201: Type.Object({ id: Uuid }) }),
      },
    },
    async (request, reply) => reply.status(201).send(await createEvent(request.ctx, request.body)),
  );

  app.delete(
    '/daycare/staff/events/:eventId',
    {
      schema: {
        ...op('cancelDaycareEvent', 'Cancel an event'),
        params: Type.Object({ slug, eventId: Uuid }),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await cancelEvent(request.ctx, request.params.eventId);
      return reply.status(204).send(null);
    },
  );
};
