import { Type, type TSchema } from '@sinclair/typebox';

/** Shared JSON schemas for the API contract. */

/** A string from a fixed list: one `enum`, so a wrong value gives one clear error. */
export function StringEnum<const T extends string>(
  values: readonly T[],
  options: { description?: string } = {},
) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
}

export const LanguageSchema = StringEnum(['fi', 'sv', 'en']);
export const Uuid = Type.String({ format: 'uuid', maxLength: 36 });
export const DateTime = Type.String({ format: 'date-time' });
export const SlugParams = Type.Object({ slug: Type.String({ maxLength: 40 }) });
export const Translated = Type.Object(
  {
    fi: Type.String({ minLength: 1, maxLength: 200 }),
    sv: Type.String({ minLength: 1, maxLength: 200 }),
    en: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

/** Text in the three languages, as the API returns it. */
export const TranslatedText = Type.Object({
  fi: Type.String(),
  sv: Type.String(),
  en: Type.String(),
});

/** Text in the three languages, as a client sends it. */
export function TranslatedInput(maxLength: number, minLength = 0) {
  const text = Type.String({ minLength, maxLength });
  return Type.Object({ fi: text, sv: text, en: text }, { additionalProperties: false });
}

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details with a translated title and detail' },
);

/** Response map with the problem document for every client error. */
export function responses<T extends Record<number, TSchema>>(ok: T) {
  return {
    ...ok,
    '4xx': {
      description: 'Problem details (RFC 9457), translated',
      content: { 'application/problem+json': { schema: Type.Ref(ProblemSchema) } },
    },
  };
}

export const NoContent = Type.Null({ description: 'No content' });
