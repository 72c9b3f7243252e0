import { Logger, OnApplicationShutdown } from '@nestjs/common';
import type CircuitBreaker from 'opossum';
import { DEFAULT_POLICY, requestBreaker } from '@lien-thong/resilience';
import { EicarScanner, ScanUnavailableError, ScanVerdict, VirusScanner } from './virus-scanner';

/**
 * A virus scanner over HTTP, e.g. a ClamAV REST front (clamav-rest and its kin): the file is
 * POSTed as multipart field `file`; 200 means clean; 406, or a body saying FOUND / infected,
 * means infected; anything else, or no answer within the timeout, is a failure. Called through
 * a circuit breaker (the agencies' thresholds, libs/resilience), so that a scanner that is down
 * refuses uploads at once instead of holding every citizen for the timeout. The EICAR test
 * signature is refused before the call, whatever the scanner knows.
 */
export class HttpVirusScanner implements VirusScanner, OnApplicationShutdown {
  private readonly logger = new Logger('virus scanner');
  private readonly breaker: CircuitBreaker<[Buffer, string], ScanVerdict>;
  private readonly builtIn = new EicarScanner();

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {
    this.breaker = requestBreaker(
      'virus-scanner',
      'the virus scanner',
      DEFAULT_POLICY,
      (content: Buffer, name: string) => this.send(content, name), // send() aborts itself
      this.logger,
    );
  }

  async scan(content: Buffer, fileName: string): Promise<ScanVerdict> {
    if ((await this.builtIn.scan(content)) === 'INFECTED') return 'INFECTED';
    try {
      return await this.breaker.fire(content, fileName);
    } catch (err) {
      if (err instanceof ScanUnavailableError) throw err;
      const open = (err as { code?: string }).code === 'EOPENBREAKER';
      throw new ScanUnavailableError(open ? 'breaker open' : String(err));
    }
  }

  private async send(content: Buffer, fileName: string): Promise<ScanVerdict> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        body: form,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const timedOut = (err as Error).name === 'TimeoutError';
      throw new ScanUnavailableError(
        timedOut ? `no answer within ${this.timeoutMs} ms` : (err as Error).message,
      );
    }
    const text = await res.text().catch(() => '');
    if (res.status === 406 || /"?(status|result)"?\s*:\s*"?(FOUND|infected)/i.test(text))
      return 'INFECTED';
    if (/"?is_?infected"?\s*:\s*true|"infected"\s*:\s*true/i.test(text)) return 'INFECTED';
    if (res.ok) return 'CLEAN';
    throw new ScanUnavailableError(`HTTP ${res.status}`);
  }

  onApplicationShutdown(): void {
    this.breaker.shutdown();
  }
}
