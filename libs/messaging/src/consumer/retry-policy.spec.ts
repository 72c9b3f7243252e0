import { DomainException } from '@lien-thong/platform';
import { PermanentEventError } from './errors';
import { nextStep } from './retry-policy';

const delays = [1_000, 10_000, 60_000];

describe('nextStep', () => {
  it('retries a transient failure with growing delays, then dead-letters it after the last level', () => {
    const err = new Error('connection reset');
    expect(nextStep(err, 1, delays)).toMatchObject({ kind: 'retry', level: 1, delayMs: 1_000 });
    expect(nextStep(err, 2, delays)).toMatchObject({ kind: 'retry', level: 2, delayMs: 10_000 });
    expect(nextStep(err, 3, delays)).toMatchObject({ kind: 'retry', level: 3, delayMs: 60_000 });
    expect(nextStep(err, 4, delays)).toEqual({
      kind: 'dead-letter',
      attempts: 4,
      code: 'EVENT.HANDLER_FAILED',
      message: 'connection reset',
    });
  });

  it('dead-letters a permanent or domain error at once, keeping its code', () => {
    expect(
      nextStep(new PermanentEventError('DOSSIER.UNKNOWN', 'no such dossier'), 1, delays),
    ).toMatchObject({
      kind: 'dead-letter',
      code: 'DOSSIER.UNKNOWN',
    });
    expect(
      nextStep(new DomainException('PARCEL.NOT_FOUND', 'Không tìm thấy thửa đất'), 1, delays),
    ).toMatchObject({
      kind: 'dead-letter',
      code: 'PARCEL.NOT_FOUND',
    });
  });

  it('keeps retrying work whose agency fails (5xx, timeout) on the slowest level instead of dead-lettering it', () => {
    const failed = Object.assign(new Error('e-tax: HTTP 503'), {
      code: 'AGENCY.FAILED',
      agency: 'e-tax',
    });
    expect(nextStep(failed, 1, delays)).toMatchObject({
      kind: 'retry',
      level: 1,
      delayMs: 1_000,
      deferredBy: 'e-tax',
    });
    expect(nextStep(failed, 3, delays)).toMatchObject({ kind: 'retry', level: 3, delayMs: 60_000 });
    expect(nextStep(failed, 40, delays)).toMatchObject({
      kind: 'retry',
      level: 3,
      delayMs: 60_000,
      deferredBy: 'e-tax',
    });
  });

  it('queues work rejected by an open breaker on the fastest level when the consumer holds it until the agency is back', () => {
    const open = Object.assign(new Error('breaker open'), {
      code: 'AGENCY.UNAVAILABLE',
      agency: 'justice-registry',
    });
    expect(nextStep(open, 2, delays, true)).toEqual({
      kind: 'retry',
      level: 1,
      attempt: 1,
      delayMs: 1_000,
      deferredBy: 'justice-registry',
    });
  });

  it('dead-letters at once when an agency rejects our request (4xx)', () => {
    const rejected = Object.assign(new Error('e-tax rejected the request with HTTP 422'), {
      code: 'AGENCY.REJECTED',
    });
    expect(nextStep(rejected, 1, delays)).toMatchObject({
      kind: 'dead-letter',
      code: 'AGENCY.REJECTED',
      attempts: 1,
    });
  });

  it('defers work for an agency whose breaker is open without using up attempts, however long it lasts', () => {
    const open = Object.assign(new Error('breaker open'), {
      code: 'AGENCY.UNAVAILABLE',
      agency: 'e-tax',
    });
    for (const attempt of [1, 3, 50]) {
      expect(nextStep(open, attempt, delays)).toEqual({
        kind: 'retry',
        level: 3,
        attempt: attempt - 1,
        delayMs: 60_000,
        deferredBy: 'e-tax',
      });
    }
  });
});
