import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { currentContext } from '../context/event-context';

/** What a dossier code looks like (the land registry's numbering); anything else is ignored. */
const DOSSIER_CODE = /^[A-Z0-9][A-Z0-9.-]{5,40}$/;

function codeIn(value: unknown): string | undefined {
  return typeof value === 'string' && DOSSIER_CODE.test(value) ? value : undefined;
}

/**
 * Puts the dossier a request is about into its log context: from the path
 * (`:code`, `:dossierCode`) before the handler runs, or from the answer (`dossierCode`, a
 * new dossier's receipt) after, so that the access line of a submission names the dossier.
 */
@Injectable()
export class LogContextInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const context = currentContext();
    if (ctx.getType() !== 'http' || !context) return next.handle();
    const params = ctx.switchToHttp().getRequest<{ params?: Record<string, unknown> }>().params;
    context.dossierKey ??= codeIn(params?.['code']) ?? codeIn(params?.['dossierCode']);
    return next.handle().pipe(
      tap((answer) => {
        context.dossierKey ??= codeIn((answer as { dossierCode?: unknown } | null)?.dossierCode);
      }),
    );
  }
}
