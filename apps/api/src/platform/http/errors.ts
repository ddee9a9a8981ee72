import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { translate, type Language } from '../i18n/messages.js';

/**
 * An error the client can act on. It becomes an application/problem+json response whose
 * title and detail are translated into the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'notFound');
export const unauthenticated = () => new AppError(401, 'unauthenticated');
export const forbidden = () => new AppError(403, 'forbidden');

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: FieldError[];
}

export function problem(
  language: Language,
  requestId: string,
  status: number,
  code: string,
  params: Record<string, string | number> = {},
  errors?: FieldError[],
): Problem {
  return {
    type: `https://helppo.example/problems/${code}`,
    title: translate(language, `error.${code}`, params),
    status,
    detail: translate(language, `error.${code}.detail`, { ...params, requestId }),
    code,
    requestId,
    ...(errors ? { errors } : {}),
  };
}

interface AjvIssue {
  instancePath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function fieldErrors(language: Language, error: FastifyError): FieldError[] {
  const issues = (error.validation ?? []) as AjvIssue[];
  const context = error.validationContext ?? 'body';
  const seen = new Set<string>();
  return issues.flatMap((issue) => {
    const path = (issue.instancePath ?? '').split('/').filter(Boolean);
    let key = 'invalid';
    if (issue.keyword === 'required') {
      path.push(String(issue.params?.missingProperty ?? ''));
      key = 'required';
    } else if (issue.keyword === 'additionalProperties') {
      path.push(String(issue.params?.additionalProperty ?? ''));
      key = 'unknown';
    } else if (issue.keyword === 'type') key = 'type';
    else if (issue.keyword === 'maxLength' || issue.keyword === 'maxItems') key = 'tooLong';
    else if (issue.keyword === 'minLength' || issue.keyword === 'minItems') key = 'tooShort';
    else if (issue.keyword === 'format' || issue.keyword === 'pattern') key = 'format';
    const field = [context, ...path].join('.');
    // One message per field: a schema with alternatives reports each branch separately.
    if (seen.has(field)) return [];
    seen.add(field);
    return [{ field, message: translate(language, `error.field.${key}`) }];
  });
}

/** Fastify error handler: everything leaves as problem+json; no stack trace reaches a client. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const language = request.language;
  const send = (status: number, body: Problem, headers: Record<string, string> = {}) =>
    reply.status(status).headers(headers).type('application/problem+json').send(body);

  if (error instanceof AppError) {
    return send(
      error.status,
      problem(language, request.id, error.status, error.code, error.params),
      error.headers,
    );
  }
  if (error.validation) {
    const errors = fieldErrors(language, error);
    const fields = errors.map((e) => e.field).join(', ');
    return send(400, problem(language, request.id, 400, 'validation', { fields }, errors));
  }
  // PostgreSQL data exceptions (class 22: a value out of range, an impossible date…) come
  // from input that passed the schema but not the database; nothing was written.
  if (typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code)) {
    request.log.info({ err: error }, 'input refused by the database');
    return send(400, problem(language, request.id, 400, 'badRequest'));
  }
  // Integrity violations: a duplicate or overlap is a conflict, anything else (a check, a
  // missing reference) bad input. Services translate the ones they expect more precisely.
  if (error.code === '23505' || error.code === '23P01') {
    return send(409, problem(language, request.id, 409, 'conflict'));
  }
  if (typeof error.code === 'string' && /^23[0-9A-Z]{3}$/.test(error.code)) {
    return send(400, problem(language, request.id, 400, 'badRequest'));
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return send(429, problem(language, request.id, 429, 'rateLimited'));
  if (status === 403 && error.code?.startsWith('FST_CSRF')) {
    return send(403, problem(language, request.id, 403, 'csrf'));
  }
  if (status === 413) return send(413, problem(language, request.id, 413, 'payloadTooLarge'));
  if (status === 415) return send(415, problem(language, request.id, 415, 'unsupportedMediaType'));
  if (status >= 400 && status < 500) {
    return send(status, problem(language, request.id, status, 'badRequest'));
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(500, problem(language, request.id, 500, 'internal'));
}
