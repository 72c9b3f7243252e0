import { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_ROUTE, ROUTE_ROLES, SIGNED_WEBHOOK } from './auth.decorators';

const MARKS = [PUBLIC_ROUTE, ROUTE_ROLES, SIGNED_WEBHOOK];

/**
 * Routes with neither @Roles, @Public nor @SignedWebhook ("Controller.method"): a service
 * with any refuses to start, so a route can never be open by omission.
 */
export function unmarkedRoutes(app: INestApplication): string[] {
  const unmarked: string[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const marked = MARKS.some(
          (key) =>
            Reflect.getMetadata(key, handler) !== undefined ||
            Reflect.getMetadata(key, controller) !== undefined,
        );
        if (!marked) unmarked.push(`${controller.name}.${name}`);
      }
    }
  }
  return unmarked;
}
