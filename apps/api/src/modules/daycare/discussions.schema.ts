import { Type } from '@sinclair/typebox';
import { DateTime, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { AbsenceCategorySchema, Clock, Day } from './daycare.schema.js';

/** Request and response schemas of discussion times, daycare events and the family calendar. */

const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Description = Type.String({ maxLength: 4000 });
const Place = Type.String({
  maxLength: 300,
  description: 'A room, or "video call" and how to join',
});

export const SlotBody = Type.Object(
  { day: Day, start: Clock, end: Clock, staffId: Uuid, place: Place },
  { additionalProperties: false },
);

export const SlotSeriesBody = Type.Object(
  {
    day: Day,
    from: Clock,
    to: Clock,
    minutes: Type.Integer({ minimum: 10, maximum: 240 }),
    breakMinutes: Type.Integer({ minimum: 0, maximum: 120, default: 0 }),
    staffId: Uuid,
    place: Place,
  },
  { additionalProperties: false },
);

export const NewSurveyBody = Type.Object(
  {
    groupId: Uuid,
    childIds: Type.Optional(
      Type.Array(Uuid, {
        maxItems: 200,
        description: 'Chosen children of the group; none: every child placed in it',
      }),
    ),
    title: Title,
    description: Description,
    bookingDeadline: Day,
    slots: Type.Array(SlotBody, { maxItems: 200 }),
  },
  { additionalProperties: false },
);

const Person = Type.Object({ id: Uuid, name: Type.String() });

export const StaffSurveySchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  bookingDeadline: Day,
  unit: Person,
  group: Person,
  staff: Type.Array(Person, { description: 'Who may hold the discussions' }),
  slots: Type.Array(
    Type.Object({
      id: Uuid,
      startsAt: DateTime,
      endsAt: DateTime,
      staff: Person,
      place: Type.String(),
      booking: Type.Union([Type.Object({ id: Uuid, child: Type.String() }), Type.Null()]),
    }),
  ),
  notBooked: Type.Array(Person),
});

export const StaffSurveySummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  bookingDeadline: Day,
  unitName: Type.String(),
  groupName: Type.String(),
  children: Type.Integer(),
  booked: Type.Integer(),
  slots: Type.Integer(),
});

const FreeSlot = Type.Object({
  id: Uuid,
  startsAt: DateTime,
  endsAt: DateTime,
  staffName: Type.String(),
  place: Type.String(),
});

export const MyDiscussionsSchema = Type.Object({
  today: Day,
  items: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      description: Type.String(),
      bookingDeadline: Day,
      open: Type.Boolean({ description: 'Booking, changing and cancelling are still possible' }),
      unitName: Type.String(),
      groupName: Type.String(),
      children: Type.Array(
        Type.Object({
          id: Uuid,
          firstName: Type.String(),
          booking: Type.Union([
            Type.Object({
              id: Uuid,
              slotId: Uuid,
              startsAt: DateTime,
              endsAt: DateTime,
              staffName: Type.String(),
              place: Type.String(),
            }),
            Type.Null(),
          ]),
        }),
      ),
      freeSlots: Type.Array(FreeSlot),
    }),
  ),
});

export const EventBody = Type.Object(
  {
    unitId: Uuid,
    groupId: Type.Union([Uuid, Type.Null()], { description: 'null: the whole unit' }),
    title: Title,
    description: Description,
    startDate: Day,
    endDate: Day,
    startTime: Type.Union([Clock, Type.Null()]),
    endTime: Type.Union([Clock, Type.Null()]),
  },
  { additionalProperties: false },
);

export const StaffEventSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  startDate: Day,
  endDate: Day,
  startTime: Type.Union([Clock, Type.Null()]),
  endTime: Type.Union([Clock, Type.Null()]),
  unitName: Type.String(),
  groupName: Type.Union([Type.String(), Type.Null()]),
});

export const FamilyCalendarSchema = Type.Object({
  from: Day,
  to: Day,
  items: Type.Array(
    Type.Object({
      kind: StringEnum(['discussion', 'absence', 'event']),
      id: Uuid,
      title: Type.String(),
      description: Type.String(),
      children: Type.Array(Type.String(), { description: "The children's first names" }),
      startDate: Day,
      endDate: Day,
      startsAt: Type.Union([DateTime, Type.Null()]),
      endsAt: Type.Union([DateTime, Type.Null()]),
      place: Type.String(),
      category: Type.Union([AbsenceCategorySchema, Type.Null()]),
    }),
  ),
});
