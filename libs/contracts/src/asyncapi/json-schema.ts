import { getMetadataStorage } from 'class-validator';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';

export type JsonSchema = Record<string, unknown>;

interface ConstraintMeta {
  propertyName: string;
  name?: string;
  type: string;
  each?: boolean;
  constraints?: unknown[];
}

/** Turns one class-validator constraint into the JSON Schema keywords it implies. */
function keywords(meta: ConstraintMeta): JsonSchema {
  const [first] = meta.constraints ?? [];
  switch (meta.name ?? meta.type) {
    case 'isString':
      return { type: 'string' };
    case 'isInt':
      return { type: 'integer' };
    case 'min':
      return { minimum: first };
    case 'isIn':
      return { enum: first };
    case 'matches':
      return { type: 'string', pattern: (first as RegExp).source };
    case 'isIso8601':
    case 'isISO8601':
      return { type: 'string', format: 'date-time' };
    case 'isEmail':
      return { type: 'string', format: 'email' };
    case 'isUuid':
    case 'isUUID':
      return { type: 'string', format: 'uuid' };
    case 'isObject':
      return { type: 'object' };
    case 'arrayMinSize':
      return { type: 'array', minItems: first };
    case 'isNotEmpty':
      return { minLength: 1 };
    default:
      return {};
  }
}

/**
 * JSON Schema of a payload class, read from its class-validator decorators and the
 * class-transformer @Type of nested values. Nested classes go into `definitions`.
 */
export function classToJsonSchema(
  cls: new () => object,
  definitions: Record<string, JsonSchema>,
): JsonSchema {
  const metas = getMetadataStorage().getTargetValidationMetadatas(
    cls,
    '',
    true,
    false,
  ) as unknown as ConstraintMeta[];
  const properties: Record<string, JsonSchema> = {};
  const optional = new Set<string>();
  for (const meta of metas) {
    const property = (properties[meta.propertyName] ??= {});
    if (meta.type === 'conditionalValidation') {
      optional.add(meta.propertyName);
    } else if (meta.type === 'nestedValidation') {
      const nested = defaultMetadataStorage
        .findTypeMetadata(cls, meta.propertyName)
        ?.typeFunction() as (new () => object) | undefined;
      if (nested) {
        if (!definitions[nested.name]) {
          definitions[nested.name] = {};
          definitions[nested.name] = classToJsonSchema(nested, definitions);
        }
        const ref = { $ref: `#/components/schemas/${nested.name}` };
        Object.assign(property, meta.each ? { type: 'array', items: ref } : ref);
      }
    } else {
      Object.assign(property, keywords(meta));
    }
  }
  const required = Object.keys(properties).filter((p) => !optional.has(p));
  return { type: 'object', additionalProperties: false, properties, required };
}
