const VND = new Intl.NumberFormat('vi-VN');
const DATE = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const DATE_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** Whole VND the Vietnamese way: 80000000 → "80.000.000 đồng". */
export function formatVnd(amount: number): string {
  return `${VND.format(amount)} đồng`;
}

/** dd/MM/yyyy on the wall calendar of Asia/Ho_Chi_Minh (a plain yyyy-MM-dd is that day). */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  return DATE.format(new Date(value));
}

export function formatDateTime(value: string | Date | null | undefined): string {
  return value ? DATE_TIME.format(new Date(value)) : '—';
}
