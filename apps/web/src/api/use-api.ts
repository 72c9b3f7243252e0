import { useCallback } from 'react';
import { useAuth } from '../auth/auth-context';
import { callApi, CallOptions, Service } from './client';

/** callApi with the signed-in person's token. */
export function useApi() {
  const { accessToken } = useAuth();
  return useCallback(
    <T>(service: Service, path: string, options: Omit<CallOptions, 'token'> = {}) =>
      callApi<T>(service, path, { ...options, token: accessToken }),
    [accessToken],
  );
}
