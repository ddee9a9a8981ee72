/**
 * Hand-written stand-in for the file that `npm run api-client:generate -w apps/web` generates
 * from apps/api/openapi.json with openapi-typescript. It follows the same shape (paths,
 * operations keyed by operationId) so that the generated file can replace it without changes
 * in src/api/client.ts.
 */

type Headers = { [name: string]: unknown };
type Json<T> = { headers: Headers; content: { 'application/json': T } };
type NoContent = { headers: Headers; content?: never };
type ProblemResponse = {
  headers: Headers;
  content: { 'application/problem+json': components['schemas']['Problem'] };
};
type Errors = { 400: ProblemResponse; 401: ProblemResponse; 403: ProblemResponse; 404: ProblemResponse; 429: ProblemResponse };
type SlugPath = { slug: string };
type Params<P, Q = never> = ([P] extends [never] ? { path?: never } : { path: P }) &
  ([Q] extends [never] ? { query?: never } : { query?: Q }) & { header?: never; cookie?: never };
type Op<P, Ok, Body = never, Q = never> = {
  parameters: Params<P, Q>;
  responses: Ok & Errors;
} & ([Body] extends [never]
  ? { requestBody?: never }
  : { requestBody: { content: { 'application/json': Body } } });
type Methods = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
type PathItem<P, M extends Partial<Record<Methods, unknown>>> = {
  parameters: Params<P>;
} & { [K in Exclude<Methods, keyof M>]?: never } & M;

type S = components['schemas'];

export interface components {
  schemas: {
    Problem: {
      type: string;
      title: string;
      status: number;
      detail?: string;
      errors?: { field: string; message: string }[];
    };
    LocalizedText: { fi: string; sv: string; en: string };
    Language: 'fi' | 'sv' | 'en';
    Role:
      | 'resident'
      | 'guardian'
      | 'staff'
      | 'daycare_staff'
      | 'facility_admin'
      | 'digital_team'
      | 'admin';
    MunicipalitySummary: { slug: string; name: S['LocalizedText'] };
    Municipality: {
      id: string;
      slug: string;
      name: S['LocalizedText'];
      contactEmail: string;
      contactPhone: string;
      address: string;
      themeColor: string;
    };
    MunicipalitySettings: Omit<S['Municipality'], 'id' | 'slug'>;
    Session: {
      user: null | { id: string; name: string; email: string; language: S['Language'] };
      roles: S['Role'][];
      csrfToken: string;
      oidcEnabled: boolean;
    };
    Notification: {
      id: string;
      title: string;
      body: string;
      link: string | null;
      createdAt: string;
      readAt: string | null;
    };
    NotificationList: { items: S['Notification'][]; unreadCount: number };
    Person: { id: string; name: string; email: string; roles: S['Role'][] };
    AuditEvent: {
      id: string;
      at: string;
      actorName: string | null;
      action: string;
      target: string | null;
      requestId: string;
    };
    OutboxEmail: {
      id: string;
      to: string;
      subject: string;
      text: string;
      status: string;
      createdAt: string;
      sentAt: string | null;
    };
    SendNotification: {
      role?: S['Role'];
      personId?: string;
      title: string;
      body: string;
      link?: string;
      email: boolean;
    };
  };
}

export interface operations {
  listMunicipalities: Op<never, { 200: Json<{ items: S['MunicipalitySummary'][] }> }>;
  getMunicipality: Op<SlugPath, { 200: Json<S['Municipality']> }>;
  getCurrentUser: Op<SlugPath, { 200: Json<S['Session']> }>;
  login: Op<SlugPath, { 200: Json<S['Session']> }, { email: string; password: string }>;
  logout: Op<SlugPath, { 204: NoContent }>;
  logoutEverywhere: Op<SlugPath, { 204: NoContent }>;
  setLanguage: Op<SlugPath, { 204: NoContent }, { language: S['Language'] }>;
  listNotifications: Op<SlugPath, { 200: Json<S['NotificationList']> }>;
  markNotificationRead: Op<SlugPath & { id: string }, { 204: NoContent }>;
  markAllNotificationsRead: Op<SlugPath, { 204: NoContent }>;
  updateMunicipalitySettings: Op<
    SlugPath,
    { 200: Json<S['Municipality']> },
    S['MunicipalitySettings']
  >;
  listPeople: Op<SlugPath, { 200: Json<{ items: S['Person'][] }> }, never, { q?: string }>;
  grantRole: Op<SlugPath, { 200: Json<S['Person']> }, { email: string; role: S['Role'] }>;
  revokeRole: Op<SlugPath & { personId: string; role: string }, { 204: NoContent }>;
  listAuditEvents: Op<
    SlugPath,
    { 200: Json<{ items: S['AuditEvent'][] }> },
    never,
    { limit?: number; before?: string }
  >;
  listOutboxEmails: Op<SlugPath, { 200: Json<{ items: S['OutboxEmail'][] }> }>;
  sendNotification: Op<SlugPath, { 200: Json<{ recipients: number }> }, S['SendNotification']>;
}

export interface paths {
  '/api/municipalities': PathItem<never, { get: operations['listMunicipalities'] }>;
  '/api/{slug}/municipality': PathItem<SlugPath, { get: operations['getMunicipality'] }>;
  '/api/{slug}/session': PathItem<
    SlugPath,
    {
      get: operations['getCurrentUser'];
      post: operations['login'];
      delete: operations['logout'];
    }
  >;
  '/api/{slug}/session/logout-everywhere': PathItem<
    SlugPath,
    { post: operations['logoutEverywhere'] }
  >;
  '/api/{slug}/session/language': PathItem<SlugPath, { put: operations['setLanguage'] }>;
  '/api/{slug}/notifications': PathItem<SlugPath, { get: operations['listNotifications'] }>;
  '/api/{slug}/notifications/{id}/read': PathItem<
    SlugPath & { id: string },
    { post: operations['markNotificationRead'] }
  >;
  '/api/{slug}/notifications/read-all': PathItem<
    SlugPath,
    { post: operations['markAllNotificationsRead'] }
  >;
  '/api/{slug}/admin/settings': PathItem<
    SlugPath,
    { put: operations['updateMunicipalitySettings'] }
  >;
  '/api/{slug}/admin/people': PathItem<SlugPath, { get: operations['listPeople'] }>;
  '/api/{slug}/admin/role-grants': PathItem<SlugPath, { post: operations['grantRole'] }>;
  '/api/{slug}/admin/people/{personId}/roles/{role}': PathItem<
    SlugPath & { personId: string; role: string },
    { delete: operations['revokeRole'] }
  >;
  '/api/{slug}/admin/audit': PathItem<SlugPath, { get: operations['listAuditEvents'] }>;
  '/api/{slug}/admin/emails': PathItem<SlugPath, { get: operations['listOutboxEmails'] }>;
  '/api/{slug}/admin/notifications': PathItem<SlugPath, { post: operations['sendNotification'] }>;
}
