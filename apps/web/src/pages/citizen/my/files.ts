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
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as DossierDocument;
}

/**
 * Downloads a file the API serves only with the bearer token (a form PDF, an uploaded
 * document): fetched, then saved under `fileName` by the browser.
 */
export async function downloadFile(token: string | null, path: string, fileName: string) {
  let res: Response;
  try {
    res = await fetch(`/api/land-registry${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw UNREACHABLE();
  }
  if (!res.ok) throw await errorOf(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has started saving by then; the object URL is not needed any more.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
