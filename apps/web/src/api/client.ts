import createClient, { type Middleware } from 'openapi-fetch';
import i18n from 'i18next';
import type { operations, paths } from './schema';

// Types come from the OpenAPI operations (by their stable operationId), so that regenerating
// schema.d.ts from apps/api/openapi.json is the only step needed when the API changes.
type OkJson<Op extends keyof operations> = operations[Op]['responses'] extends {
  200: { content: { 'application/json': infer T } };
}
  ? T
  : never;
type CreatedJson<Op extends keyof operations> = operations[Op]['responses'] extends {
  201: { content: { 'application/json': infer T } };
}
  ? T
  : never;
type JsonBody<Op extends keyof operations> =
  NonNullable<operations[Op]['requestBody']> extends { content: { 'application/json': infer B } }
    ? B
    : never;

export type MunicipalitySummary = OkJson<'listMunicipalities'>['items'][number];
export type Municipality = OkJson<'getMunicipality'>;
export type MunicipalitySettings = JsonBody<'updateMunicipalitySettings'>;
export type Session = OkJson<'getCurrentUser'>;
export type SessionUser = NonNullable<Session['user']>;
export type Role = Session['roles'][number];
export type NotificationList = OkJson<'listNotifications'>;
export type AppNotification = NotificationList['items'][number];
export type Person = OkJson<'listPeople'>['items'][number];
export type AuditEvent = OkJson<'listAuditEvents'>['items'][number];
export type OutboxEmail = OkJson<'listOutboxEmails'>['items'][number];
export type SendNotificationBody = JsonBody<'sendNotification'>;
export type LoginBody = JsonBody<'login'>;
export type Resource = OkJson<'listResources'>['items'][number];
export type ResourceKind = Resource['kind'];
export type ResourceFilter = NonNullable<operations['listResources']['parameters']['query']>;
export type ResourceDetails = OkJson<'getResource'>;
export type ResourceTerms = NonNullable<ResourceDetails['terms']>;
export type Availability = OkJson<'getResourceAvailability'>;
export type Reservation = OkJson<'listMyReservations'>['items'][number];
export type ReservationStatus = Reservation['status'];
export type ReservationBody = JsonBody<'createReservation'>;
export type BlockBody = JsonBody<'blockResourceTime'>;
export type BookForCustomerBody = JsonBody<'createReservationForCustomer'>;
export type UtilisationQuery = operations['getUtilisationReport']['parameters']['query'];
export type UtilisationReport = OkJson<'getUtilisationReport'>;
export type CalendarFeed = OkJson<'createCalendarFeed'>;
export type Product = OkJson<'listProducts'>['items'][number];
export type ProductKind = Product['kind'];
export type CustomerGroup = Product['prices'][number]['customerGroup'];
export type Order = OkJson<'getOrder'>;
export type OrderLine = Order['lines'][number];
export type OrderStatus = Order['status'];
export type Checkout = OkJson<'checkout'>;
export type Door = OkJson<'listDoors'>['items'][number];
export type DoorAdapter = Door['adapter'];
export type DoorWithToken = OkJson<'rotateDoorToken'>;
export type CreateDoorBody = JsonBody<'createDoor'>;
export type AccessGrant = OkJson<'listAccessGrants'>['items'][number];
export type AccessGrantState = AccessGrant['state'];
export type PaymentMethod = NonNullable<JsonBody<'checkout'>['method']>;
export type Invoice = NonNullable<Order['invoice']>;
export type StaffInvoice = OkJson<'listInvoices'>['items'][number];
export type InvoiceFilter = NonNullable<
  NonNullable<operations['listInvoices']['parameters']['query']>['status']
>;
export type InvoiceSettings = JsonBody<'updateInvoiceSettings'>;
export type SalesPeriod = operations['listSales']['parameters']['query'];
export type SaleLine = OkJson<'listSales'>['items'][number];
export type Course = OkJson<'getCourse'>;
export type CourseFilter = NonNullable<operations['listCourses']['parameters']['query']>;
export type CourseBody = JsonBody<'createCourse'>;
export type CourseCancellation = OkJson<'cancelCourse'>;
export type CourseQueue = OkJson<'getCourseQueue'>;
export type CourseRegistration = OkJson<'listMyRegistrations'>['items'][number];
export type RegistrationStatus = CourseRegistration['status'];
export type Child = OkJson<'listMyChildren'>['items'][number];
export type ChildBody = JsonBody<'addChild'>;
export type Organisation = OkJson<'getOrganisation'>;
export type OrganisationSummary = OkJson<'listMyOrganisations'>['items'][number];
export type OrganisationKind = Organisation['kind'];
export type OrganisationBody = JsonBody<'createOrganisation'>;
export type SeriesBody = JsonBody<'createReservationSeries'>;
export type SeriesResult = CreatedJson<'createReservationSeries'>;
export type SeriesConflict = SeriesResult['conflicts'][number];
export type SeriesCancelled = OkJson<'cancelReservationSeries'>;
export type MyDaycare = OkJson<'listMyDaycareChildren'>;
export type DaycareChild = MyDaycare['children'][number];
export type DaycareAbsence = OkJson<'listMyAbsences'>['items'][number];
export type AbsenceCategory = DaycareAbsence['category'];
export type ReportAbsenceBody = JsonBody<'reportAbsence'>;
export type StaffUnit = OkJson<'listMyDaycareUnits'>['items'][number];
export type MessageThreadList = OkJson<'listMessageThreads'>;
export type MessageThreadSummary = MessageThreadList['items'][number];
export type MessageThread = OkJson<'getMessageThread'>;
export type SendMessageBody = JsonBody<'sendMessage'>;
export type MessageTarget = JsonBody<'previewMessageRecipients'>;
export type MessageRecipients = OkJson<'previewMessageRecipients'>;
export type GroupDay = OkJson<'listGroupDay'>;
export type GroupDayChild = GroupDay['children'][number];
export type AdminDaycareUnit = OkJson<'listDaycareUnits'>['items'][number];
export type DaycareUnitBody = JsonBody<'createDaycareUnit'>;
export type DaycareGroupBody = JsonBody<'createDaycareGroup'>;
export type UnitPlacement = OkJson<'listUnitPlacements'>['items'][number];
export type PlacementBody = JsonBody<'createPlacement'>;
export type AdminDaycareChild = OkJson<'searchDaycareChildren'>['items'][number];
export type NewDaycareChildBody = JsonBody<'createDaycareChild'>;
export type DaycareStaffMember = OkJson<'listUnitStaff'>['items'][number];
export type DaycareStaffBody = JsonBody<'addDaycareStaff'>;
export type DaycareSettings = JsonBody<'updateDaycareSettings'>;
export type FeePreview = OkJson<'getFeePreview'>;
export type IncomeStatement = OkJson<'getIncomeStatement'>;
export type IncomeStatementBody = JsonBody<'submitIncomeStatement'>;
export type FinanceStatement = OkJson<'listIncomeStatements'>['items'][number];
export type FeePeriod = OkJson<'listFeePeriods'>['items'][number];
export type FeePeriodBody = JsonBody<'saveFeePeriod'>;

export const allRoles = [
  'resident',
  'guardian',
  'staff',
  'daycare_staff',
  'facility_admin',
  'digital_team',
  'admin',
  'finance',
] as const satisfies readonly Role[];

export const isRole = (value: string): value is Role =>
  (allRoles as readonly string[]).includes(value);

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** A failed API call; `problem` is the application/problem+json body when there was one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The message for one field; `field` is dotted ("name.fi"), JSON pointers also match. */
  fieldError(field: string): string | undefined {
    const normalise = (f: string) => f.replace(/^\//, '').replaceAll('/', '.');
    return this.problem.errors?.find((e) => normalise(e.field) === field)?.message;
  }
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

// The CSRF token is bound to the session cookie; it is delivered with every session response.
const csrfTokens = new Map<string, string>();
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function slugOf(url: string): string | undefined {
  const match = /^\/api\/([^/]+)\//.exec(new URL(url, window.location.origin).pathname);
  const slug = match?.[1];
  return slug === 'municipalities' ? undefined : slug;
}

async function fetchCsrfToken(slug: string): Promise<string> {
  const response = await fetch(`/api/${encodeURIComponent(slug)}/session`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Accept-Language': i18n.language },
  });
  if (!response.ok) throw new ApiError(response.status, { title: response.statusText });
  const session = (await response.json()) as Session;
  csrfTokens.set(slug, session.csrfToken);
  return session.csrfToken;
}

const middleware: Middleware = {
  async onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language || 'fi');
    const slug = slugOf(request.url);
    if (slug && !safeMethods.has(request.method)) {
      const token = csrfTokens.get(slug) ?? (await fetchCsrfToken(slug));
      request.headers.set('x-csrf-token', token);
    }
    return request;
  },
  async onResponse({ request, response }) {
    const slug = slugOf(request.url);
    const isSession = new URL(request.url).pathname.endsWith('/session');
    if (slug && isSession) {
      if (response.status === 200) {
        const session = (await response.clone().json()) as Session;
        csrfTokens.set(slug, session.csrfToken);
      } else if (request.method === 'DELETE') {
        csrfTokens.delete(slug);
      }
    }
    return response;
  },
};

export const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
client.use(middleware);

export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem: Problem =
      typeof error === 'object' && error !== null
        ? (error as Problem)
        : { title: response.statusText, status: response.status };
    throw new ApiError(response.status, problem);
  }
  return data as T;
}

const p = (slug: string) => ({ params: { path: { slug } } });
/** "Book or buy as": the organisation acted for, or nothing for oneself. */
const acting = (organisationId?: string) => (organisationId ? { organisationId } : {});

/** One function per API operation, named by its operationId. */
export const api = {
  listMunicipalities: () => unwrap(client.GET('/api/municipalities')),
  getMunicipality: (slug: string) => unwrap(client.GET('/api/{slug}/municipality', p(slug))),
  getCurrentUser: (slug: string) => unwrap(client.GET('/api/{slug}/session', p(slug))),
  login: (slug: string, body: LoginBody) =>
    unwrap(client.POST('/api/{slug}/session', { ...p(slug), body })),
  logout: (slug: string) => unwrap(client.DELETE('/api/{slug}/session', p(slug))),
  logoutEverywhere: (slug: string) =>
    unwrap(client.POST('/api/{slug}/session/logout-everywhere', p(slug))),
  setLanguage: (slug: string, language: 'fi' | 'sv' | 'en') =>
    unwrap(client.PUT('/api/{slug}/session/language', { ...p(slug), body: { language } })),
  listNotifications: (slug: string) => unwrap(client.GET('/api/{slug}/notifications', p(slug))),
  markNotificationRead: (slug: string, id: string) =>
    unwrap(
      client.POST('/api/{slug}/notifications/{notificationId}/read', {
        params: { path: { slug, notificationId: id } },
      }),
    ),
  markAllNotificationsRead: (slug: string) =>
    unwrap(client.POST('/api/{slug}/notifications/read-all', p(slug))),
  updateMunicipalitySettings: (slug: string, body: MunicipalitySettings) =>
    unwrap(client.PUT('/api/{slug}/admin/settings', { ...p(slug), body })),
  listPeople: (slug: string, q: string) =>
    unwrap(
      client.GET('/api/{slug}/admin/people', {
        params: { path: { slug }, query: q ? { q } : {} },
      }),
    ),
  grantRole: (slug: string, email: string, role: Role) =>
    unwrap(client.POST('/api/{slug}/admin/role-grants', { ...p(slug), body: { email, role } })),
  revokeRole: (slug: string, personId: string, role: Role) =>
    unwrap(
      client.DELETE('/api/{slug}/admin/people/{personId}/roles/{role}', {
        params: { path: { slug, personId, role } },
      }),
    ),
  listAuditEvents: (slug: string, before?: string) =>
    unwrap(
      client.GET('/api/{slug}/admin/audit', {
        params: { path: { slug }, query: before ? { limit: 50, before } : { limit: 50 } },
      }),
    ),
  listOutboxEmails: (slug: string) => unwrap(client.GET('/api/{slug}/admin/emails', p(slug))),
  sendNotification: (slug: string, body: SendNotificationBody) =>
    unwrap(client.POST('/api/{slug}/admin/notifications', { ...p(slug), body })),
  listResources: (slug: string, query: ResourceFilter) =>
    unwrap(client.GET('/api/{slug}/resources', { params: { path: { slug }, query } })),
  /** With organisationId: priced for the organisation the asker acts for. */
  getResource: (slug: string, resourceId: string, organisationId?: string) =>
    unwrap(
      client.GET('/api/{slug}/resources/{resourceId}', {
        params: { path: { slug, resourceId }, query: organisationId ? { organisationId } : {} },
      }),
    ),
  getResourceAvailability: (slug: string, resourceId: string, from: string, days = 7) =>
    unwrap(
      client.GET('/api/{slug}/resources/{resourceId}/availability', {
        params: { path: { slug, resourceId }, query: { from, days } },
      }),
    ),
  createReservation: (slug: string, body: ReservationBody) =>
    unwrap(client.POST('/api/{slug}/reservations', { ...p(slug), body })),
  listMyReservations: (slug: string) =>
    unwrap(client.GET('/api/{slug}/reservations/mine', p(slug))),
  cancelReservation: (slug: string, reservationId: string, reason?: string) =>
    unwrap(
      client.POST('/api/{slug}/reservations/{reservationId}/cancel', {
        params: { path: { slug, reservationId } },
        body: reason ? { reason } : {},
      }),
    ),
  listReservations: (slug: string, status?: ReservationStatus) =>
    unwrap(
      client.GET('/api/{slug}/admin/reservations', {
        params: { path: { slug }, query: status ? { status } : {} },
      }),
    ),
  decideReservation: (slug: string, reservationId: string, approve: boolean, reason?: string) =>
    unwrap(
      client.POST('/api/{slug}/admin/reservations/{reservationId}/decision', {
        params: { path: { slug, reservationId } },
        body: reason ? { approve, reason } : { approve },
      }),
    ),
  createReservationForCustomer: (slug: string, body: BookForCustomerBody) =>
    unwrap(client.POST('/api/{slug}/admin/reservations', { ...p(slug), body })),
  blockResourceTime: (slug: string, resourceId: string, body: BlockBody) =>
    unwrap(
      client.POST('/api/{slug}/admin/resources/{resourceId}/blocks', {
        params: { path: { slug, resourceId } },
        body,
      }),
    ),
  getUtilisationReport: (slug: string, query: UtilisationQuery) =>
    unwrap(
      client.GET('/api/{slug}/admin/reports/utilisation', { params: { path: { slug }, query } }),
    ),
  createCalendarFeed: (slug: string) => unwrap(client.POST('/api/{slug}/calendar-feed', p(slug))),
  listProducts: (slug: string, kind?: ProductKind, organisationId?: string) =>
    unwrap(
      client.GET('/api/{slug}/products', {
        params: {
          path: { slug },
          query: { ...(kind ? { kind } : {}), ...(organisationId ? { organisationId } : {}) },
        },
      }),
    ),
  getProduct: (slug: string, productId: string) =>
    unwrap(
      client.GET('/api/{slug}/products/{productId}', { params: { path: { slug, productId } } }),
    ),
  /** The person's own cart, or the one they fill for an organisation. */
  getCart: (slug: string, organisationId?: string) =>
    unwrap(
      client.GET('/api/{slug}/cart', { params: { path: { slug }, query: acting(organisationId) } }),
    ),
  /** Sets the quantity of a product in the cart; 0 removes the line. */
  addToCart: (slug: string, productId: string, quantity: number, organisationId?: string) =>
    unwrap(
      client.PUT('/api/{slug}/cart/lines/{productId}', {
        params: { path: { slug, productId }, query: acting(organisationId) },
        body: { quantity },
      }),
    ),
  checkout: (slug: string, method: PaymentMethod = 'online', organisationId?: string) =>
    unwrap(
      client.POST('/api/{slug}/checkout', {
        params: { path: { slug }, query: acting(organisationId) },
        body: { method },
      }),
    ),
  getOrder: (slug: string, orderId: string) =>
    unwrap(client.GET('/api/{slug}/orders/{orderId}', { params: { path: { slug, orderId } } })),
  listDoors: (slug: string) => unwrap(client.GET('/api/{slug}/admin/access/doors', p(slug))),
  createDoor: (slug: string, body: CreateDoorBody) =>
    unwrap(client.POST('/api/{slug}/admin/access/doors', { ...p(slug), body })),
  rotateDoorToken: (slug: string, doorId: string) =>
    unwrap(
      client.POST('/api/{slug}/admin/access/doors/{doorId}/token', {
        params: { path: { slug, doorId } },
      }),
    ),
  listAccessGrants: (slug: string) =>
    unwrap(client.GET('/api/{slug}/admin/access/grants', p(slug))),
  setDoorActive: (slug: string, doorId: string, active: boolean) =>
    unwrap(
      active
        ? client.POST('/api/{slug}/admin/access/doors/{doorId}/activate', {
            params: { path: { slug, doorId } },
          })
        : client.POST('/api/{slug}/admin/access/doors/{doorId}/deactivate', {
            params: { path: { slug, doorId } },
          }),
    ),
  retryAccessGrant: (slug: string, grantId: string) =>
    unwrap(
      client.POST('/api/{slug}/admin/access/grants/{grantId}/retry', {
        params: { path: { slug, grantId } },
      }),
    ),
  listSales: (slug: string, query: SalesPeriod) =>
    unwrap(client.GET('/api/{slug}/admin/sales', { params: { path: { slug }, query } })),
  listInvoices: (slug: string, status: InvoiceFilter) =>
    unwrap(
      client.GET('/api/{slug}/admin/invoices', { params: { path: { slug }, query: { status } } }),
    ),
  markInvoicePaid: (slug: string, invoiceId: string, paidOn: string) =>
    unwrap(
      client.POST('/api/{slug}/admin/invoices/{invoiceId}/paid', {
        params: { path: { slug, invoiceId } },
        body: { paidOn },
      }),
    ),
  getInvoiceSettings: (slug: string) =>
    unwrap(client.GET('/api/{slug}/admin/invoicing-settings', p(slug))),
  updateInvoiceSettings: (slug: string, body: InvoiceSettings) =>
    unwrap(client.PUT('/api/{slug}/admin/invoicing-settings', { ...p(slug), body })),
  listCourses: (slug: string, query: CourseFilter) =>
    unwrap(client.GET('/api/{slug}/courses', { params: { path: { slug }, query } })),
  getCourse: (slug: string, courseId: string) =>
    unwrap(client.GET('/api/{slug}/courses/{courseId}', { params: { path: { slug, courseId } } })),
  registerForCourse: (slug: string, courseId: string, childIds: string[]) =>
    unwrap(
      client.POST('/api/{slug}/courses/{courseId}/registrations', {
        params: { path: { slug, courseId } },
        body: { childIds },
      }),
    ),
  joinCourseQueue: (slug: string, courseId: string) =>
    unwrap(
      client.POST('/api/{slug}/courses/{courseId}/queue', { params: { path: { slug, courseId } } }),
    ),
  getCourseQueue: (slug: string, courseId: string) =>
    unwrap(
      client.GET('/api/{slug}/courses/{courseId}/queue', { params: { path: { slug, courseId } } }),
    ),
  listMyRegistrations: (slug: string) =>
    unwrap(client.GET('/api/{slug}/course-registrations/mine', p(slug))),
  cancelRegistration: (slug: string, registrationId: string) =>
    unwrap(
      client.POST('/api/{slug}/course-registrations/{registrationId}/cancel', {
        params: { path: { slug, registrationId } },
      }),
    ),
  acceptCourseOffer: (slug: string, registrationId: string) =>
    unwrap(
      client.POST('/api/{slug}/course-registrations/{registrationId}/accept', {
        params: { path: { slug, registrationId } },
      }),
    ),
  listMyChildren: (slug: string) => unwrap(client.GET('/api/{slug}/children', p(slug))),
  addChild: (slug: string, body: ChildBody) =>
    unwrap(client.POST('/api/{slug}/children', { ...p(slug), body })),
  createCourse: (slug: string, body: CourseBody) =>
    unwrap(client.POST('/api/{slug}/admin/courses', { ...p(slug), body })),
  cancelCourse: (slug: string, courseId: string, reason: string) =>
    unwrap(
      client.POST('/api/{slug}/admin/courses/{courseId}/cancel', {
        params: { path: { slug, courseId } },
        body: { reason },
      }),
    ),
  setResourceTerms: (slug: string, resourceId: string, text: ResourceTerms['text']) =>
    unwrap(
      client.PUT('/api/{slug}/admin/resources/{resourceId}/terms', {
        params: { path: { slug, resourceId } },
        body: { text },
      }),
    ),
  archiveCourse: (slug: string, courseId: string) =>
    unwrap(
      client.DELETE('/api/{slug}/admin/courses/{courseId}', {
        params: { path: { slug, courseId } },
      }),
    ),
  updateCourse: (slug: string, courseId: string, body: CourseBody) =>
    unwrap(
      client.PUT('/api/{slug}/admin/courses/{courseId}', {
        params: { path: { slug, courseId } },
        body,
      }),
    ),
  createReservationSeries: (slug: string, body: SeriesBody) =>
    unwrap(client.POST('/api/{slug}/reservation-series', { ...p(slug), body })),
  cancelReservationSeries: (slug: string, seriesId: string, reason?: string) =>
    unwrap(
      client.POST('/api/{slug}/reservation-series/{seriesId}/cancel', {
        params: { path: { slug, seriesId } },
        body: reason ? { reason } : {},
      }),
    ),
  decideReservationSeries: (slug: string, seriesId: string, approve: boolean, reason?: string) =>
    unwrap(
      client.POST('/api/{slug}/admin/reservation-series/{seriesId}/decision', {
        params: { path: { slug, seriesId } },
        body: reason ? { approve, reason } : { approve },
      }),
    ),
  listMyOrganisations: (slug: string) =>
    unwrap(client.GET('/api/{slug}/organisations/mine', p(slug))),
  createOrganisation: (slug: string, body: OrganisationBody) =>
    unwrap(client.POST('/api/{slug}/organisations', { ...p(slug), body })),
  getOrganisation: (slug: string, organisationId: string) =>
    unwrap(
      client.GET('/api/{slug}/organisations/{organisationId}', {
        params: { path: { slug, organisationId } },
      }),
    ),
  updateOrganisation: (slug: string, organisationId: string, body: OrganisationBody) =>
    unwrap(
      client.PUT('/api/{slug}/organisations/{organisationId}', {
        params: { path: { slug, organisationId } },
        body,
      }),
    ),
  addOrganisationMember: (slug: string, organisationId: string, email: string) =>
    unwrap(
      client.POST('/api/{slug}/organisations/{organisationId}/members', {
        params: { path: { slug, organisationId } },
        body: { email },
      }),
    ),
  removeOrganisationMember: (slug: string, organisationId: string, personId: string) =>
    unwrap(
      client.DELETE('/api/{slug}/organisations/{organisationId}/members/{personId}', {
        params: { path: { slug, organisationId, personId } },
      }),
    ),
  listOrganisations: (slug: string, q: string, inactive: boolean) =>
    unwrap(
      client.GET('/api/{slug}/admin/organisations', {
        params: { path: { slug }, query: { ...(q ? { q } : {}), inactive } },
      }),
    ),
  setOrganisationActive: (slug: string, organisationId: string, active: boolean) =>
    unwrap(
      client.PUT('/api/{slug}/admin/organisations/{organisationId}/active', {
        params: { path: { slug, organisationId } },
        body: { active },
      }),
    ),
  listCourseRegistrations: (slug: string, courseId: string) =>
    unwrap(
      client.GET('/api/{slug}/admin/courses/{courseId}/registrations', {
        params: { path: { slug, courseId } },
      }),
    ),
  listMyDaycareChildren: (slug: string) =>
    unwrap(client.GET('/api/{slug}/daycare/children', p(slug))),
  listMyAbsences: (slug: string) => unwrap(client.GET('/api/{slug}/daycare/absences', p(slug))),
  reportAbsence: (slug: string, body: ReportAbsenceBody) =>
    unwrap(client.POST('/api/{slug}/daycare/absences', { ...p(slug), body })),
  cancelAbsences: (slug: string, absenceIds: string[]) =>
    unwrap(
      client.POST('/api/{slug}/daycare/absences/cancel', { ...p(slug), body: { absenceIds } }),
    ),
  listMyDaycareUnits: (slug: string) => unwrap(client.GET('/api/{slug}/daycare/units', p(slug))),
  listMessageThreads: (slug: string, query: { archived?: boolean; q?: string }) =>
    unwrap(
      client.GET('/api/{slug}/messages/threads', {
        params: {
          path: { slug },
          query: {
            ...(query.q ? { q: query.q } : {}),
            ...(query.archived ? { archived: true } : {}),
          },
        },
      }),
    ),
  getMessageThread: (slug: string, threadId: string) =>
    unwrap(
      client.GET('/api/{slug}/messages/threads/{threadId}', {
        params: { path: { slug, threadId } },
      }),
    ),
  getUnreadCount: (slug: string) => unwrap(client.GET('/api/{slug}/messages/unread', p(slug))),
  previewMessageRecipients: (slug: string, body: MessageTarget) =>
    unwrap(client.POST('/api/{slug}/messages/recipients', { ...p(slug), body })),
  sendMessage: (slug: string, body: SendMessageBody) =>
    unwrap(client.POST('/api/{slug}/messages/threads', { ...p(slug), body })),
  replyToThread: (slug: string, threadId: string, body: string) =>
    unwrap(
      client.POST('/api/{slug}/messages/threads/{threadId}/replies', {
        params: { path: { slug, threadId } },
        body: { body },
      }),
    ),
  markThreadRead: (slug: string, threadId: string) =>
    unwrap(
      client.POST('/api/{slug}/messages/threads/{threadId}/read', {
        params: { path: { slug, threadId } },
      }),
    ),
  markThreadUnread: (slug: string, threadId: string) =>
    unwrap(
      client.POST('/api/{slug}/messages/threads/{threadId}/unread', {
        params: { path: { slug, threadId } },
      }),
    ),
  archiveThread: (slug: string, threadId: string, archived: boolean) =>
    unwrap(
      client.POST('/api/{slug}/messages/threads/{threadId}/archive', {
        params: { path: { slug, threadId } },
        body: { archived },
      }),
    ),
  acknowledgeMessage: (slug: string, threadId: string) =>
    unwrap(
      client.POST('/api/{slug}/messages/threads/{threadId}/acknowledge', {
        params: { path: { slug, threadId } },
      }),
    ),
  remindUnacknowledged: (slug: string, threadId: string) =>
    unwrap(
      client.POST('/api/{slug}/messages/threads/{threadId}/remind', {
        params: { path: { slug, threadId } },
      }),
    ),
  listGroupDay: (slug: string, groupId: string, date?: string) =>
    unwrap(
      client.GET('/api/{slug}/daycare/groups/{groupId}/day', {
        params: { path: { slug, groupId }, query: date ? { date } : {} },
      }),
    ),
  listDaycareUnits: (slug: string) =>
    unwrap(client.GET('/api/{slug}/admin/daycare/units', p(slug))),
  createDaycareUnit: (slug: string, body: DaycareUnitBody) =>
    unwrap(client.POST('/api/{slug}/admin/daycare/units', { ...p(slug), body })),
  updateDaycareUnit: (slug: string, unitId: string, body: DaycareUnitBody) =>
    unwrap(
      client.PUT('/api/{slug}/admin/daycare/units/{unitId}', {
        params: { path: { slug, unitId } },
        body,
      }),
    ),
  createDaycareGroup: (slug: string, unitId: string, body: DaycareGroupBody) =>
    unwrap(
      client.POST('/api/{slug}/admin/daycare/units/{unitId}/groups', {
        params: { path: { slug, unitId } },
        body,
      }),
    ),
  updateDaycareGroup: (slug: string, groupId: string, body: DaycareGroupBody) =>
    unwrap(
      client.PUT('/api/{slug}/admin/daycare/groups/{groupId}', {
        params: { path: { slug, groupId } },
        body,
      }),
    ),
  listUnitPlacements: (slug: string, unitId: string) =>
    unwrap(
      client.GET('/api/{slug}/admin/daycare/units/{unitId}/placements', {
        params: { path: { slug, unitId } },
      }),
    ),
  createPlacement: (slug: string, body: PlacementBody) =>
    unwrap(client.POST('/api/{slug}/admin/daycare/placements', { ...p(slug), body })),
  updatePlacement: (slug: string, placementId: string, body: PlacementBody) =>
    unwrap(
      client.PUT('/api/{slug}/admin/daycare/placements/{placementId}', {
        params: { path: { slug, placementId } },
        body,
      }),
    ),
  deletePlacement: (slug: string, placementId: string) =>
    unwrap(
      client.DELETE('/api/{slug}/admin/daycare/placements/{placementId}', {
        params: { path: { slug, placementId } },
      }),
    ),
  searchDaycareChildren: (slug: string, q: string) =>
    unwrap(
      client.GET('/api/{slug}/admin/daycare/children', {
        params: { path: { slug }, query: { q } },
      }),
    ),
  createDaycareChild: (slug: string, body: NewDaycareChildBody) =>
    unwrap(client.POST('/api/{slug}/admin/daycare/children', { ...p(slug), body })),
  listUnitStaff: (slug: string, unitId: string) =>
    unwrap(
      client.GET('/api/{slug}/admin/daycare/units/{unitId}/staff', {
        params: { path: { slug, unitId } },
      }),
    ),
  addDaycareStaff: (slug: string, unitId: string, body: DaycareStaffBody) =>
    unwrap(
      client.POST('/api/{slug}/admin/daycare/units/{unitId}/staff', {
        params: { path: { slug, unitId } },
        body,
      }),
    ),
  removeDaycareStaff: (slug: string, membershipId: string) =>
    unwrap(
      client.DELETE('/api/{slug}/admin/daycare/staff/{membershipId}', {
        params: { path: { slug, membershipId } },
      }),
    ),
  getDaycareSettings: (slug: string) =>
    unwrap(client.GET('/api/{slug}/admin/daycare/settings', p(slug))),
  updateDaycareSettings: (slug: string, body: DaycareSettings) =>
    unwrap(client.PUT('/api/{slug}/admin/daycare/settings', { ...p(slug), body })),
  getFeePreview: (slug: string) => unwrap(client.GET('/api/{slug}/daycare/fees', p(slug))),
  listMyIncomeStatements: (slug: string) =>
    unwrap(client.GET('/api/{slug}/daycare/income-statements', p(slug))),
  submitIncomeStatement: (slug: string, body: IncomeStatementBody) =>
    unwrap(client.POST('/api/{slug}/daycare/income-statements', { ...p(slug), body })),
  listIncomeStatements: (slug: string, status: 'open' | 'handled') =>
    unwrap(
      client.GET('/api/{slug}/admin/daycare/income-statements', {
        params: { path: { slug }, query: { status } },
      }),
    ),
  markIncomeStatementHandled: (slug: string, statementId: string) =>
    unwrap(
      client.POST('/api/{slug}/admin/daycare/income-statements/{statementId}/handled', {
        params: { path: { slug, statementId } },
      }),
    ),
  listFeePeriods: (slug: string) =>
    unwrap(client.GET('/api/{slug}/admin/daycare/fee-periods', p(slug))),
  saveFeePeriod: (slug: string, validFrom: string, body: FeePeriodBody) =>
    unwrap(
      client.PUT('/api/{slug}/admin/daycare/fee-periods/{validFrom}', {
        params: { path: { slug, validFrom } },
        body,
      }),
    ),
};

// Files the browser downloads itself (plain links): a booking's iCalendar and the report's CSV.
export const reservationCalendarUrl = (slug: string, reservationId: string) =>
  `/api/${encodeURIComponent(slug)}/reservations/${encodeURIComponent(reservationId)}.ics`;

export const utilisationCsvUrl = (slug: string, query: UtilisationQuery) =>
  `/api/${encodeURIComponent(slug)}/admin/reports/utilisation.csv?${new URLSearchParams(query)}`;

export const salesCsvUrl = (slug: string, query: SalesPeriod) =>
  `/api/${encodeURIComponent(slug)}/admin/sales.csv?${new URLSearchParams(query)}`;

export const receivablesCsvUrl = (slug: string) =>
  `/api/${encodeURIComponent(slug)}/admin/invoices/receivables.csv`;

export const incomeAttachmentUrl = (slug: string, statementId: string) =>
  `/api/${encodeURIComponent(slug)}/daycare/income-statements/${encodeURIComponent(statementId)}/attachment`;

export const invoicePdfUrl = (slug: string, invoiceId: string) =>
  `/api/${encodeURIComponent(slug)}/invoices/${encodeURIComponent(invoiceId)}/pdf`;

export const receiptPdfUrl = (slug: string, orderId: string) =>
  `/api/${encodeURIComponent(slug)}/orders/${encodeURIComponent(orderId)}/receipt.pdf`;

export const notificationStreamUrl = (slug: string) =>
  `/api/${encodeURIComponent(slug)}/notifications/stream`;

export const oidcLoginUrl = (slug: string, returnTo: string) =>
  `/api/${encodeURIComponent(slug)}/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`;
