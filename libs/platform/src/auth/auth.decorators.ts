import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiSecurity,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from './actor';
import type { Role } from './roles';

export const PUBLIC_ROUTE = 'lien-thong:public';
export const ROUTE_ROLES = 'lien-thong:roles';
export const SIGNED_WEBHOOK = 'lien-thong:signed-webhook';

/**
 * A route anyone may call (health, docs, citizen tracking by code and secret). Every route
 * is either this or @Roles(...): a service refuses to start with a route that is neither.
 */
export const Public = (why: string) => SetMetadata(PUBLIC_ROUTE, why);

/** The roles allowed to call a route (any of them), with a bearer token from the issuer. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROUTE_ROLES, roles),
    ApiBearerAuth('oidc'),
    ApiUnauthorizedResponse({
      description: 'Không có hoặc sai mã truy cập (AUTH.UNAUTHENTICATED)',
    }),
    ApiForbiddenResponse({
      description: 'Vai trò hoặc đơn vị không được phép (AUTH.FORBIDDEN, AUTH.OTHER_UNIT)',
    }),
  );

/**
 * A route another agency's system calls: no token, but an HMAC signature with the secret
 * configured under `secretKey` (a ServiceConfig field), checked by the global guard.
 */
export const SignedWebhook = (secretKey: string) =>
  applyDecorators(
    SetMetadata(SIGNED_WEBHOOK, secretKey),
    ApiSecurity('agency-signature'),
    ApiUnauthorizedResponse({
      description: 'Thiếu, sai hoặc hết hạn chữ ký (WEBHOOK.SIGNATURE_INVALID)',
    }),
  );

/** The authenticated person (set by the guard on routes with @Roles). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const actor = ctx.switchToHttp().getRequest<{ actor?: Actor }>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without @Roles');
  return actor;
});
