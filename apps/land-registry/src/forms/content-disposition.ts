/** An ASCII stand-in for clients that do not read RFC 5987 file names. */
export const asciiFileName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9.-]+/g, '-');

/**
 * The Content-Disposition of a file the service hands out: the Vietnamese name for browsers
 * that read RFC 5987, an ASCII one for the others; never a quote or a path from the name.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  // RFC 8187 allows none of ' ( ) * in the encoded name; encodeURIComponent leaves them.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encoded}`;
}
