/**
 * What a document's bytes are, read from its first bytes (its "magic number"), never from
 * the type or the name the client declared: a `.pdf` that is really a program or a web page
 * is refused. Only the kinds a land dossier's papers come as: PDF, JPEG and PNG scans.
 */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

const SIGNATURES: [DocumentType, number[]][] = [
  // "%PDF-" (ISO 32000-1, 7.5.2: the header is the file's first line)
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  // SOI marker and the start of the next marker (ISO/IEC 10918-1)
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  // The PNG signature (ISO/IEC 15948, 5.2)
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

const EXTENSIONS: Record<DocumentType, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/** The type the content really is, or null when it is none of the allowed ones. */
export function sniffType(content: Buffer): DocumentType | null {
  const found = SIGNATURES.find(
    ([, magic]) => content.length >= magic.length && magic.every((b, i) => content[i] === b),
  );
  return found ? found[0] : null;
}

const MAX_NAME = 120;

/**
 * The name the document is kept and handed back under: no folders, no control or reserved
 * characters, at most 120 characters, and ending with the extension of what it really is
 * ("hop-dong.exe" that is a PDF becomes "hop-dong.exe.pdf"). Vietnamese letters are kept.
 */
export function safeFileName(declared: string | undefined, type: DocumentType): string {
  const base = (declared ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*;]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const extensions = EXTENSIONS[type];
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(cleaned)?.[1]?.toLowerCase();
  const stem = cleaned || 'tai-lieu';
  const named = ext && extensions.includes(ext) ? stem : `${stem}.${extensions[0]}`;
  if (named.length <= MAX_NAME) return named;
  const suffix = named.slice(named.lastIndexOf('.'));
  return `${named.slice(0, MAX_NAME - suffix.length)}${suffix}`;
}
