import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogFormat = 'json' | 'pretty';

const ERROR_LINE = /^\{"level":"(error|fatal)"/;
const RESET = '\x1b[0m';
const COLOURS: Record<string, string> = {
  fatal: '\x1b[41m',
  error: '\x1b[31m',
  warn: '\x1b[33m',
  info: '\x1b[32m',
  debug: '\x1b[35m',
  trace: '\x1b[36m',
};
/** Shown in the pretty line's head, not repeated among its fields. */
const HEAD = new Set(['level', 'time', 'msg', 'context', 'service', 'pid', 'hostname']);

/**
 * Where a service's log lines go: one JSON object a line, errors to stderr and the rest to
 * stdout (as Nest's console logger did: `npm start` shows both, a quiet test run its
 * stderr only), and to LOG_FILE as well when set. LOG_FORMAT=pretty turns each line into
 * "12:01:02.345 INFO  [context] message key=value…" for a developer's terminal.
 */
export class LogDestination {
  private fd?: number;

  constructor(
    private readonly format: LogFormat = 'json',
    private readonly file?: string,
    private readonly colour = process.stdout.isTTY === true,
  ) {}

  write(line: string): void {
    if (this.file) {
      if (this.fd === undefined) {
        mkdirSync(dirname(this.file), { recursive: true });
        this.fd = openSync(this.file, 'a');
      }
      writeSync(this.fd, line);
    }
    const out = this.format === 'pretty' ? this.pretty(line) : line;
    (ERROR_LINE.test(line) ? process.stderr : process.stdout).write(out);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
  }

  private pretty(line: string): string {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return line;
    }
    const level = String(entry['level'] ?? '');
    const time = typeof entry['time'] === 'string' ? entry['time'].slice(11, 23) : '';
    const label = level.toUpperCase().padEnd(5);
    const context = entry['context'] ? `[${String(entry['context'])}] ` : '';
    const fields = Object.entries(entry)
      .filter(([k]) => !HEAD.has(k))
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    const head = this.colour ? `${COLOURS[level] ?? ''}${label}${RESET}` : label;
    return `${time} ${head} ${context}${String(entry['msg'] ?? '')}${fields ? `  ${fields}` : ''}\n`;
  }
}
