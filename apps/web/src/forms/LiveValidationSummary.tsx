import { Alert } from 'antd';
import { ApiErrorAlert } from '../api/ApiErrorAlert';
import type { LiveValidation } from './use-live-validation';

/**
 * Below a procedure's form: the API's messages no field shows (`title` heads them), an
 * error of the whole form (a rule, a 403 for another province) unless the page shows it
 * elsewhere (`formErrorShown`), and the live check's state, read out by screen readers.
 */
export function LiveValidationSummary({
  live,
  title,
  validText,
  formErrorShown = false,
}: {
  live: LiveValidation;
  title: string;
  validText: string;
  formErrorShown?: boolean;
}) {
  const formError =
    live.error && live.error.fieldErrors.length === 0 && !formErrorShown ? live.error : null;
  return (
    <>
      {live.unmatched.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={title}
          description={
            <ul>
              {live.unmatched.map((e) => (
                <li key={`${e.field}:${e.message}`}>{e.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {formError && <ApiErrorAlert error={formError} />}
      <div aria-live="polite" className="lt-form-status">
        {live.checking ? 'Đang kiểm tra…' : live.valid ? validText : ''}
      </div>
    </>
  );
}
