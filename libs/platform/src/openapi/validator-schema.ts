import { getMetadataStorage } from 'class-validator';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';

export type JsonSchema = Record<string, unknown>;
type Class = abstract new (...args: never[]) => unknown;

interface ValidatorMeta {
  propertyName: string;
  name?: string;
  type: string;
  each?: boolean;
  constraints?: unknown[];
}

/**
 * What a custom validator (registerDecorator) accepts, by its name, for the validators whose
 * rule a schema can say (the rest, a check digit or "not after today", stays in the code).
 */
const CUSTOM: Map<string, JsonSchema> = new Map();

/** Declares the schema of a custom class-validator constraint, so documents can show it. */
export function describeValidator(name: string, schema: JsonSchema): void {
  CUSTOM.set(name, schema);
}

/** The JSON Schema keywords one class-validator constraint implies. */
function keywords(meta: ValidatorMeta): JsonSchema {
  const [first, second] = meta.constraints ?? [];
  switch (meta.name ?? meta.type) {
    case 'isString':
      return { type: 'string' };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isObject':
      return { type: 'object' };
    case 'isArray':
      return { type: 'array' };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'isPositive':
      return { exclusiveMinimum: true, minimum: 0 };
    case 'isIn':
      return { enum: first };
    case 'isEnum':
      return { enum: Object.values(first as object) };
    case 'matches':
      return { type: 'string', pattern: (first as RegExp).source };
    case 'isEmail':
      return { type: 'string', format: 'email' };
    case 'isUrl':
      return { type: 'string', format: 'uri' };
    case 'isUuid':
    case 'isUUID':
      return { type: 'string', format: 'uuid' };
    case 'isIso8601':
    case 'isISO8601':
    case 'isDateString':
      return { type: 'string' };
    case 'minLength':
      return { minLength: first };
    case 'maxLength':
      return { maxLength: first };
    case 'isLength':
      return second === undefined ? { minLength: first } : { minLength: first, maxLength: second };
    case 'arrayMinSize':
      return { minItems: first };
    case 'arrayMaxSize':
      return { maxItems: first };
    case 'isNotEmpty':
      return { minLength: 1 };
    default:
      return meta.type === 'customValidation' ? { ...(CUSTOM.get(meta.name ?? '') ?? {}) } : {};
  }
}

/** Merges keywords, the stricter bound winning when two validators set the same one. */
function merge(into: JsonSchema, add: JsonSchema): void {
  for (const [key, value] of Object.entries(add)) {
    const current = into[key];
    if (current !== undefined && typeof value === 'number' && typeof current === 'number')
      into[key] = /^(minimum|minLength|minItems)$/.test(key)
        ? Math.max(current, value)
        : Math.min(current, value);
    else if (key === 'type' && current === 'integer' && value === 'number') continue;
    else into[key] = value;
  }
}

/** The type a nested value is turned into (class-transformer @Type), if any. */
export function nestedClassOf(cls: Class, property: string): Class | undefined {
  const meta = defaultMetadataStorage.findTypeMetadata(cls as never, property);
  return meta?.typeFunction() as Class | undefined;
}

/** Does class-validator know rules for this class (itself or an ancestor)? */
export function hasValidators(cls: Class): boolean {
  return validatorsOf(cls).length > 0;
}

function validatorsOf(cls: Class): ValidatorMeta[] {
  return getMetadataStorage().getTargetValidationMetadatas(
    cls as never,
    '',
    true,
    false,
  ) as unknown as ValidatorMeta[];
}

/**
 * The JSON Schema of a class as its class-validator decorators enforce it: type, pattern,
 * minimum/maximum, lengths, enum, array sizes and which properties are required (all but
 * those under @IsOptional or @ValidateIf, which may also be null). Nested classes
 * (@ValidateNested with class-transformer's @Type) are referenced as
 * `#/components/schemas/<class name>` and described by `nested(name, class)`.
 */
export function validatorSchema(
  cls: Class,
  nested: (name: string, cls: Class) => void = () => undefined,
): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const conditional = new Set<string>();
  for (const meta of validatorsOf(cls)) {
    const property = (properties[meta.propertyName] ??= {});
    if (meta.type === 'conditionalValidation') {
      conditional.add(meta.propertyName);
      continue;
    }
    if (meta.type === 'whitelistValidation' || meta.type === 'isDefined') continue;
    let add: JsonSchema;
    if (meta.type === 'nestedValidation') {
      const type = nestedClassOf(cls, meta.propertyName);
      if (!type) continue;
      nested(type.name, type);
      add = { $ref: `#/components/schemas/${type.name}` };
    } else add = keywords(meta);
    if (meta.each) {
      property['type'] = 'array';
      const items = (property['items'] ??= {}) as JsonSchema;
      merge(items, add);
    } else merge(property, add);
  }
  for (const [name, property] of Object.entries(properties)) {
    // A $ref stands alone in OpenAPI 3.0; "an object" is what the reference says already.
    if (property['$ref']) properties[name] = { $ref: property['$ref'] };
    if (conditional.has(name) && !property['$ref']) property['nullable'] = true;
    const items = property['items'] as JsonSchema | undefined;
    if (items?.['$ref']) property['items'] = { $ref: items['$ref'] };
    // isNotEmpty on a non-string (a number, an array) says nothing a length could say.
    if (property['minLength'] !== undefined && property['type'] !== 'string')
      delete property['minLength'];
  }
  const required = Object.keys(properties).filter((p) => !conditional.has(p));
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}
