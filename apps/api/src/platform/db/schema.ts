import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables, as the migrations in apps/api/migrations create them. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type Json = ColumnType<unknown, string, string>;

export interface MunicipalitiesTable {
  id: Generated<string>;
  slug: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  contact_email: Generated<string>;
  contact_phone: Generated<string>;
  address: Generated<string>;
  theme_color: Generated<string>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface PeopleTable {
  id: Generated<string>;
  email: string | null;
  name: string;
  language: Generated<string>;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: GeneratedTimestamp;
}

export interface RoleGrantsTable {
  municipality_id: string;
  person_id: string;
  role: string;
  granted_at: GeneratedTimestamp;
  granted_by: string | null;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  person_id: string;
  auth_method: 'password' | 'oidc';
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

export interface LoginAttemptsTable {
  email_key: string;
  failures: Generated<number>;
  first_failure_at: GeneratedTimestamp;
  locked_until: NullableTimestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  title: string;
  body: string;
  link: string | null;
  created_at: GeneratedTimestamp;
  read_at: NullableTimestamp;
}

export interface EmailOutboxTable {
  id: Generated<string>;
  municipality_id: string;
  to_address: string;
  subject: string;
  text_body: string;
  status: Generated<'pending' | 'sent' | 'kept' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: GeneratedTimestamp;
  sent_at: NullableTimestamp;
}

export interface JobsTable {
  id: Generated<number>;
  municipality_id: string | null;
  kind: string;
  payload: Json;
  run_at: GeneratedTimestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: NullableTimestamp;
  last_error: string | null;
  done_at: NullableTimestamp;
  failed_at: NullableTimestamp;
  created_at: GeneratedTimestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  municipality_id: string | null;
  actor_person_id: string | null;
  action: string;
  target: string | null;
  request_id: string | null;
  details: Json;
  at: GeneratedTimestamp;
}

export interface InstanceSettingsTable {
  key: string;
  value: string;
}

export type ResourceKind =
  'sports_hall' | 'gym' | 'meeting_room' | 'sauna' | 'field' | 'music_room' | 'other';

export interface ResourcesTable {
  id: Generated<string>;
  municipality_id: string;
  kind: ResourceKind;
  name_fi: string;
  name_sv: string;
  name_en: string;
  description_fi: Generated<string>;
  description_sv: Generated<string>;
  description_en: Generated<string>;
  location: Generated<string>;
  capacity: number;
  accessible: Generated<boolean>;
  self_service: Generated<boolean>;
  booking_mode: Generated<'instant' | 'approval'>;
  slot_min_minutes: Generated<number>;
  slot_max_minutes: Generated<number>;
  slot_step_minutes: Generated<number>;
  book_ahead_days: Generated<number>;
  buffer_minutes: Generated<number>;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
  price_product_id: string | null;
  cancel_free_hours: Generated<number>;
}

export interface OpeningHoursTable {
  municipality_id: string;
  resource_id: string;
  weekday: number;
  opens: string;
  closes: string;
}

export interface OpeningExceptionsTable {
  municipality_id: string;
  resource_id: string;
  day: string;
  opens: string | null;
  closes: string | null;
  reason: Generated<string>;
}

export type ReservationStatus = 'held' | 'requested' | 'confirmed' | 'denied' | 'cancelled';

export interface ReservationsTable {
  id: Generated<string>;
  municipality_id: string;
  resource_id: string;
  kind: Generated<'booking' | 'block'>;
  person_id: string | null;
  /** tstzrange; read it with lower()/upper() */
  during: string;
  blocks: string;
  status: ReservationStatus;
  purpose: Generated<string>;
  attendees: number | null;
  decision_reason: string | null;
  decided_by: string | null;
  cancel_reason: string | null;
  series_id: string | null;
  created_at: GeneratedTimestamp;
  cancelled_at: NullableTimestamp;
  held_until: NullableTimestamp;
  price_cents: Generated<number>;
  vat_rate_bp: Generated<number>;
  /** Set when the booking was made for an organisation (its buyer). */
  organisation_id: Generated<string | null>;
  terms_version: Generated<number | null>;
}

/** A version of a facility's terms of use (never changed once written). */
export interface ResourceTermsTable {
  municipality_id: string;
  resource_id: string;
  version: number;
  text_fi: Generated<string>;
  text_sv: Generated<string>;
  text_en: Generated<string>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface CalendarFeedsTable {
  municipality_id: string;
  person_id: string;
  token_hash: string;
  created_at: GeneratedTimestamp;
}

export type CustomerGroup = 'resident' | 'non_resident' | 'association' | 'company';
export type ProductKind =
  'ticket' | 'series_card' | 'event_fee' | 'permit' | 'course_fee' | 'facility_use' | 'other';

export interface ProductsTable {
  id: Generated<string>;
  municipality_id: string;
  kind: ProductKind;
  name_fi: string;
  name_sv: string;
  name_en: string;
  content_fi: Generated<string>;
  content_sv: Generated<string>;
  content_en: Generated<string>;
  organiser: Generated<string>;
  provider: Generated<string>;
  quality_promise_fi: Generated<string>;
  quality_promise_sv: Generated<string>;
  quality_promise_en: Generated<string>;
  vat_rate_bp: number;
  invoice_allowed: Generated<boolean>;
  max_per_order: Generated<number>;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface ProductPricesTable {
  municipality_id: string;
  product_id: string;
  customer_group: CustomerGroup;
  unit_price_cents: number;
}

/** invoiced: binding and waiting for the invoice to be paid. */
export type OrderStatus = 'cart' | 'pending' | 'invoiced' | 'paid' | 'cancelled';

export interface OrdersTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  status: Generated<OrderStatus>;
  customer_group: CustomerGroup;
  total_cents: Generated<number>;
  vat_cents: Generated<number>;
  created_at: GeneratedTimestamp;
  paid_at: NullableTimestamp;
  /** The organisation the person bought for; null: for themselves. */
  organisation_id: Generated<string | null>;
}

export interface OrderLinesTable {
  id: Generated<string>;
  municipality_id: string;
  order_id: string;
  product_id: string | null;
  reservation_id: Generated<string | null>;
  registration_id: Generated<string | null>;
  name: string;
  quantity: number;
  unit_price_cents: number;
  vat_rate_bp: number;
  total_cents: number;
  vat_cents: number;
}

export interface PaymentsTable {
  id: Generated<string>;
  municipality_id: string;
  order_id: string;
  provider: 'demo' | 'paytrail' | 'invoice';
  amount_cents: number;
  status: Generated<'created' | 'paid' | 'cancelled' | 'failed'>;
  provider_reference: string | null;
  created_at: GeneratedTimestamp;
  settled_at: NullableTimestamp;
}

export interface RefundsTable {
  id: Generated<string>;
  municipality_id: string;
  order_id: string;
  reservation_id: string | null;
  registration_id: Generated<string | null>;
  amount_cents: number;
  reason: Generated<string>;
  /** credit: taken off an invoice that is not paid yet (nothing is paid back). */
  kind: Generated<'refund' | 'credit'>;
  status: Generated<'pending' | 'done' | 'failed'>;
  provider: string;
  provider_reference: string | null;
  last_error: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  settled_at: NullableTimestamp;
}

export interface ChildrenTable {
  id: Generated<string>;
  municipality_id: string;
  first_name: string;
  last_name: string;
  /** YYYY-MM-DD */
  birth_date: ColumnType<string, string, string>;
  created_at: GeneratedTimestamp;
}

export interface GuardianshipsTable {
  municipality_id: string;
  child_id: string;
  person_id: string;
}

export type RegistrationMode = 'first_come' | 'fair_queue';

export interface CoursesTable {
  id: Generated<string>;
  municipality_id: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  description_fi: Generated<string>;
  description_sv: Generated<string>;
  description_en: Generated<string>;
  location: Generated<string>;
  age_min: Generated<number>;
  age_max: Generated<number>;
  seats: number;
  price_product_id: string | null;
  registration_opens_at: Timestamp;
  registration_closes_at: Timestamp;
  registration_mode: Generated<RegistrationMode>;
  admit_per_minute: Generated<number>;
  admission_minutes: Generated<number>;
  hold_minutes: Generated<number>;
  waitlist: Generated<boolean>;
  offer_hours: Generated<number>;
  cancel_free_hours: Generated<number>;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
  cancelled_at: NullableTimestamp;
  cancel_reason: string | null;
  cancelled_by: string | null;
}

export type DoorAdapterKind = 'mqtt' | 'http_pull';

export interface DoorsTable {
  id: Generated<string>;
  municipality_id: string;
  resource_id: string;
  name: string;
  adapter: DoorAdapterKind;
  token_hash: string | null;
  token_created_at: NullableTimestamp;
  last_seen_at: NullableTimestamp;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
  deactivated_at: NullableTimestamp;
}

export interface CourseSessionsTable {
  municipality_id: string;
  course_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

export type RegistrationStatus =
  'held' | 'confirmed' | 'waitlisted' | 'offered' | 'cancelled' | 'expired';

export interface CourseRegistrationsTable {
  id: Generated<string>;
  municipality_id: string;
  course_id: string;
  child_id: string;
  person_id: string;
  status: RegistrationStatus;
  held_until: NullableTimestamp;
  offered_until: NullableTimestamp;
  price_cents: Generated<number>;
  vat_rate_bp: Generated<number>;
  created_at: GeneratedTimestamp;
  ended_at: NullableTimestamp;
}

export interface CourseSeatsTable {
  municipality_id: string;
  course_id: string;
  seat_no: number;
  registration_id: string | null;
}

export interface CourseQueueTable {
  municipality_id: string;
  course_id: string;
  person_id: string;
  joined_at: GeneratedTimestamp;
  position: number | null;
}

export type AccessGrantState =
  'requested' | 'installed' | 'removal_requested' | 'removed' | 'failed';

export interface AccessGrantsTable {
  id: Generated<string>;
  municipality_id: string;
  reservation_id: string;
  door_id: string;
  pin: string;
  valid_from: Timestamp;
  valid_until: Timestamp;
  wanted: Generated<'installed' | 'removed'>;
  state: Generated<AccessGrantState>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  installed_at: NullableTimestamp;
  removed_at: NullableTimestamp;
}

export interface InvoiceSettingsTable {
  municipality_id: string;
  payee_name: string;
  iban: string;
  bic: string;
  business_id: string;
  payment_term_days: Generated<number>;
  last_invoice_number: Generated<number>;
  updated_at: GeneratedTimestamp;
}

export interface InvoicesTable {
  id: Generated<string>;
  municipality_id: string;
  order_id: string;
  number: number;
  reference: string;
  rf_reference: string;
  amount_cents: number;
  /** date columns: read them as text (YYYY-MM-DD) with ::text. */
  issue_date: string;
  due_date: string;
  payee_name: string;
  iban: string;
  bic: string;
  business_id: string;
  status: Generated<'open' | 'paid' | 'credited'>;
  paid_on: string | null;
  /** The organisation as printed on the invoice (InvoiceBuyer); null for a person. */
  buyer: ColumnType<unknown, string | null | undefined, string | null>;
  marked_paid_by: string | null;
  created_at: GeneratedTimestamp;
}

export type OrganisationKind = 'association' | 'company';

export interface OrganisationsTable {
  id: Generated<string>;
  municipality_id: string;
  kind: OrganisationKind;
  name: string;
  business_id: string | null;
  register_number: string | null;
  street: string;
  postcode: string;
  city: string;
  e_invoice_address: string | null;
  e_invoice_operator: string | null;
  contact_email: string;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface OrganisationMembersTable {
  municipality_id: string;
  organisation_id: string;
  person_id: string;
  added_by: string | null;
  added_at: GeneratedTimestamp;
}

/** YYYY-MM-DD; selected as text (`::text`), since the drivers would make a Date of it. */
type DateColumn = ColumnType<string, string, string>;

export interface DaycareUnitsTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  address: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  operation_days: ColumnType<number[], number[] | undefined, number[]>;
  created_at: GeneratedTimestamp;
}

export interface DaycareGroupsTable {
  id: Generated<string>;
  municipality_id: string;
  unit_id: string;
  name: string;
  capacity: Generated<number>;
  created_at: GeneratedTimestamp;
}

export interface DaycarePlacementsTable {
  id: Generated<string>;
  municipality_id: string;
  child_id: string;
  unit_id: string;
  group_id: string;
  start_date: DateColumn;
  end_date: ColumnType<string | null, string | null, string | null>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface DaycareStaffTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  unit_id: string;
  group_id: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export type AbsenceCategory = 'sick' | 'other' | 'holiday';

export interface DaycareAbsencesTable {
  id: Generated<string>;
  municipality_id: string;
  child_id: string;
  absence_date: DateColumn;
  category: AbsenceCategory;
  note: Generated<string>;
  report_id: string;
  reported_by: string;
  reported_at: GeneratedTimestamp;
  reported_by_staff: Generated<boolean>;
  cancelled_by: string | null;
  cancelled_at: NullableTimestamp;
}

export interface DaycareSettingsTable {
  municipality_id: string;
  /** HH:MM:SS */
  absence_cutoff: Generated<string>;
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
}

export interface DaycareFeePeriodsTable {
  id: Generated<string>;
  /** Null: a national set shipped by the migrations. */
  municipality_id: string | null;
  valid_from: DateColumn;
  max_fee_cents: number;
  min_fee_cents: number;
  income_bp: number;
  second_child_bp: number;
  further_child_bp: number;
  second_child_max_cents: number | null;
  income_limits_cents: number[] | null;
  increment_cents: number | null;
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
}

export interface DaycareIncomeStatementsTable {
  id: Generated<string>;
  municipality_id: string;
  submitted_by: string;
  submitted_at: GeneratedTimestamp;
  accepts_highest_fee: boolean;
  incomes_cents: Generated<number[]>;
  attachment_name: string | null;
  attachment_type: string | null;
  attachment: Uint8Array | null;
  handled_by: string | null;
  handled_at: NullableTimestamp;
}

export type ThreadKind = 'bulletin' | 'message';
export type ThreadScope = 'child' | 'group' | 'unit' | 'municipality';

export interface MessageThreadsTable {
  id: Generated<string>;
  municipality_id: string;
  kind: ThreadKind;
  title: string;
  urgent: Generated<boolean>;
  requires_ack: Generated<boolean>;
  scope: ThreadScope;
  unit_id: string | null;
  group_id: string | null;
  child_id: string | null;
  created_by: string;
  created_at: GeneratedTimestamp;
  last_message_at: GeneratedTimestamp;
}

export interface MessagesTable {
  id: Generated<string>;
  municipality_id: string;
  thread_id: string;
  author_id: string;
  body: string;
  created_at: GeneratedTimestamp;
}

export interface MessageAttachmentsTable {
  id: Generated<string>;
  municipality_id: string;
  message_id: string;
  thread_id: string;
  position: number;
  filename: string;
  content_type: string;
  size_bytes: number;
  data: Uint8Array;
  created_at: GeneratedTimestamp;
}

export interface ThreadParticipantsTable {
  municipality_id: string;
  thread_id: string;
  person_id: string;
  role: 'guardian' | 'staff';
  unread_count: Generated<number>;
  last_read_at: NullableTimestamp;
  archived_at: NullableTimestamp;
  acknowledged_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
}

export interface MessageUnreadTotalsTable {
  municipality_id: string;
  person_id: string;
  unread: Generated<number>;
}

export interface PushSubscriptionsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: Generated<string>;
  created_at: GeneratedTimestamp;
  last_success_at: NullableTimestamp;
  failure_count: Generated<number>;
}

export interface NotificationPreferencesTable {
  municipality_id: string;
  person_id: string;
  topic: string;
  channel: string;
  enabled: boolean;
  updated_at: GeneratedTimestamp;
}

export type FreePlaceAgeGroup = 'under3' | 'age3to5' | 'preschool';

export interface DaycareFreePlaceSubscriptionsTable {
  id: Generated<string>;
  municipality_id: string;
  person_id: string;
  unit_id: string;
  age_group: FreePlaceAgeGroup;
  unsubscribe_token: string;
  created_at: GeneratedTimestamp;
  ended_at: NullableTimestamp;
}

export interface DaycareFreePlacesTable {
  id: Generated<string>;
  municipality_id: string;
  unit_id: string;
  age_group: FreePlaceAgeGroup;
  from_date: DateColumn;
  places: number;
  note: Generated<string>;
  notified: Generated<number>;
  created_by: string;
  created_at: GeneratedTimestamp;
  ended_by: string | null;
  ended_at: NullableTimestamp;
}

export interface DB {
  push_subscriptions: PushSubscriptionsTable;
  notification_preferences: NotificationPreferencesTable;
  daycare_free_place_subscriptions: DaycareFreePlaceSubscriptionsTable;
  daycare_free_places: DaycareFreePlacesTable;
  message_threads: MessageThreadsTable;
  messages: MessagesTable;
  message_attachments: MessageAttachmentsTable;
  thread_participants: ThreadParticipantsTable;
  message_unread_totals: MessageUnreadTotalsTable;
  organisations: OrganisationsTable;
  organisation_members: OrganisationMembersTable;
  daycare_fee_periods: DaycareFeePeriodsTable;
  daycare_income_statements: DaycareIncomeStatementsTable;
  daycare_units: DaycareUnitsTable;
  daycare_groups: DaycareGroupsTable;
  daycare_placements: DaycarePlacementsTable;
  daycare_staff: DaycareStaffTable;
  daycare_absences: DaycareAbsencesTable;
  daycare_settings: DaycareSettingsTable;
  children: ChildrenTable;
  guardianships: GuardianshipsTable;
  courses: CoursesTable;
  course_sessions: CourseSessionsTable;
  course_registrations: CourseRegistrationsTable;
  course_seats: CourseSeatsTable;
  course_queue: CourseQueueTable;
  refunds: RefundsTable;
  doors: DoorsTable;
  access_grants: AccessGrantsTable;
  invoice_settings: InvoiceSettingsTable;
  invoices: InvoicesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  payments: PaymentsTable;
  products: ProductsTable;
  product_prices: ProductPricesTable;
  calendar_feeds: CalendarFeedsTable;
  resources: ResourcesTable;
  opening_hours: OpeningHoursTable;
  opening_exceptions: OpeningExceptionsTable;
  reservations: ReservationsTable;
  resource_terms: ResourceTermsTable;
  municipalities: MunicipalitiesTable;
  people: PeopleTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  notifications: NotificationsTable;
  email_outbox: EmailOutboxTable;
  jobs: JobsTable;
  audit_events: AuditEventsTable;
  instance_settings: InstanceSettingsTable;
}
