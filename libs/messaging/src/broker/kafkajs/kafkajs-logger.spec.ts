import { logLevel } from 'kafkajs';
import { kafkajsLogCreator } from './kafkajs-logger';

function capture() {
  const lines: { level: string; text: string }[] = [];
  const logger = {
    error: (text: string) => lines.push({ level: 'error', text }),
    warn: (text: string) => lines.push({ level: 'warn', text }),
    debug: (text: string) => lines.push({ level: 'debug', text }),
  };
  const log = kafkajsLogCreator('kafka:test', logger)();
  const entry = (level: logLevel, message: string, extra: Record<string, unknown> = {}) =>
    log({
      namespace: 'Consumer',
      level,
      label: 'ERROR',
      log: { timestamp: '2026-12-07T13:00:00.000Z', message, ...extra },
    });
  return { lines, entry };
}

describe("kafkajs's log in the service's log", () => {
  it('warns, without the stack, when a consumer crashes on a coordinator that is still loading (it is restarted)', () => {
    const { lines, entry } = capture();
    entry(
      logLevel.ERROR,
      "Crash: KafkaJSProtocolError: The coordinator is loading and hence can't process requests for this group",
      {
        groupId: 'lien-thong.notification',
        retryCount: 0,
        stack: 'KafkaJSProtocolError: …\n    at joinGroup',
      },
    );
    expect(lines).toEqual([
      {
        level: 'warn',
        text: `Crash: KafkaJSProtocolError: The coordinator is loading and hence can't process requests for this group {"timestamp":"2026-12-07T13:00:00.000Z","groupId":"lien-thong.notification","retryCount":0}`,
      },
    ]);
  });

  it('keeps any other crash an error, with its stack', () => {
    const { lines, entry } = capture();
    entry(logLevel.ERROR, 'Crash: TypeError: Cannot read properties of undefined', {
      stack: 'TypeError: …',
    });
    expect(lines).toEqual([
      {
        level: 'error',
        text: 'Crash: TypeError: Cannot read properties of undefined {"timestamp":"2026-12-07T13:00:00.000Z","stack":"TypeError: …"}',
      },
    ]);
  });

  it('warns for the answers kafkajs retries by itself, and keeps its debug lines out of info', () => {
    const { lines, entry } = capture();
    entry(logLevel.ERROR, 'Response Metadata(key: 3, version: 6)', { error: 'not the leader' });
    entry(logLevel.ERROR, 'Restarting the consumer in 300ms');
    entry(logLevel.INFO, 'Consumer has joined the group');
    expect(lines.map((l) => l.level)).toEqual(['warn', 'warn', 'debug']);
  });
});
