import { Injectable } from '@nestjs/common';
import { DomainException } from '@lien-thong/platform';

interface Failures {
  count: number;
  lockedUntil: number;
  lastAt: number;
}

/** Failed guesses allowed before the back-off starts, per dossier code and per client. */
const FREE_FAILURES = 5;
const MAX_LOCK_MS = 60 * 60_000;
/** Failures older than this are forgotten. */
const FORGET_MS = 24 * 60 * 60_000;

/**
 * Back-off against guessing tracking secrets: after a few wrong secrets for one code, or
 * from one client, that code (or client) waits 1 s, 2 s, 4 s … up to an hour before the
 * next try is even looked at. With 50-bit secrets this leaves no guessing budget at all.
 * Kept in memory per instance: with several instances an attacker gains at most a factor of
 * their number (the per-client request limit of the throttler applies as well).
 */
@Injectable()
export class TrackingAttempts {
  private readonly failures = new Map<string, Failures>();

  /** Throws 429 while the code or the client is backing off. */
  check(code: string, client: string, now = Date.now()): void {
    const locked = [this.failures.get(`c:${code}`), this.failures.get(`ip:${client}`)]
      .filter((f): f is Failures => !!f)
      .map((f) => f.lockedUntil)
      .reduce((a, b) => Math.max(a, b), 0);
    if (locked > now)
      throw new DomainException(
        'TRACKING.TOO_MANY_ATTEMPTS',
        `Nhập sai quá nhiều lần; vui lòng thử lại sau ${Math.ceil((locked - now) / 1000)} giây`,
        429,
        { retryAfterSeconds: Math.ceil((locked - now) / 1000) },
      );
  }

  failed(code: string, client: string, now = Date.now()): void {
    this.forgetOld(now);
    for (const key of [`c:${code}`, `ip:${client}`]) {
      const f = this.failures.get(key) ?? { count: 0, lockedUntil: 0, lastAt: now };
      f.count += 1;
      f.lastAt = now;
      if (f.count > FREE_FAILURES)
        f.lockedUntil = now + Math.min(MAX_LOCK_MS, 1000 * 2 ** (f.count - FREE_FAILURES - 1));
      this.failures.set(key, f);
    }
  }

  succeeded(code: string): void {
    this.failures.delete(`c:${code}`);
  }

  private forgetOld(now: number): void {
    if (this.failures.size < 10_000) return;
    for (const [key, f] of this.failures) if (now - f.lastAt > FORGET_MS) this.failures.delete(key);
  }
}
