import { Alert } from 'antd';
import { ApiError } from './client';

/** An error of the API as a person reads it: the Vietnamese message, each field's, and the code. */
export function ApiErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const e =
    error instanceof ApiError
      ? error
      : new ApiError(0, 'APP.UNEXPECTED', 'Đã có lỗi không mong muốn; xin tải lại trang.');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={e.message}
      description={
        <>
          {e.fieldErrors.length > 0 && (
            <ul>
              {e.fieldErrors.map((f) => (
                <li key={`${f.field}:${f.message}`}>
                  <strong>{f.field}</strong>: {f.message}
                </li>
              ))}
            </ul>
          )}
          <small>Mã lỗi: {e.code}</small>
        </>
      }
    />
  );
}
