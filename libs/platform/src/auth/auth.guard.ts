import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  Logger,
  Optional,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ServiceConfig } from '../config/service-config';
import { SERVICE_CONFIG } from '../bootstrap/service-info';
import { DomainException } from '../errors/domain-exception';
import { currentContext } from '../context/event-context';
import { Actor, hasRole } from './actor';
import { PUBLIC_ROUTE, ROUTE_ROLES, SIGNED_WEBHOOK } from './auth.decorators';
import type { Role } from './roles';
import { SECURITY_EVENTS, SecurityEvent, SecurityEventSink } from './security-events';
import { TokenVerifier } from './token-verifier';
import { SIGNATURE_HEADER, webhookSignatureProblem } from './webhook-signature';

export type AuthenticatedRequest = Request & { actor?: Actor; rawBody?: Buffer };

export const unauthenticated = () =>
  new DomainException(
    'AUTH.UNAUTHENTICATED',
    'Cần đăng nhập: thiếu mã truy cập hoặc mã đã hết hạn, không hợp lệ',
    401,
  );

export const forbidden = () =>
  new DomainException('AUTH.FORBIDDEN', 'Tài khoản không có quyền thực hiện thao tác này', 403);

/**
 * The one guard of every service: a route marked @Public passes; a @SignedWebhook route
 * needs a valid, fresh HMAC signature; every other route needs a valid bearer token from the
 * configured issuer whose roles include one the route names.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly log = new Logger('auth');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Optional() @Inject(SECURITY_EVENTS) private readonly events?: SecurityEventSink,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true; // Kafka handlers: events are verified by signature
    const targets = [ctx.getHandler(), ctx.getClass()];
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    if (this.reflector.getAllAndOverride<string>(PUBLIC_ROUTE, targets)) return true;
    const secretKey = this.reflector.getAllAndOverride<string>(SIGNED_WEBHOOK, targets);
    if (secretKey) return this.checkSignature(req, secretKey);
    const roles = this.reflector.getAllAndOverride<Role[]>(ROUTE_ROLES, targets);
    const actor = await this.authenticate(req);
    // Every log line about this request names who made it (by subject id, never citizen ID).
    const context = currentContext();
    if (context) context.user = actor.subject;
    if (!roles || !hasRole(actor, ...roles)) {
      await this.report(req, 'FORBIDDEN', `roles ${actor.roles.join(',') || 'none'}`, actor);
      throw forbidden();
    }
    req.actor = actor;
    return true;
  }

  private async authenticate(req: AuthenticatedRequest): Promise<Actor> {
    const header = req.headers.authorization;
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header ?? '')?.[1];
    if (!token) {
      await this.report(req, 'TOKEN_REJECTED', header ? 'malformed bearer token' : 'no token');
      throw unauthenticated();
    }
    try {
      return await this.verifier.verify(token);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      await this.report(req, 'TOKEN_REJECTED', reason);
      throw unauthenticated();
    }
  }

  private async checkSignature(req: AuthenticatedRequest, secretKey: string): Promise<boolean> {
    const secret = (this.config as unknown as Record<string, unknown>)[secretKey];
    const header = req.headers[SIGNATURE_HEADER];
    const problem =
      typeof secret !== 'string' || secret.length < 16
        ? `no ${secretKey} configured`
        : webhookSignatureProblem(
            secret,
            typeof header === 'string' ? header : undefined,
            req.rawBody ?? Buffer.alloc(0),
          );
    if (problem) {
      await this.report(req, 'WEBHOOK_REJECTED', problem);
      throw new DomainException(
        'WEBHOOK.SIGNATURE_INVALID',
        'Lời gọi không có chữ ký hợp lệ của hệ thống gửi',
        401,
      );
    }
    return true;
  }

  private async report(
    req: AuthenticatedRequest,
    kind: SecurityEvent['kind'],
    reason: string,
    actor?: Actor,
  ): Promise<void> {
    const event: SecurityEvent = {
      kind,
      reason,
      method: req.method,
      path: req.path,
      ip: req.ip ?? '',
      ...(actor ? { actor } : {}),
    };
    this.log.warn(`${kind} ${req.method} ${req.path}: ${reason}`);
    await this.events?.securityEvent(event).catch((err: unknown) => {
      this.log.error(`could not record a security event: ${String(err)}`);
    });
  }
}
