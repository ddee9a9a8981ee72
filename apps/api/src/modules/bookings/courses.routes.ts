import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DateTime,
  NoContent,
  SlugParams,
  StringEnum,
  TranslatedInput,
  TranslatedText,
  Uuid,
  responses,
} from '../../platform/http/schemas.js';
import * as courses from './courses.js';
import { registerForCourse } from './courses.register.js';
import { getQueue, joinQueue } from './courses.queue.js';
import { cancelCourse } from './courses.cancel.js';

const slug = SlugParams.properties.slug;
const CourseParams = Type.Object({ slug, courseId: Uuid });
const RegistrationParams = Type.Object({ slug, registrationId: Uuid });

export const CourseSchema = Type.Object(
  {
    id: Uuid,
    name: TranslatedText,
    description: TranslatedText,
    location: Type.String(),
    ageMin: Type.Integer(),
    ageMax: Type.Integer(),
    seats: Type.Integer(),
    seatsLeft: Type.Integer(),
    waitlistLength: Type.Integer(),
    waitlist: Type.Boolean(),
    priceCents: Type.Union([Type.Integer(), Type.Null()], {
      description: "The asker's fee for one child, VAT included; null: not offered to their group",
    }),
    priceProductId: Type.Union([Uuid, Type.Null()]),
    registrationOpensAt: DateTime,
    registrationClosesAt: DateTime,
    registration: StringEnum(['upcoming', 'open', 'closed', 'cancelled'], {
      description: 'cancelled: staff cancelled the course (cancelReason says why)',
    }),
    registrationMode: StringEnum(['first_come', 'fair_queue']),
    admitPerMinute: Type.Integer(),
    admissionMinutes: Type.Integer(),
    holdMinutes: Type.Integer(),
    offerHours: Type.Integer(),
    cancelFreeHours: Type.Integer(),
    cancelledAt: Type.Union([DateTime, Type.Null()]),
    cancelReason: Type.Union([Type.String(), Type.Null()]),
    sessions: Type.Array(Type.Object({ start: DateTime, end: DateTime })),
  },
  { $id: 'Course' },
);
const course = Type.Ref('Course');

export const CourseRegistrationSchema = Type.Object(
  {
    id: Uuid,
    courseId: Uuid,
    courseName: TranslatedText,
    child: Type.Object({ id: Uuid, firstName: Type.String(), lastName: Type.String() }),
    guardianName: Type.String(),
    status: StringEnum(['held', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'expired']),
    heldUntil: Type.Union([DateTime, Type.Null()]),
    offeredUntil: Type.Union([DateTime, Type.Null()]),
    waitlistPosition: Type.Union([Type.Integer(), Type.Null()]),
    priceCents: Type.Integer(),
    payment: StringEnum(['free', 'unpaid', 'paid', 'refunded']),
    refundedCents: Type.Integer(),
    freeCancellationUntil: Type.Union([DateTime, Type.Null()]),
    createdAt: DateTime,
    canCancel: Type.Boolean(),
    canAccept: Type.Boolean(),
  },
  { $id: 'CourseRegistration' },
);
const registration = Type.Ref('CourseRegistration');

const QueueSchema = Type.Object({
  courseId: Uuid,
  joined: Type.Boolean(),
  state: Type.Union([StringEnum(['waiting', 'admitted', 'passed']), Type.Null()]),
  place: Type.Union([Type.Integer(), Type.Null()], { description: 'Drawn at the opening' }),
  ahead: Type.Union([Type.Integer(), Type.Null()]),
  inQueue: Type.Integer(),
  admitPerMinute: Type.Integer({ description: 'How fast the queue moves' }),
  opensAt: DateTime,
  admittedAt: Type.Union([DateTime, Type.Null()]),
  admittedUntil: Type.Union([DateTime, Type.Null()]),
  serverTime: DateTime,
});

const CourseBody = Type.Object(
  {
    name: TranslatedInput(200, 1),
    description: TranslatedInput(4000),
    location: Type.String({ maxLength: 300 }),
    ageMin: Type.Integer({ minimum: 0, maximum: 120 }),
    ageMax: Type.Integer({ minimum: 0, maximum: 120 }),
    seats: Type.Integer({ minimum: 1, maximum: 100000 }),
    priceProductId: Type.Union([Uuid, Type.Null()]),
    registrationOpensAt: DateTime,
    registrationClosesAt: DateTime,
    registrationMode: StringEnum(['first_come', 'fair_queue']),
    admitPerMinute: Type.Integer({ minimum: 1, maximum: 100000 }),
    admissionMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
    holdMinutes: Type.Integer({ minimum: 1, maximum: 10080 }),
    waitlist: Type.Boolean(),
    offerHours: Type.Integer({ minimum: 1, maximum: 720 }),
    cancelFreeHours: Type.Integer({ minimum: 0, maximum: 8760 }),
    sessions: Type.Array(
      Type.Object({ start: DateTime, end: DateTime }, { additionalProperties: false }),
      { maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);

export const courseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/courses',
    {
      schema: {
        operationId: 'listCourses',
        tags: ['courses'],
        summary: 'Courses with their sessions, seats left and the asker’s fee',
        params: SlugParams,
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            age: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ items: Type.Array(course) }) }),
      },
    },
    async (request) => ({ items: await courses.listCourses(request.ctx, request.query) }),
  );

  app.get(
    '/courses/:courseId',
    {
      schema: {
        operationId: 'getCourse',
        tags: ['courses'],
        params: CourseParams,
        response: responses({ 200: course }),
      },
    },
    async (request) => courses.getCourse(request.ctx, request.params.courseId),
  );

  app.post(
    '/courses/:courseId/registrations',
    {
      schema: {
        operationId: 'registerForCourse',
        tags: ['courses'],
        summary:
          'Register children: each gets a seat (held in the cart until paid, or confirmed when free) or a waitlist place',
        params: CourseParams,
        body: Type.Object(
          {
            childIds: Type.Array(Uuid, { minItems: 1, maxItems: courses.MAX_CHILDREN }),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Object({ items: Type.Array(registration) }) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        items: await registerForCourse(request.ctx, request.params.courseId, request.body.childIds),
      }),
  );

  app.post(
    '/courses/:courseId/queue',
    {
      schema: {
        operationId: 'joinCourseQueue',
        tags: ['courses'],
        summary: 'Enter the waiting room of a fair-queue course (or the end of its queue)',
        params: CourseParams,
        response: responses({ 200: QueueSchema }),
      },
    },
    async (request) => joinQueue(request.ctx, request.params.courseId),
  );

  app.get(
    '/courses/:courseId/queue',
    {
      schema: {
        operationId: 'getCourseQueue',
        tags: ['courses'],
        summary: 'One’s place in the queue, and how fast it moves',
        params: CourseParams,
        response: responses({ 200: QueueSchema }),
      },
    },
    async (request) => getQueue(request.ctx, request.params.courseId),
  );

  app.get(
    '/course-registrations/mine',
    {
      schema: {
        operationId: 'listMyRegistrations',
        tags: ['courses'],
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(registration) }) }),
      },
    },
    async (request) => ({ items: await courses.listMyRegistrations(request.ctx) }),
  );

  app.post(
    '/course-registrations/:registrationId/cancel',
    {
      schema: {
        operationId: 'cancelRegistration',
        tags: ['courses'],
        summary:
          'Cancel a registration (the seat goes to the waitlist; a paid fee is refunded by the rule)',
        params: RegistrationParams,
        response: responses({ 200: registration }),
      },
    },
    async (request) => courses.cancelRegistration(request.ctx, request.params.registrationId),
  );

  app.post(
    '/course-registrations/:registrationId/accept',
    {
      schema: {
        operationId: 'acceptCourseOffer',
        tags: ['courses'],
        summary: 'Take a seat offered from the waitlist before its deadline',
        params: RegistrationParams,
        response: responses({ 200: registration }),
      },
    },
    async (request) => courses.acceptOffer(request.ctx, request.params.registrationId),
  );

  app.post(
    '/admin/courses',
    {
      schema: {
        operationId: 'createCourse',
        tags: ['courses'],
        params: SlugParams,
        body: CourseBody,
        response: responses({ 201: course }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await courses.createCourse(request.ctx, request.body)),
  );

  app.put(
    '/admin/courses/:courseId',
    {
      schema: {
        operationId: 'updateCourse',
        tags: ['courses'],
        params: CourseParams,
        body: CourseBody,
        response: responses({ 200: course }),
      },
    },
    async (request) => courses.updateCourse(request.ctx, request.params.courseId, request.body),
  );

  app.delete(
    '/admin/courses/:courseId',
    {
      schema: {
        operationId: 'archiveCourse',
        tags: ['courses'],
        summary: 'Take a course with nobody on it out of use (its history stays)',
        params: CourseParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await courses.archiveCourse(request.ctx, request.params.courseId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/admin/courses/:courseId/cancel',
    {
      schema: {
        operationId: 'cancelCourse',
        tags: ['courses'],
        summary:
          'Cancel a course: every registration ends, paid fees are refunded in full and the guardians are told the reason',
        params: CourseParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            course,
            cancelledRegistrations: Type.Integer(),
            refundedCents: Type.Integer({ description: 'Refunded now (paid fees, in full)' }),
          }),
        }),
      },
    },
    async (request) => cancelCourse(request.ctx, request.params.courseId, request.body.reason),
  );

  app.get(
    '/admin/courses/:courseId/registrations',
    {
      schema: {
        operationId: 'listCourseRegistrations',
        tags: ['courses'],
        params: CourseParams,
        response: responses({ 200: Type.Object({ items: Type.Array(registration) }) }),
      },
    },
    async (request) => ({
      items: await courses.listCourseRegistrations(request.ctx, request.params.courseId),
    }),
  );
};
