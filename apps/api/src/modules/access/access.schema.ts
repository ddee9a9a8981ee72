import { Type } from '@sinclair/typebox';
import { DateTime, StringEnum, TranslatedText, Uuid } from '../../platform/http/schemas.js';

export const DOOR_ADAPTERS = ['mqtt', 'http_pull'] as const;
export const GRANT_STATES = [
  'requested',
  'installed',
  'removal_requested',
  'removed',
  'failed',
] as const;

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const DoorSchema = Type.Object(
  {
    id: Uuid,
    resourceId: Uuid,
    resourceName: TranslatedText,
    name: Type.String(),
    adapter: StringEnum(DOOR_ADAPTERS),
    grantsTopic: Nullable(Type.String({ description: 'MQTT doors: Helppo publishes grants here' })),
    eventsTopic: Nullable(
      Type.String({ description: 'MQTT doors: the controller confirms grants here' }),
    ),
    pullUrl: Nullable(
      Type.String({ description: 'HTTP pull doors: the controller fetches its grants here' }),
    ),
    tokenCreatedAt: Nullable(DateTime),
    lastSeenAt: Nullable(
      Type.String({ format: 'date-time', description: "The controller's last contact" }),
    ),
    createdAt: DateTime,
    active: Type.Boolean({
      description:
        'false: out of use — its grants were asked to be removed and it gets no new ones',
    }),
    deactivatedAt: Nullable(DateTime),
  },
  { $id: 'Door' },
);

export const DoorWithTokenSchema = Type.Object({
  door: Type.Ref(DoorSchema),
  token: Nullable(
    Type.String({
      description:
        'HTTP pull doors: the bearer token of the door controller. Shown only now; Helppo keeps only its hash.',
    }),
  ),
});

export const AccessGrantSchema = Type.Object(
  {
    id: Uuid,
    reservationId: Uuid,
    resourceName: TranslatedText,
    doorId: Uuid,
    doorName: Type.String(),
    adapter: StringEnum(DOOR_ADAPTERS),
    bookerName: Nullable(Type.String()),
    start: DateTime,
    end: DateTime,
    validFrom: DateTime,
    validUntil: DateTime,
    wanted: StringEnum(['installed', 'removed'], {
      description: 'Whether the door should hold the grant (the operation a failure is about)',
    }),
    state: StringEnum(GRANT_STATES),
    attempts: Type.Integer(),
    lastError: Nullable(Type.String()),
    updatedAt: DateTime,
  },
  { $id: 'AccessGrant' },
);

const PulledGrant = Type.Object({
  grantId: Uuid,
  pin: Type.String({ pattern: '^[0-9]{6}$' }),
  validFrom: DateTime,
  validUntil: DateTime,
});

export const PulledGrantsSchema = Type.Object({
  doorId: Uuid,
  install: Type.Array(PulledGrant, { description: 'Grants the door must hold' }),
  remove: Type.Array(PulledGrant, { description: 'Grants the door must drop, then acknowledge' }),
});

/** The PIN of a booking of a self-service facility, as its booker sees it. */
export const ReservationAccessSchema = Type.Union(
  [
    Type.Object({
      pin: Type.String({ pattern: '^[0-9]{6}$' }),
      validFrom: DateTime,
      validUntil: DateTime,
    }),
    Type.Null(),
  ],
  { description: 'The door PIN of a self-service booking, for the booker only' },
);
