import { useCallback, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { ApiError, Service } from '../api/client';
import { downloadFile } from '../api/download';

/**
 * downloadFile (fetched with the token, saved from a blob) for a button: which path is being
 * fetched, and the API's error when it failed (a form not applicable yet: 409).
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
        await downloadFile(service, path, accessToken, fallbackName);
      } catch (err) {
        setError(
          err instanceof ApiError
            ? err
            : new ApiError(0, 'APP.UNEXPECTED', 'Không tải được tệp; xin thử lại.'),
        );
      } finally {
        setPending(null);
      }
    },
    [accessToken],
  );
  return { download, pending, error };
}
