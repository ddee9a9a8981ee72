import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SlugParams, Uuid, responses } from '../http/schemas.js';
import { addChild, listMyChildren } from './children.js';

export const ChildSchema = Type.Object(
  {
    id: Uuid,
    firstName: Type.String(),
    lastName: Type.String(),
    birthDate: Type.String({ format: 'date' }),
  },
  { $id: 'Child' },
);
const child = Type.Ref('Child');

export const familyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/children',
    {
      schema: {
        operationId: 'listMyChildren',
        tags: ['family'],
        summary: "The signed-in guardian's children",
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(child) }) }),
      },
    },
    async (request) => ({ items: await listMyChildren(request.ctx) }),
  );

  app.post(
    '/children',
    {
      schema: {
        operationId: 'addChild',
        tags: ['family'],
        summary: 'Add a child of the signed-in guardian',
        params: SlugParams,
        body: Type.Object(
          {
            firstName: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
            lastName: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
            birthDate: Type.String({ format: 'date' }),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: child }),
      },
    },
    async (request, reply) => reply.status(201).send(await addChild(request.ctx, request.body)),
  );
};
