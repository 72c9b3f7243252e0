import type { NotificationChannel } from './schemas/delivery.schema';

/** `0912345678` → `0912***678`: enough for an officer to recognise, not to dial. */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '***';
  return `${phone.slice(0, 4)}***${phone.slice(-3)}`;
}

/** `nguyen.van.an@example.vn` → `n***@example.vn`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** The recipient as it may appear outside this service (events, HTTP answers, logs). */
export function maskRecipient(channel: NotificationChannel, to: string): string {
  switch (channel) {
    case 'SMS':
    case 'ZALO':
      return maskPhone(to);
    case 'EMAIL':
      return maskEmail(to);
  }
}
