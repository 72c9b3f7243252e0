import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';
import { ServiceConfig } from './service-config';

/** A configuration that does not validate; its message lists every bad variable. */
export class ConfigException extends Error {
  readonly code = 'CONFIG.INVALID';
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`),
  );
}

/**
 * Builds the app's config class from the environment (and app defaults), validates it,
 * and throws one ConfigException naming every invalid variable.
 */
export function loadConfig<T extends ServiceConfig>(
  cls: new () => T,
  defaults: Partial<Record<keyof T, unknown>>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  // Only the variables the class declares: the instance must not carry PATH and friends.
  const known = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(cls, '', true, false)
      .map((m) => m.propertyName),
  );
  const defined = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => known.has(k) && v !== undefined && v !== ''),
  );
  const config = plainToInstance(cls, { ...defaults, ...defined }, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigException(`Invalid configuration: ${describe(errors).join('; ')}`);
  }
  return config;
}
