import { createHash, randomBytes } from 'node:crypto';

/** 10 characters from a 32-letter alphabet without look-alikes: 50 random bits. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newTrackingSecret(): string {
  return [...randomBytes(10)].map((b) => ALPHABET[b & 31]).join('');
}

/** What is stored of a tracking secret (case-insensitive, as a citizen may type it). */
export function hashTrackingSecret(secret: string): string {
  return createHash('sha256').update(secret.toUpperCase()).digest('hex');
}
