import { Type } from '@sinclair/typebox';
import type { ResourceKind } from '../../platform/db/schema.js';
import { DateTime, StringEnum, TranslatedText, Uuid } from '../../platform/http/schemas.js';
import { ReservationAccessSchema } from '../access/access.schema.js';
import { ActingFor, BuyerOrganisationSchema } from '../organisations/organisations.schema.js';

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  'sports_hall',
  'gym',
  'meeting_room',
  'sauna',
  'field',
  'music_room',
  'other',
];
export const RESERVATION_STATUSES = [
  'held',
  'requested',
  'confirmed',
  'denied',
  'cancelled',
] as const;

export const ResourceSchema = Type.Object(
  {
    id: Uuid,
    kind: StringEnum(RESOURCE_KINDS),
    name: TranslatedText,
    description: TranslatedText,
    location: Type.String(),
    capacity: Type.Integer(),
    accessible: Type.Boolean(),
    selfService: Type.Boolean(),
    bookingMode: StringEnum(['instant', 'approval']),
    slot: Type.Object({
      minMinutes: Type.Integer(),
      maxMinutes: Type.Integer(),
      stepMinutes: Type.Integer(),
      bookAheadDays: Type.Integer(),
      bufferMinutes: Type.Integer(),
    }),
    pricePerHourCents: Type.Union([Type.Integer(), Type.Null()], {
      description:
        "The asker's price for an hour, VAT included; 0 free, null not bookable by their group",
    }),
    cancelFreeHours: Type.Integer({
      description: 'A paid booking is refunded in full if cancelled this many hours ahead',
    }),
  },
  { $id: 'Resource' },
);

/** A facility's terms of use in force, which a booker accepts. */
export const TermsSchema = Type.Object(
  {
    version: Type.Integer({ description: 'Send it as termsVersion when booking' }),
    text: TranslatedText,
  },
  { $id: 'ResourceTerms' },
);

export const ResourceDetailsSchema = Type.Composite([
  Type.Omit(ResourceSchema, []),
  Type.Object({
    terms: Type.Union([Type.Ref(TermsSchema), Type.Null()], {
      description: 'The terms of use to accept before booking; null: none',
    }),
    openingHours: Type.Array(
      Type.Object({ weekday: Type.Integer(), opens: Type.String(), closes: Type.String() }),
    ),
  }),
]);

export const AvailabilitySchema = Type.Object({
  resourceId: Uuid,
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  timeZone: Type.String(),
  open: Type.Array(Type.Object({ start: DateTime, end: DateTime })),
  busy: Type.Array(
    Type.Object({
      start: DateTime,
      end: DateTime,
      bufferEnd: Type.String({
        format: 'date-time',
        description:
          'The time kept free after the booking lasts until this (equals end without a buffer)',
      }),
      mine: Type.Boolean(),
    }),
  ),
});

export const ReservationSchema = Type.Object(
  {
    id: Uuid,
    resourceId: Uuid,
    resourceName: TranslatedText,
    kind: StringEnum(['booking', 'block']),
    start: DateTime,
    end: DateTime,
    status: StringEnum(RESERVATION_STATUSES),
    purpose: Type.String(),
    attendees: Type.Union([Type.Integer(), Type.Null()]),
    decisionReason: Type.Union([Type.String(), Type.Null()], {
      description: "Staff's reason for a decision",
    }),
    cancelReason: Type.Union([Type.String(), Type.Null()], { description: 'Why it was cancelled' }),
    seriesId: Type.Union([Uuid, Type.Null()], { description: 'Set for weekly recurring bookings' }),
    bookerName: Type.Union([Type.String(), Type.Null()]),
    createdAt: DateTime,
    canCancel: Type.Boolean(),
    priceCents: Type.Integer({ description: 'The price of the booking, VAT included (0: free)' }),
    payment: StringEnum(['free', 'unpaid', 'invoiced', 'paid', 'refunded', 'credited'], {
      description:
        'unpaid: held, or approved and waiting for payment in the cart; invoiced: bought by ' +
        'invoice, not paid yet; credited: cancelled and taken off the unpaid invoice',
    }),
    heldUntil: Type.Union([DateTime, Type.Null()], {
      description: 'A held booking is released unless paid by this time',
    }),
    refundedCents: Type.Integer(),
    freeCancellationUntil: Type.Union([DateTime, Type.Null()], {
      description: 'Until this time the booker gets the whole price back on cancelling',
    }),
    termsVersion: Type.Union([Type.Integer(), Type.Null()], {
      description: "The facility's terms of use version the booker accepted",
    }),
    access: ReservationAccessSchema,
    organisation: Type.Optional(BuyerOrganisationSchema),
  },
  { $id: 'Reservation' },
);

export const ReservationBody = Type.Object(
  {
    resourceId: Uuid,
    start: DateTime,
    end: DateTime,
    purpose: Type.Optional(Type.String({ maxLength: 500 })),
    attendees: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    organisationId: ActingFor,
    termsVersion: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          "The version of the facility's terms of use the booker accepted; required when it has terms",
      }),
    ),
  },
  { additionalProperties: false },
);
