import { useCallback, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { ApiError, Service } from '../api/client';

/** The file name the server gives (RFC 5987 first), or a fallback. */
function fileNameOf(res: Response, fallback: string): string {
  const disposition = res.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (utf8) return decodeURIComponent(utf8);
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * Downloads a file of a service through the gateway with the signed-in person's token (a
 * bare link would carry none): fetched, then saved from a blob. The error is the API's own.
 */
export function useDownload() {
  const { accessToken } = useAuth();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const download = useCallback(
    async (service: Service, path: string, fallbackName: string) => {
      setPending(path);
      setError(null);
      try {
        const res = await fetch(`/api/${service}${path}`, {
          headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
        });
        if (!res.ok) {
          const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
          throw new ApiError(
            res.status,
            body.code ?? `HTTP.${res.status}`,
            body.message ?? `Không tải được tệp (lỗi ${res.status}).`,
          );
        }
        const url = URL.createObjectURL(await res.blob());
        const a = document.createElement('a');
        a.href = url;
        a.download = fileNameOf(res, fallbackName);
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } catch (err) {
        setError(
          err instanceof ApiError
            ? err
            : new ApiError(0, 'NETWORK.UNREACHABLE', 'Không tải được tệp; xin thử lại.'),
        );
      } finally {
        setPending(null);
      }
    },
    [accessToken],
  );
  return { download, pending, error };
}
