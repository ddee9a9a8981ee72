import type { ResourceKind, Role } from '../../api/client';

export const resourceKinds = [
  'sports_hall',
  'gym',
  'meeting_room',
  'sauna',
  'field',
  'music_room',
  'other',
] as const satisfies readonly ResourceKind[];

/** Roles that handle facility reservations (the API allows the same two). */
export const staffRoles: readonly Role[] = ['facility_admin', 'admin'];
