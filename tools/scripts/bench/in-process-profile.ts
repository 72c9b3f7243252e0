// CPU profile of this very process (the in-process benchmarks), with node:inspector.
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class InProcessProfiler {
  private session?: Session;

  private post<T = unknown>(method: string, params?: object): Promise<T> {
    return new Promise((resolve, reject) =>
      this.session?.post(method, params ?? {}, (err, result) =>
        err ? reject(err) : resolve(result as T),
      ),
    );
  }

  async start(): Promise<void> {
    this.session = new Session();
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.setSamplingInterval', { interval: 500 });
    await this.post('Profiler.start');
  }

  /** Stops and writes the profile; returns its path. */
  async stop(file: string): Promise<string> {
    const { profile } = await this.post<{ profile: object }>('Profiler.stop');
    this.session?.disconnect();
    this.session = undefined;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    return file;
  }
}
