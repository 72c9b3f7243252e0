import { Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * The Kafka counterpart of the HTTP filter: hands a handler's error back to the consumer
 * pipeline untouched, so that its code decides between retry, deferral and dead letter
 * (Nest's default filter would replace it with a generic "Internal server error").
 */
@Catch()
export class EventExceptionFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
