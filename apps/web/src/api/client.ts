/** One field's problem, as the services' validation answers it. */
export interface FieldError {
  field: string;
  code?: string;
  message: string;
}

/**
 * An answer of a service that is not a success: its stable code (DOMAIN.CODE), its message
 * in Vietnamese and, for a form, the message of each field.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }
}

/** The services reached through the gateway at /api/<service>/. */
export type Service =
  'land-registry' | 'secured-transactions' | 'tax-obligation' | 'notification' | 'construction';

/** `errors: [{field, message}]` (validation) or `fieldErrors: {field: message}` (domain rules). */
function fieldErrorsOf(body: Record<string, unknown>): FieldError[] {
  const list = Array.isArray(body.errors)
    ? body.errors
    : Array.isArray(body.fieldErrors)
      ? body.fieldErrors
      : null;
  if (list)
    return list.filter(
      (e): e is FieldError => typeof e?.field === 'string' && typeof e?.message === 'string',
    );
  if (body.fieldErrors && typeof body.fieldErrors === 'object')
    return Object.entries(body.fieldErrors as Record<string, unknown>).map(([field, message]) => ({
      field,
      message: String(message),
    }));
  return [];
}

/** The ApiError of a response that is not a success (also for uploads and downloads). */
export async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  const fallback =
    res.status === 401
      ? 'Phiên đăng nhập đã hết hạn; xin đăng nhập lại.'
      : res.status === 403
        ? 'Tài khoản của bạn không có quyền thực hiện việc này.'
        : `Hệ thống trả lời lỗi ${res.status}; xin thử lại sau.`;
  return new ApiError(
    res.status,
    typeof body.code === 'string' ? body.code : `HTTP.${res.status}`,
    typeof body.message === 'string' ? body.message : fallback,
    fieldErrorsOf(body),
  );
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string | null;
  query?: Record<string, string | number | undefined | null>;
}

/** Calls a service through the gateway (same origin: no CORS), with the bearer token if signed in. */
export async function callApi<T>(
  service: Service,
  path: string,
  options: CallOptions = {},
): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {}))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.size > 0 ? `?${params}` : '';
  let res: Response;
  try {
    res = await fetch(`/api/${service}${path}${search}`, {
      method: options.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK.UNREACHABLE',
      'Không kết nối được tới hệ thống; xin kiểm tra mạng và thử lại.',
    );
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}
