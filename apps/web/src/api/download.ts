import { ApiError, Service } from './client';

/** The file name a service gave in content-disposition, else `fallback`. */
function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (utf8) return decodeURIComponent(utf8);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads a file a service serves behind login (a printable PDF form, a CSV export, an
 * uploaded document): fetched with the bearer token, then saved through a temporary link,
 * since a bare <a href> cannot carry the token.
 */
export async function downloadFile(
  service: Service,
  path: string,
  token: string | null | undefined,
  fallbackName: string,
): Promise<void> {
  const res = await fetch(`/api/${service}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  }).catch(() => {
    throw new ApiError(
      0,
      'NETWORK.UNREACHABLE',
      'Không kết nối được tới hệ thống; xin kiểm tra mạng và thử lại.',
    );
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(
      res.status,
      body.code ?? `HTTP.${res.status}`,
      body.message ?? `Không tải được tệp (lỗi ${res.status}); xin thử lại sau.`,
    );
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(res, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
