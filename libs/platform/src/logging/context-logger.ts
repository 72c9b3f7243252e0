import { ConsoleLogger } from '@nestjs/common';
import { currentContext } from '../context/event-context';

/**
 * Nest's console logger plus the correlation id (and dossier) of whatever is being
 * handled, so that one citizen's dossier can be followed through every service's log.
 */
export class ContextLogger extends ConsoleLogger {
  private tag(message: unknown): unknown {
    const context = currentContext();
    if (!context || typeof message !== 'string') return message;
    const dossier = context.dossierKey ? ` dossier=${context.dossierKey}` : '';
    return `${message} [correlation=${context.correlationId}${dossier}]`;
  }

  override log(message: unknown, ...rest: unknown[]): void {
    super.log(this.tag(message), ...rest);
  }

  override warn(message: unknown, ...rest: unknown[]): void {
    super.warn(this.tag(message), ...rest);
  }

  override error(message: unknown, ...rest: unknown[]): void {
    super.error(this.tag(message), ...rest);
  }

  override debug(message: unknown, ...rest: unknown[]): void {
    super.debug(this.tag(message), ...rest);
  }

  override verbose(message: unknown, ...rest: unknown[]): void {
    super.verbose(this.tag(message), ...rest);
  }
}
