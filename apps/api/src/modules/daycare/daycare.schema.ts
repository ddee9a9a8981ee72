import { Type } from '@sinclair/typebox';
import { DateTime, SlugParams, StringEnum, Uuid } from '../../platform/http/schemas.js';

/** Request and response schemas of the daycare API. */

export const slug = SlugParams.properties.slug;
export const Day = Type.String({ format: 'date', description: 'A calendar day, YYYY-MM-DD' });
export const Clock = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'Helsinki time, HH:MM',
});
export const AbsenceCategorySchema = StringEnum(['sick', 'other', 'holiday']);
const Weekdays = Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
  minItems: 1,
  maxItems: 7,
  description: 'ISO weekdays the unit is open (1 = Monday)',
});

export const DaycarePlacementSchema = Type.Object(
  {
    id: Uuid,
    unit: Type.Object({
      id: Uuid,
      name: Type.String(),
      address: Type.String(),
      phone: Type.String(),
      email: Type.String(),
      operationDays: Weekdays,
    }),
    group: Type.Object({ id: Uuid, name: Type.String() }),
    startDate: Day,
    endDate: Type.Union([Day, Type.Null()], {
      description: 'Included; null: until further notice',
    }),
  },
  { $id: 'DaycarePlacement' },
);

export const DaycareAbsenceSchema = Type.Object(
  {
    id: Uuid,
    childId: Uuid,
    date: Day,
    category: AbsenceCategorySchema,
    note: Type.String(),
    reportId: Type.String({ description: 'Shared by the days of one report' }),
    canCancel: Type.Boolean({ description: 'Before the day, or today before the cut-off' }),
    byStaff: Type.Boolean({ description: 'Recorded by the staff of the group' }),
  },
  { $id: 'DaycareAbsence' },
);

export const MyDaycareSchema = Type.Object({
  today: Day,
  absenceCutoff: Clock,
  firstOpenDay: Type.String({
    format: 'date',
    description: 'The first day an absence can still be reported or cancelled',
  }),
  children: Type.Array(
    Type.Object({
      id: Uuid,
      firstName: Type.String(),
      lastName: Type.String(),
      birthDate: Day,
      placements: Type.Array(Type.Ref('DaycarePlacement'), {
        description: 'Current and future placements',
      }),
    }),
  ),
});

export const ReportAbsenceBody = Type.Object(
  {
    childIds: Type.Array(Uuid, { minItems: 1, maxItems: 10 }),
    startDate: Day,
    endDate: Day,
    category: AbsenceCategorySchema,
    note: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const StaffAbsenceBody = Type.Object(
  {
    childId: Uuid,
    startDate: Day,
    endDate: Day,
    category: AbsenceCategorySchema,
    note: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const StaffChildSchema = Type.Object({
  id: Uuid,
  firstName: Type.String(),
  lastName: Type.String(),
  unitName: Type.String(),
  groupName: Type.String(),
});

export const StaffUnitSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  groups: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      mine: Type.Boolean({ description: 'The asker works in this group' }),
    }),
  ),
});

export const GroupDaySchema = Type.Object({
  date: Day,
  today: Day,
  operationDay: Type.Boolean({ description: 'The unit is open on the day' }),
  canRecord: Type.Boolean({
    description: "The asker may record and remove the group's absences on this day",
  }),
  unit: Type.Object({ id: Uuid, name: Type.String() }),
  group: Type.Object({ id: Uuid, name: Type.String() }),
  children: Type.Array(
    Type.Object({
      id: Uuid,
      firstName: Type.String(),
      lastName: Type.String(),
      birthDate: Day,
      absence: Type.Union([
        Type.Object({
          id: Uuid,
          category: AbsenceCategorySchema,
          note: Type.String(),
          reportedAt: DateTime,
          reportedBy: Type.String(),
          byStaff: Type.Boolean(),
        }),
        Type.Null(),
      ]),
      upcoming: Type.Array(
        Type.Object({
          id: Uuid,
          date: Day,
          category: AbsenceCategorySchema,
          byStaff: Type.Boolean(),
        }),
      ),
    }),
  ),
});

export const UnitBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    address: Type.String({ maxLength: 300 }),
    phone: Type.String({ maxLength: 50 }),
    email: Type.String({ maxLength: 200 }),
    operationDays: Weekdays,
  },
  { additionalProperties: false },
);

export const GroupBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    capacity: Type.Integer({ minimum: 1, maximum: 200 }),
  },
  { additionalProperties: false },
);

export const AdminUnitSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  phone: Type.String(),
  email: Type.String(),
  operationDays: Weekdays,
  staff: Type.Integer(),
  groups: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      capacity: Type.Integer(),
      children: Type.Integer({ description: 'Placed today' }),
    }),
  ),
});

export const PlacementBody = Type.Object(
  {
    childId: Uuid,
    groupId: Uuid,
    startDate: Day,
    endDate: Type.Union([Day, Type.Null()]),
  },
  { additionalProperties: false },
);

const ChildSummary = Type.Object({
  id: Uuid,
  firstName: Type.String(),
  lastName: Type.String(),
  birthDate: Day,
});

export const UnitPlacementSchema = Type.Object({
  id: Uuid,
  child: ChildSummary,
  group: Type.Object({ id: Uuid, name: Type.String() }),
  startDate: Day,
  endDate: Type.Union([Day, Type.Null()]),
});

export const AdminChildSchema = Type.Object({
  ...ChildSummary.properties,
  guardians: Type.Array(Type.String()),
  placedIn: Type.Union([Type.String(), Type.Null()], { description: 'Unit and group today' }),
});

export const NewChildBody = Type.Object(
  {
    firstName: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    lastName: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    birthDate: Day,
    guardianEmails: Type.Array(Type.String({ minLength: 3, maxLength: 200 }), {
      minItems: 1,
      maxItems: 4,
    }),
  },
  { additionalProperties: false },
);

export const StaffMemberSchema = Type.Object({
  id: Uuid,
  person: Type.Object({
    id: Uuid,
    name: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
  }),
  group: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
});

export const StaffBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 200 }),
    groupId: Type.Union([Uuid, Type.Null()], { description: 'null: the whole unit' }),
  },
  { additionalProperties: false },
);

export const SettingsBody = Type.Object({ absenceCutoff: Clock }, { additionalProperties: false });
export const Created = Type.Object({ id: Uuid });
