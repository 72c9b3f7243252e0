import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { from, Observable, switchMap } from 'rxjs';
import { DomainException } from '../errors/domain-exception';
import { MaintenanceMode } from './maintenance-mode';

/** Answers a refused call while the service is in maintenance. */
@Injectable()
export class MaintenanceInterceptor implements NestInterceptor {
  constructor(private readonly mode: MaintenanceMode) {}

  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.mode.current()).pipe(
      switchMap((state) => {
        if (!state.on) return next.handle();
        throw new DomainException('SERVICE.MAINTENANCE', state.noticeVi, 503, {
          since: state.since.toISOString(),
        });
      }),
    );
  }
}

/**
 * A route that starts new work (a new dossier) and is refused with 503 SERVICE.MAINTENANCE
 * and the operator's Vietnamese notice while the service is in maintenance
 * (PUT /admin/maintenance). Work already under way is never refused: put this only on
 * routes that open something new. The service must import MaintenanceModule (it fails to
 * start otherwise).
 */
export const RefusedDuringMaintenance = () =>
  applyDecorators(
    UseInterceptors(MaintenanceInterceptor),
    ApiServiceUnavailableResponse({
      description:
        'Hệ thống đang bảo trì, tạm ngừng tiếp nhận mới (SERVICE.MAINTENANCE, kèm thông báo)',
    }),
  );
