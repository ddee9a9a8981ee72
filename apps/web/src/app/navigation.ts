import type { Role, Session } from '../api/client';
import type fiCommon from '../i18n/fi/common.json';

type Audience = 'everyone' | 'signedIn' | readonly Role[];

export interface NavEntry {
  /** Key under `nav` in common.json: nav.<id>.title and nav.<id>.description. */
  id: keyof (typeof fiCommon)['nav'];
  /** Path below /:slug/. */
  path: string;
  audience: Audience;
}

/**
 * The modules shown on a municipality's front page. A new module (bookings & shop, daycare,
 * portfolio, participation, maturity) adds exactly one entry here once its pages exist.
 */
export const navEntries: readonly NavEntry[] = [
  { id: 'facilities', path: 'facilities', audience: 'everyone' },
  { id: 'courses', path: 'courses', audience: 'everyone' },
  { id: 'shop', path: 'shop', audience: 'everyone' },
  { id: 'portfolio', path: 'portfolio', audience: 'everyone' },
  { id: 'daycare', path: 'daycare', audience: ['guardian'] },
  { id: 'daycareStaff', path: 'daycare/staff', audience: ['daycare_staff'] },
  { id: 'freePlaces', path: 'daycare/free-places', audience: 'everyone' },
  {
    id: 'freePlacesStaff',
    path: 'daycare/free-places/manage',
    audience: ['daycare_staff', 'admin'],
  },
  { id: 'messages', path: 'messages', audience: ['guardian', 'daycare_staff', 'admin'] },
  { id: 'myBookings', path: 'bookings/mine', audience: 'signedIn' },
  { id: 'myRegistrations', path: 'courses/mine', audience: 'signedIn' },
  { id: 'organisations', path: 'organisations', audience: 'signedIn' },
  { id: 'notifications', path: 'notifications', audience: 'signedIn' },
  { id: 'reservationAdmin', path: 'admin/reservations', audience: ['facility_admin', 'admin'] },
  { id: 'utilisation', path: 'admin/utilisation', audience: ['facility_admin', 'admin'] },
  { id: 'doorAccess', path: 'admin/access', audience: ['facility_admin', 'admin'] },
  { id: 'facilityAdmin', path: 'admin/facilities', audience: ['facility_admin', 'admin'] },
  { id: 'sales', path: 'admin/sales', audience: ['facility_admin', 'admin'] },
  { id: 'organisationAdmin', path: 'admin/organisations', audience: ['facility_admin', 'admin'] },
  { id: 'courseAdmin', path: 'admin/courses', audience: ['facility_admin', 'admin'] },
  { id: 'daycareAdmin', path: 'admin/daycare', audience: ['admin'] },
  { id: 'incomeStatements', path: 'admin/daycare/income-statements', audience: ['finance'] },
  { id: 'feeParameters', path: 'admin/daycare/fees', audience: ['admin', 'finance'] },
  { id: 'caseAdmin', path: 'admin/cases', audience: ['digital_team', 'admin'] },
  { id: 'admin', path: 'admin', audience: ['admin'] },
  { id: 'accessibility', path: 'accessibility', audience: 'everyone' },
];

export function canSee(audience: Audience, session: Session | undefined): boolean {
  if (audience === 'everyone') return true;
  if (!session?.user) return false;
  if (audience === 'signedIn') return true;
  return audience.some((role) => session.roles.includes(role));
}
