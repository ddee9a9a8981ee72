import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  SlugParams,
  StringEnum,
  TranslatedInput,
  TranslatedText,
  Uuid,
  responses,
} from '../../platform/http/schemas.js';
import * as products from './products.js';
import { ActingFor, ActingForQuery } from '../organisations/organisations.schema.js';

const slug = SlugParams.properties.slug;
const Price = Type.Object(
  {
    customerGroup: StringEnum(products.CUSTOMER_GROUPS),
    unitPriceCents: Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'VAT included' }),
  },
  { additionalProperties: false },
);

export const ProductSchema = Type.Object(
  {
    id: Uuid,
    kind: StringEnum(products.PRODUCT_KINDS),
    name: TranslatedText,
    content: TranslatedText,
    organiser: Type.String(),
    provider: Type.String(),
    qualityPromise: TranslatedText,
    vatRateBp: Type.Integer({ description: 'VAT rate in basis points: 2550 = 25.5 %' }),
    invoiceAllowed: Type.Boolean(),
    maxPerOrder: Type.Integer(),
    soldWith: StringEnum(['shop', 'booking', 'course'], {
      description:
        'booking / course: the price of a facility hour or a course seat, not sold alone',
    }),
    prices: Type.Array(Price),
    yourPrice: Type.Optional(
      Type.Union([Type.Integer(), Type.Null()], {
        description: 'The unit price the asking person pays (cents), or null when not sold to them',
      }),
    ),
  },
  { $id: 'Product' },
);

const ProductBody = Type.Object(
  {
    kind: StringEnum(products.PRODUCT_KINDS),
    name: TranslatedInput(120, 1),
    content: TranslatedInput(2000),
    organiser: Type.String({ maxLength: 200 }),
    provider: Type.String({ maxLength: 200 }),
    qualityPromise: TranslatedInput(1000),
    vatRateBp: Type.Integer({ minimum: 0, maximum: 10000 }),
    invoiceAllowed: Type.Boolean(),
    maxPerOrder: Type.Integer({ minimum: 1, maximum: 1000 }),
    prices: Type.Array(Price, { minItems: 1, maxItems: 4 }),
  },
  { additionalProperties: false },
);

export const shopRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const product = Type.Ref(ProductSchema);

  app.get(
    '/products',
    {
      schema: {
        operationId: 'listProducts',
        tags: ['shop'],
        summary: "The municipality's products: tickets, series cards, fees and permits",
        params: SlugParams,
        querystring: Type.Object(
          {
            kind: Type.Optional(StringEnum(products.PRODUCT_KINDS)),
            organisationId: ActingFor,
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ items: Type.Array(product) }) }),
      },
    },
    async (request) => ({
      items: await products.listProducts(
        request.ctx,
        request.query.kind,
        request.query.organisationId,
      ),
    }),
  );

  app.get(
    '/products/:productId',
    {
      schema: {
        operationId: 'getProduct',
        tags: ['shop'],
        params: Type.Object({ slug, productId: Uuid }),
        querystring: ActingForQuery,
        response: responses({ 200: product }),
      },
    },
    async (request) =>
      products.getProduct(request.ctx, request.params.productId, request.query.organisationId),
  );

  app.post(
    '/admin/products',
    {
      schema: {
        operationId: 'createProduct',
        tags: ['shop'],
        summary:
          'Add a product with its productisation fields, VAT rate and prices per customer group',
        params: SlugParams,
        body: ProductBody,
        response: responses({ 201: product }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await products.createProduct(request.ctx, request.body)),
  );

  app.put(
    '/admin/products/:productId',
    {
      schema: {
        operationId: 'updateProduct',
        tags: ['shop'],
        summary: 'Change a product; the prices given replace the old ones',
        params: Type.Object({ slug, productId: Uuid }),
        body: ProductBody,
        response: responses({ 200: product }),
      },
    },
    async (request) => products.updateProduct(request.ctx, request.params.productId, request.body),
  );
};
