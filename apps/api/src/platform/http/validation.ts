import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; under ESM its function may arrive as the default's default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * Two validators. Query strings, path parameters and headers are text, so their values are
 * coerced to the declared types (?limit=50). A JSON body is typed already: there a string is
 * not a number ("100" is no price) and nothing is coerced. In both, unknown fields are an
 * error the client should hear about, not silently dropped; allErrors stays off (listing
 * every error of a huge input is a denial-of-service vector, as Fastify warns).
 */
function makeAjv(coerce: boolean) {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
  });
  addFormats(ajv);
  // date-time that JavaScript can also read: RFC 3339 allows leap seconds, Date does not.
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (value: string) => RFC3339.test(value) && Number.isFinite(Date.parse(value)),
  });
  return ajv;
}

export function validatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const forBody = makeAjv(false);
  const forText = makeAjv(true);
  return ({ schema, httpPart }) =>
    (httpPart === 'body' ? forBody : forText).compile(schema as object) as ValidateFunction;
}
