import { Type } from '@sinclair/typebox';
import { DateTime, StringEnum, Uuid } from '../../platform/http/schemas.js';

/** "Book or buy as": the organisation the asker acts for; absent for themselves. */
export const ActingFor = Type.Optional(
  Type.String({
    format: 'uuid',
    maxLength: 36,
    description: 'Act for this organisation (the asker must be a member); absent: for oneself',
  }),
);
export const ActingForQuery = Type.Object(
  { organisationId: ActingFor },
  { additionalProperties: false },
);

const text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });

/**
 * An organisation as its members and staff send it. Optional identifiers are '' or absent when
 * the organisation has none: a company gives its business ID (Y-tunnus); an association its
 * business ID or, if it has none, its number in the associations register.
 */
export const OrganisationBody = Type.Object(
  {
    kind: StringEnum(['association', 'company']),
    name: text(200, 1),
    businessId: Type.Optional(text(20)),
    registerNumber: Type.Optional(text(20)),
    street: text(200, 1),
    postcode: Type.String({ pattern: '^[0-9]{5}$' }),
    city: text(100, 1),
    eInvoiceAddress: Type.Optional(text(40)),
    eInvoiceOperator: Type.Optional(text(40)),
    contactEmail: Type.String({ format: 'email', maxLength: 254 }),
  },
  { additionalProperties: false },
);

export const OrganisationMemberSchema = Type.Object({
  personId: Uuid,
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  addedAt: DateTime,
});

export const OrganisationSchema = Type.Object(
  {
    id: Uuid,
    kind: StringEnum(['association', 'company']),
    name: Type.String(),
    businessId: Type.Union([Type.String(), Type.Null()]),
    registerNumber: Type.Union([Type.String(), Type.Null()]),
    street: Type.String(),
    postcode: Type.String(),
    city: Type.String(),
    eInvoiceAddress: Type.Union([Type.String(), Type.Null()]),
    eInvoiceOperator: Type.Union([Type.String(), Type.Null()]),
    contactEmail: Type.String(),
    active: Type.Boolean(),
    createdAt: DateTime,
    members: Type.Array(OrganisationMemberSchema),
    /** Whether the asker is a member (staff see organisations they are not in). */
    isMember: Type.Boolean(),
  },
  { $id: 'Organisation' },
);

/** An organisation in lists: enough to choose it as the buyer. */
export const OrganisationSummarySchema = Type.Object({
  id: Uuid,
  kind: StringEnum(['association', 'company']),
  name: Type.String(),
  businessId: Type.Union([Type.String(), Type.Null()]),
  registerNumber: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  memberCount: Type.Integer(),
});

/** Who bought an order, or for whom a booking was made: an organisation, else the person. */
export const BuyerOrganisationSchema = Type.Union([
  Type.Object({ id: Uuid, name: Type.String() }),
  Type.Null(),
]);
