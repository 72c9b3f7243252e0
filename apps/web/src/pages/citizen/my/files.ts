import { ApiError, errorOf } from '../../../api/client';
import { DossierDocument, UPLOAD_LIMITS } from './my-dossiers-api';

const UNREACHABLE = () =>
  new ApiError(
    0,
    'NETWORK.UNREACHABLE',
    'Không kết nối được tới hệ thống; xin kiểm tra mạng và thử lại.',
  );

/**
 * The checks a person gets at once, before a large file travels: type and size. The land
 * registry checks again, by content (magic bytes) and with the virus scanner.
 */
export function localProblemOf(file: File): ApiError | null {
  if (!UPLOAD_LIMITS.types.includes(file.type))
    return new ApiError(
      422,
      'DOCUMENT.TYPE_NOT_ALLOWED',
      'Chỉ nhận tệp PDF, JPEG hoặc PNG; xin chụp hoặc quét lại giấy tờ.',
    );
  if (file.size > UPLOAD_LIMITS.maxBytes)
    return new ApiError(
      422,
      'DOCUMENT.TOO_LARGE',
      'Tệp lớn hơn 10 MB; xin quét ở độ phân giải thấp hơn.',
    );
  return null;
}

/** Uploads one document of the checklist to a dossier (multipart: `file` and `kind`). */
export async function uploadDocument(
  token: string | null,
  dossierCode: string,
  kind: string,
  file: File,
): Promise<DossierDocument> {
  const body = new FormData();
  body.set('kind', kind);
  body.set('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/land-registry/dossiers/${encodeURIComponent(dossierCode)}/documents`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
    });
  } catch {
    throw UNREACHABLE();
  }
  if (!res.ok) {
    // The message is the file's own (field "file"): said once, not again as a field's.
    const e = await errorOf(res);
    throw new ApiError(e.status, e.code, e.message);
  }
  return (await res.json()) as DossierDocument;
}
