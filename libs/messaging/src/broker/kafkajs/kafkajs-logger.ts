import { Logger } from '@nestjs/common';
import { logLevel, LogEntry } from 'kafkajs';

/** Routes kafkajs's own logging through Nest's logger instead of raw JSON on stdout. */
export function kafkajsLogCreator(context: string) {
  const logger = new Logger(context);
  return () =>
    ({ level, log }: LogEntry): void => {
      const { message, ...extra } = log;
      const text = `${message}${Object.keys(extra).length ? ` ${JSON.stringify(extra)}` : ''}`;
      // kafkajs logs every retriable protocol answer ("Response Metadata … not the leader")
      // as an error although it retries it itself; those are warnings for an operator.
      const retried =
        message.startsWith('Response ') || message.includes('Restarting the consumer');
      switch (level) {
        case logLevel.ERROR:
        case logLevel.NOTHING:
          if (retried) logger.warn(text);
          else logger.error(text);
          break;
        case logLevel.WARN:
          logger.warn(text);
          break;
        case logLevel.INFO:
        case logLevel.DEBUG:
          logger.debug(text);
          break;
      }
    };
}
