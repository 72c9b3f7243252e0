import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { hasValidators, JsonSchema, validatorSchema } from './validator-schema';

type Class = abstract new (...args: never[]) => unknown;
type Json = Record<string, unknown>;

interface RouteArg {
  kind: 'body' | 'query' | 'path';
  cls: Class;
}

interface Route {
  path: string;
  method: string;
  args: RouteArg[];
  responseTypes: Class[];
}

const KINDS: Partial<Record<number, RouteArg['kind']>> = {
  [RouteParamtypes.BODY]: 'body',
  [RouteParamtypes.QUERY]: 'query',
  [RouteParamtypes.PARAM]: 'path',
};

function isClass(value: unknown): value is Class {
  return (
    typeof value === 'function' &&
    ![String, Number, Boolean, Object, Array, Promise].includes(value as never)
  );
}

/** "/a/:b" as OpenAPI writes it: "/a/{b}". */
function openApiPath(...parts: string[]): string {
  const joined = `/${parts.filter(Boolean).join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  return joined.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Every HTTP route of the application with the classes its arguments and answers use. */
function routesOf(app: INestApplication): Route[] {
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Class | null;
      if (!controller) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat() as string[];
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const own = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (own === undefined) continue;
        const method =
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number].toLowerCase();
        const types = (Reflect.getMetadata('design:paramtypes', proto, name) ?? []) as unknown[];
        const argsMeta = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ??
          {}) as Record<string, { index: number; data?: unknown }>;
        const args: RouteArg[] = [];
        for (const [key, arg] of Object.entries(argsMeta)) {
          const kind = KINDS[Number(key.split(':')[0])];
          const cls = types[arg.index];
          // Only a whole object (@Body(), @Query() dto): a named field is its own parameter.
          if (kind && arg.data === undefined && isClass(cls)) args.push({ kind, cls });
        }
        const responses = (Reflect.getMetadata('swagger/apiResponse', handler) ?? {}) as Record<
          string,
          { type?: unknown }
        >;
        const responseTypes = Object.values(responses)
          .map((r) => (Array.isArray(r.type) ? r.type[0] : r.type))
          .filter(isClass);
        for (const b of base)
          for (const o of [own].flat())
            routes.push({ path: openApiPath(b, o), method, args, responseTypes });
      }
    }
  }
  return routes;
}

const CONSTRAINTS = new Set([
  'type',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'enum',
  'nullable',
]);

/** A declared property with what the validators enforce; the declaration keeps its words. */
function mergeProperty(declared: JsonSchema | undefined, derived: JsonSchema): JsonSchema {
  if (!declared) return derived;
  if (declared['$ref'] || declared['allOf'] || derived['$ref'])
    return declared['$ref'] || declared['allOf'] ? declared : derived;
  const merged: JsonSchema = { ...declared };
  for (const [key, value] of Object.entries(derived)) {
    if (key === 'items') {
      const items = (declared['items'] ?? {}) as JsonSchema;
      merged['items'] = items['$ref'] ? items : { ...items, ...(value as JsonSchema) };
    } else if (CONSTRAINTS.has(key)) merged[key] = value;
  }
  return merged;
}

/** A component schema with what the class's validators enforce. */
function mergeSchema(declared: JsonSchema | undefined, derived: JsonSchema): JsonSchema {
  const declaredProps = (declared?.['properties'] ?? {}) as Record<string, JsonSchema>;
  const derivedProps = derived['properties'] as Record<string, JsonSchema>;
  const properties: Record<string, JsonSchema> = { ...declaredProps };
  for (const [name, property] of Object.entries(derivedProps))
    properties[name] = mergeProperty(declaredProps[name], property);
  const required = new Set([
    ...((declared?.['required'] ?? []) as string[]).filter((p) => !(p in derivedProps)),
    ...((derived['required'] ?? []) as string[]),
  ]);
  return {
    ...(declared ?? {}),
    type: 'object',
    properties,
    ...(required.size > 0 ? { required: [...required] } : {}),
  };
}

/**
 * Fills the document with what class-validator enforces, so that the contract says what the
 * code checks without repeating it in decorators: request and response classes (a component
 * schema per class, empty where no @ApiProperty exists, e.g. the agency contracts) get their
 * properties, types, patterns, ranges, enums and required fields; query and path parameters
 * read into a class (`@Query() q: Dto`, `@Param() p: Dto`) become declared parameters.
 */
export function applyValidatorContracts(app: INestApplication, document: OpenAPIObject): void {
  const schemas = (document.components ??= {}).schemas ?? (document.components.schemas = {});
  const classes = new Map<string, Class>();
  const pending: Class[] = [];
  const visit = (cls: Class) => {
    if (classes.has(cls.name) || !hasValidators(cls)) return;
    classes.set(cls.name, cls);
    pending.push(cls);
  };
  const routes = routesOf(app);
  for (const route of routes) {
    route.args.filter((a) => a.kind === 'body').forEach((a) => visit(a.cls));
    route.responseTypes.forEach(visit);
  }
  while (pending.length > 0) {
    const cls = pending.pop() as Class;
    const derived = validatorSchema(cls, (_name, nested) => visit(nested));
    schemas[cls.name] = mergeSchema(schemas[cls.name] as JsonSchema | undefined, derived) as never;
  }
  for (const route of routes) {
    const operation = (document.paths[route.path] as Json | undefined)?.[route.method] as
      { parameters?: Json[] } | undefined;
    if (!operation) continue;
    for (const arg of route.args) {
      if (arg.kind === 'body' || !hasValidators(arg.cls)) continue;
      const derived = validatorSchema(arg.cls);
      const required = new Set((derived['required'] ?? []) as string[]);
      const parameters = (operation.parameters ??= []);
      for (const [name, schema] of Object.entries(derived['properties'] as Json)) {
        const { nullable: _nullable, ...rules } = schema as JsonSchema;
        const index = parameters.findIndex((p) => p['name'] === name && p['in'] === arg.kind);
        const existing = index >= 0 ? parameters[index] : undefined;
        const parameter: Json = {
          ...(existing ?? {}),
          name,
          in: arg.kind,
          required: arg.kind === 'path' || required.has(name),
          schema: mergeProperty(existing?.['schema'] as JsonSchema | undefined, rules),
        };
        if (index >= 0) parameters[index] = parameter;
        else parameters.push(parameter);
      }
    }
  }
}
