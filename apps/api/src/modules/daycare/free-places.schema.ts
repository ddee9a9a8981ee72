import { Type } from '@sinclair/typebox';
import { DateTime, StringEnum, Uuid } from '../../platform/http/schemas.js';
import { Day } from './daycare.schema.js';

/** Request and response schemas of the free-place alerts. */

/**
 * The age groups are a fixed list, the same in the database's CHECK (0018): they follow the
 * law on early childhood education (the under 3-year-olds count double in the staff ratio,
 * the 3–5-year-olds, and the pre-school year), not anything a municipality would define.
 */
export const AGE_GROUPS = ['under3', 'age3to5', 'preschool'] as const;
export const AgeGroupSchema = StringEnum([...AGE_GROUPS]);

/** An unsubscribe token: 32 random bytes as base64url. */
export const UnsubscribeToken = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' });

export const FreePlaceSchema = Type.Object({
  id: Uuid,
  unitId: Uuid,
  ageGroup: AgeGroupSchema,
  fromDate: Day,
  places: Type.Integer(),
  note: Type.String(),
});

export const PublicFreePlacesSchema = Type.Object({
  units: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      address: Type.String(),
      freePlaces: Type.Array(FreePlaceSchema),
    }),
  ),
});

export const SubscriptionSchema = Type.Object({
  id: Uuid,
  unit: Type.Object({ id: Uuid, name: Type.String() }),
  ageGroup: AgeGroupSchema,
  createdAt: DateTime,
});

export const SubscribeBody = Type.Object(
  { unitId: Uuid, ageGroup: AgeGroupSchema },
  { additionalProperties: false },
);

export const TokenBody = Type.Object({ token: UnsubscribeToken }, { additionalProperties: false });

export const TokenResultSchema = Type.Object({
  unit: Type.Object({ id: Uuid, name: Type.String() }),
  ageGroup: AgeGroupSchema,
  subscribed: Type.Boolean({ description: 'Whether the alerts are on after this call' }),
});

export const RecordFreePlacesBody = Type.Object(
  {
    unitId: Uuid,
    ageGroup: AgeGroupSchema,
    fromDate: Day,
    places: Type.Integer({ minimum: 1, maximum: 200 }),
    note: Type.String({ maxLength: 500, default: '' }),
  },
  { additionalProperties: false },
);

export const StaffFreePlacesSchema = Type.Object({
  units: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      subscribers: Type.Integer({ description: 'Live subscriptions of the unit, all age groups' }),
      freePlaces: Type.Array(
        Type.Object({
          id: Uuid,
          ageGroup: AgeGroupSchema,
          fromDate: Day,
          places: Type.Integer(),
          note: Type.String(),
          notified: Type.Integer({ description: 'Subscribers told when it was recorded' }),
          createdAt: DateTime,
        }),
      ),
    }),
  ),
});
