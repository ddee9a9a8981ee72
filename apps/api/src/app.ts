import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import type { Database } from './platform/db/database.js';
import { ProblemSchema } from './platform/http/schemas.js';
import { handleError } from './platform/http/errors.js';
import { validatorCompiler } from './platform/http/validation.js';
import { languageFromHeader } from './platform/i18n/messages.js';
import { registerRequestContext } from './platform/http/request-context.js';
import { registerOpsRoutes } from './platform/http/ops.routes.js';
import { registerWeb } from './platform/http/web.js';
import { authRoutes, CurrentUserSchema } from './platform/auth/auth.routes.js';
import { oidcRoutes } from './platform/auth/oidc.routes.js';
import {
  municipalityRoutes,
  MunicipalitySchema,
  PersonSchema,
  publicMunicipalityRoutes,
} from './platform/municipality/municipality.routes.js';
import {
  notificationRoutes,
  NotificationSchema,
} from './platform/notifications/notifications.routes.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { emailRoutes } from './platform/email/email.routes.js';
import type { NotificationHub } from './platform/notifications/hub.js';
import { bookingRoutes } from './modules/bookings/bookings.routes.js';
import { calendarRoutes } from './modules/bookings/calendar.routes.js';
import { utilisationRoutes } from './modules/bookings/utilisation.routes.js';
import { resourceAdminRoutes } from './modules/bookings/resources.admin.routes.js';
import { seriesRoutes } from './modules/bookings/series.routes.js';
import { ProductSchema, shopRoutes } from './modules/shop/shop.routes.js';
import { orderRoutes, salesRoutes } from './modules/shop/orders.routes.js';
import { paytrailRoutes } from './modules/payments/paytrail.routes.js';
import { InvoiceSchema, invoiceRoutes } from './modules/payments/invoices.routes.js';
import { receiptRoutes } from './modules/payments/receipts.routes.js';
import {
  ReservationSchema,
  ResourceSchema,
  TermsSchema,
} from './modules/bookings/bookings.schema.js';
import { ChildSchema, familyRoutes } from './platform/family/family.routes.js';
import {
  CourseRegistrationSchema,
  CourseSchema,
  courseRoutes,
} from './modules/bookings/courses.routes.js';
import { accessRoutes } from './modules/access/access.routes.js';
import { AccessGrantSchema, DoorSchema } from './modules/access/access.schema.js';
import { organisationRoutes } from './modules/organisations/organisations.routes.js';
import { OrganisationSchema } from './modules/organisations/organisations.schema.js';
import { daycareRoutes } from './modules/daycare/daycare.routes.js';
import { discussionRoutes } from './modules/daycare/discussions.routes.js';
import { daycareAdminRoutes } from './modules/daycare/daycare.admin.routes.js';
import { freePlaceRoutes } from './modules/daycare/free-places.routes.js';
import {
  FeePeriodSchema,
  IncomeStatementSchema,
  feesRoutes,
} from './modules/daycare/fees.routes.js';
import { DaycareAbsenceSchema, DaycarePlacementSchema } from './modules/daycare/daycare.schema.js';
import {
  MessageThreadSchema,
  MessageThreadSummarySchema,
  messageRoutes,
} from './modules/daycare/messages.routes.js';
import { pushRoutes } from './platform/push/push.routes.js';
import { portfolioRoutes } from './modules/portfolio/portfolio.routes.js';
import { portfolioImportRoutes, ImportPreviewSchema } from './modules/portfolio/import.routes.js';
import { roundRoutes } from './modules/portfolio/rounds.routes.js';
import { ExperimentSchema, experimentRoutes } from './modules/portfolio/experiments.routes.js';
import {
  IdeaSchema,
  IdeaSummarySchema,
  StageSchema,
} from './modules/portfolio/portfolio.schema.js';
import { RoundSchema, RoundSummarySchema } from './modules/portfolio/rounds.schema.js';
import { publicCaseRoutes } from './modules/portfolio/cases.routes.js';
import { caseAdminRoutes } from './modules/portfolio/cases.admin.routes.js';
import { journalRoutes } from './modules/portfolio/journal.routes.js';
import { ideaAttachmentRoutes } from './modules/portfolio/attachments.routes.js';
import { outcomeRoutes } from './modules/portfolio/outcome.routes.js';
import { portfolioNumbersRoutes } from './modules/portfolio/numbers.routes.js';
import {
  CaseOpenDataSchema,
  CaseSchema,
  CaseSummarySchema,
} from './modules/portfolio/cases.schema.js';
import type { OidcLogin } from './platform/auth/oidc.js';
import { instanceSecret } from './platform/db/instance-settings.js';
import { sessionCache } from './platform/municipality/municipality.repo.js';

export interface AppDeps {
  config: Config;
  db: Database;
  hub: NotificationHub;
  oidc: OidcLogin | null;
  /** Pino logger options, or false for none (tests). */
  logger?: boolean | object;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** Build the whole application without listening, so tests can drive it with inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // Malformed URLs and over-long path parameters are refused before routing; they still
    // get a translated problem document.
    frameworkErrors: (error, request, reply) => {
      request.language = languageFromHeader(request.headers['accept-language']) ?? 'fi';
      return handleError(error, request, reply);
    },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler());
  app.decorate('deps', deps);
  // The session cache listens for its announcements before the first request.
  await sessionCache(deps.db).ready;
  // Shared schemas are added at the root so every route can $ref them (and OpenAPI names them).
  for (const schema of [
    ProblemSchema,
    MunicipalitySchema,
    PersonSchema,
    CurrentUserSchema,
    NotificationSchema,
    ResourceSchema,
    TermsSchema,
    ReservationSchema,
    ProductSchema,
    ChildSchema,
    CourseSchema,
    CourseRegistrationSchema,
    DoorSchema,
    AccessGrantSchema,
    InvoiceSchema,
    OrganisationSchema,
    DaycarePlacementSchema,
    DaycareAbsenceSchema,
    IncomeStatementSchema,
    FeePeriodSchema,
    MessageThreadSummarySchema,
    MessageThreadSchema,
    StageSchema,
    IdeaSummarySchema,
    IdeaSchema,
    RoundSummarySchema,
    RoundSchema,
    ExperimentSchema,
    CaseSummarySchema,
    CaseSchema,
    CaseOpenDataSchema,
    ImportPreviewSchema,
  ]) {
    app.addSchema(schema);
  }
  app.setErrorHandler(handleError);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Helppo API',
        description:
          'Digital services of Finnish municipalities. Municipality-specific operations live under /api/{slug}/. ' +
          'State-changing requests need the x-csrf-token header from getCurrentUser.',
        version: '0.1.0',
      },
      tags: [
        { name: 'platform', description: 'Health, metrics and municipalities' },
        { name: 'auth', description: 'Login, logout and the current user' },
        { name: 'notifications', description: 'In-app notifications and their live stream' },
        { name: 'admin', description: 'Municipality administration' },
        { name: 'bookings', description: 'Facilities and their reservations' },
        { name: 'shop', description: "The municipality's products, prices and orders" },
        { name: 'courses', description: 'Courses, registrations, fair queues and waitlists' },
        { name: 'family', description: "A guardian's children" },
        {
          name: 'organisations',
          description: 'Associations and companies that book and buy, and their members',
        },
        {
          name: 'access',
          description: 'Door PINs of self-service facilities and door controllers',
        },
        {
          name: 'daycare',
          description: 'Daycare units, groups, placements, staff and absences',
        },
        {
          name: 'portfolio',
          description: 'Ideas, stages, decision rounds and experiments of the digital team',
        },
        {
          name: 'cases',
          description:
            'The shared case bank: published experiments of every municipality, open data and feed',
        },
      ],
    },
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(cookie, { secret: await instanceSecret(deps.db, 'cookie_secret') });
  await app.register(csrf, {
    cookieKey: 'helppo_csrf',
    cookieOpts: {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure: deps.config.cookieSecure,
      signed: true,
    },
  });
  await app.register(rateLimit, { global: false });

  registerRequestContext(app);
  registerOpsRoutes(app);

  await app.register(publicMunicipalityRoutes, { prefix: '/api' });
  await app.register(publicCaseRoutes, { prefix: '/api' });
  await app.register(
    async (tenant) => {
      await tenant.register(municipalityRoutes);
      await tenant.register(authRoutes);
      await tenant.register(oidcRoutes);
      await tenant.register(notificationRoutes);
      await tenant.register(pushRoutes);
      await tenant.register(auditRoutes);
      await tenant.register(emailRoutes);
      await tenant.register(bookingRoutes);
      await tenant.register(calendarRoutes);
      await tenant.register(utilisationRoutes);
      await tenant.register(resourceAdminRoutes);
      await tenant.register(seriesRoutes);
      await tenant.register(shopRoutes);
      await tenant.register(orderRoutes);
      await tenant.register(salesRoutes);
      await tenant.register(paytrailRoutes);
      await tenant.register(familyRoutes);
      await tenant.register(courseRoutes);
      await tenant.register(accessRoutes);
      await tenant.register(invoiceRoutes);
      await tenant.register(organisationRoutes);
      await tenant.register(receiptRoutes);
      await tenant.register(daycareRoutes);
      await tenant.register(discussionRoutes);
      await tenant.register(daycareAdminRoutes);
      await tenant.register(freePlaceRoutes);
      await tenant.register(feesRoutes);
      await tenant.register(messageRoutes);
      await tenant.register(portfolioRoutes);
      await tenant.register(roundRoutes);
      await tenant.register(experimentRoutes);
      await tenant.register(caseAdminRoutes);
      await tenant.register(portfolioImportRoutes);
      await tenant.register(journalRoutes);
      await tenant.register(ideaAttachmentRoutes);
      await tenant.register(outcomeRoutes);
      await tenant.register(portfolioNumbersRoutes);
    },
    { prefix: '/api/:slug' },
  );
  await registerWeb(app);
  return app;
}
