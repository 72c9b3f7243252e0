/** What a scan found. */
export type ScanVerdict = 'CLEAN' | 'INFECTED';

/**
 * The virus-scan hook every uploaded document goes through before it is stored. A scanner
 * that cannot give a verdict throws ScanUnavailableError: the upload is then refused, never
 * stored unscanned.
 */
export interface VirusScanner {
  scan(content: Buffer, fileName: string): Promise<ScanVerdict>;
}

export const VIRUS_SCANNER = Symbol('VIRUS_SCANNER');

/** The scanner did not answer (down, too slow, its breaker open) or answered nonsense. */
export class ScanUnavailableError extends Error {
  constructor(why: string) {
    super(`the virus scanner is unavailable: ${why}`);
    this.name = 'ScanUnavailableError';
  }
}

/**
 * The EICAR anti-virus test file's signature (eicar.org): harmless, and reported as a virus by
 * every scanner, so that the refusal path can be tried without a real virus.
 */
export const EICAR_SIGNATURE =
  'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/**
 * The default scanner when no scanning service is configured: it knows only the EICAR test
 * signature (anywhere in the file, as scanners that look inside documents find it). A
 * deployment sets VIRUS_SCAN_URL for a real scanner (HttpVirusScanner).
 */
export class EicarScanner implements VirusScanner {
  scan(content: Buffer): Promise<ScanVerdict> {
    return Promise.resolve(content.includes(EICAR_SIGNATURE, 0, 'latin1') ? 'INFECTED' : 'CLEAN');
  }
}
