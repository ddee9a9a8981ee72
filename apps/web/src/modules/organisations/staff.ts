import type { Role } from '../../api/client';

/** Facility staff and administrators look after the municipality's organisations (as the API). */
export const organisationStaffRoles: readonly Role[] = ['facility_admin', 'admin'];

export const isStaff = (roles: readonly Role[]) =>
  roles.some((role) => organisationStaffRoles.includes(role));
