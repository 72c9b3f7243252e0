import { Logger } from '@nestjs/common';
import { logLevel, LogEntry } from 'kafkajs';

/**
 * A consumer's crash on one of these answers, which a broker gives while it starts or moves a
 * group's coordinator, is always followed by a new consumer (kafkajs restarts it, or
 * KafkajsConsumer replaces it): every service logged it as an error, with its stack, each
 * time it started beside a freshly started broker.
 */
const PASSING_CRASH =
  /^Crash: KafkaJSProtocolError: (The coordinator is loading|The group coordinator is not available|This is not the correct coordinator|The group is rebalancing)/;

/** Routes kafkajs's own logging through Nest's logger instead of raw JSON on stdout. */
export function kafkajsLogCreator(
  context: string,
  logger: Pick<Logger, 'error' | 'warn' | 'debug'> = new Logger(context),
) {
  return () =>
    ({ level, log }: LogEntry): void => {
      const { message, ...extra } = log;
      const passing = PASSING_CRASH.test(message);
      if (passing) delete extra.stack;
      const text = `${message}${Object.keys(extra).length ? ` ${JSON.stringify(extra)}` : ''}`;
      // kafkajs logs every retriable protocol answer ("Response Metadata … not the leader")
      // as an error although it retries it itself; those are warnings for an operator.
      const retried =
        passing || message.startsWith('Response ') || message.includes('Restarting the consumer');
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
