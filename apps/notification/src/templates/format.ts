import { vietnamDateOf } from '@lien-thong/calendar';
import { formatVndVi } from '@lien-thong/tax-rules';
import { TemplateContext } from './template';

/**
 * Longest SMS text we aim for. The gateway accepts more (it splits into several SMS), but
 * every extra segment costs and long texts get cut on old handsets.
 */
export const SMS_MAX = 300;

/** Whole VND the Vietnamese way: 80000000 → "80.000.000 đồng". */
export function formatVnd(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole VND amount: ${amount}`);
  return formatVndVi(BigInt(amount));
}

/** dd/MM/yyyy of an ISO date or instant, on the wall calendar of Asia/Ho_Chi_Minh. */
export function formatDate(iso: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : vietnamDateOf(new Date(iso));
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/**
 * The portal's tracking page with the dossier code filled in: `<TRACKING_URL>?ma=<code>`
 * (apps/web, /tra-cuu); the page then asks for the secret printed on the receipt. With the
 * secret (the receipt message only), both are filled in and the dossier shows at once.
 */
export function trackingLink(context: TemplateContext, secret?: string): string {
  const page = new URL(context.trackingUrl);
  page.searchParams.set('ma', context.dossierCode);
  if (secret) page.searchParams.set('bi-mat', secret);
  return page.href;
}

/**
 * How a citizen follows the dossier: the public page, unlocked by the tracking secret printed
 * on the receipt (sent only with the receipt message, see receiptTrackingSentence).
 */
export function trackingSentence(context: TemplateContext): string {
  return `Tra cứu tại ${trackingLink(context)} bằng mã tra cứu in trên giấy tiếp nhận.`;
}

/**
 * The receipt message's own link: the land registry passes the receipt's secret with the
 * receipt event only, to the applicant's own phone and e-mail, so that the link the citizen
 * taps opens the dossier (later messages link with the code and the page asks).
 */
export function receiptTrackingSentence(context: TemplateContext, secret?: string): string {
  return secret
    ? `Tra cứu tại ${trackingLink(context, secret)} (giữ kín đường dẫn này).`
    : trackingSentence(context);
}

/** Free text (a reason an officer typed) on one line, cut to `max` characters with "…". */
export function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, Math.max(0, max - 1));
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

/** An SMS whose free-text part is clipped so that the whole stays within SMS_MAX. */
export function smsAround(before: string, freeText: string, after: string): string {
  const room = SMS_MAX - before.length - after.length;
  return `${before}${clip(freeText, Math.max(room, 20))}${after}`;
}

/** The e-mail around a template's paragraphs: greeting, tracking, signature. */
export function emailBody(
  context: TemplateContext,
  paragraphs: string[],
  tracking = trackingSentence(context),
): string {
  return [
    `Kính gửi ông/bà ${context.fullName},`,
    ...paragraphs,
    tracking,
    'Trân trọng,\nVăn phòng đăng ký đất đai',
    '(Thư gửi tự động, xin ông/bà không trả lời thư này.)',
  ].join('\n\n');
}
