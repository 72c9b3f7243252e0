import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError, FieldError } from '../api/client';
import { useApi } from '../api/use-api';
import { intakeBody } from './body';
import { fieldPathsOf, matchFieldErrors, namePathOf } from './field-errors';
import type { Channel, FormValues, ProcedureFormSpec } from './form-spec';

export interface LiveValidation {
  /** Null before the first answer; true when the intake would accept the form now. */
  valid: boolean | null;
  checking: boolean;
  /** The last answer's error (a 403 or a 409 is about the whole form). */
  error: ApiError | null;
  /** Errors of no input of the form. */
  unmatched: FieldError[];
  /** Check after the officer pauses typing. */
  schedule(): void;
  /** Check now (a field was left). */
  checkNow(): void;
  /** Show an answer on every field, touched or not (after the real submit failed). */
  showAll(error: unknown): void;
}

/**
 * The API's own Vietnamese field messages on the form as it is filled in: the body is sent
 * to the intake's validation route (`${spec.route}/validation`: the same checks, nothing
 * stored) when typing pauses or a field is left, and each message shown on its field once
 * the person has touched it (all of them after a submit).
 */
export function useLiveValidation(
  form: FormInstance,
  spec: ProcedureFormSpec,
  channel: Channel,
  delayMs = 500,
): LiveValidation {
  const api = useApi();
  const [state, setState] = useState<{
    valid: boolean | null;
    checking: boolean;
    error: ApiError | null;
    unmatched: FieldError[];
  }>({ valid: null, checking: false, error: null, unmatched: [] });
  const sequence = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const shown = useRef(new Set<string>());
  const all = useRef(false);

  const apply = useCallback(
    (error: ApiError | null) => {
      const values = form.getFieldsValue(true) as FormValues;
      const inputs = fieldPathsOf(spec, values);
      const { byField, unmatched } = matchFieldErrors(
        error?.fieldErrors ?? [],
        inputs,
        spec.errorAliases,
      );
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      for (const path of shown.current)
        if (!byField.has(path) && inputs.has(path))
          fields.push({ name: namePathOf(path), errors: [] });
      shown.current = new Set();
      for (const [path, messages] of byField) {
        const name = namePathOf(path);
        if (!all.current && !form.isFieldTouched(name)) continue;
        fields.push({ name, errors: messages });
        shown.current.add(path);
      }
      form.setFields(fields);
      setState({ valid: error === null, checking: false, error, unmatched });
    },
    [form, spec],
  );

  const checkNow = useCallback(() => {
    clearTimeout(timer.current);
    const id = ++sequence.current;
    setState((s) => ({ ...s, checking: true }));
    const body = intakeBody(form.getFieldsValue(true) as FormValues, channel);
    api('land-registry', `${spec.route}/validation`, { method: 'POST', body }).then(
      () => id === sequence.current && apply(null),
      (err: unknown) => {
        if (id !== sequence.current) return;
        apply(
          err instanceof ApiError
            ? err
            : new ApiError(0, 'APP.UNEXPECTED', 'Không kiểm tra được hồ sơ; xin thử lại.'),
        );
      },
    );
  }, [api, apply, channel, form, spec]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(checkNow, delayMs);
  }, [checkNow, delayMs]);

  const showAll = useCallback(
    (error: unknown) => {
      all.current = true;
      sequence.current++;
      apply(error instanceof ApiError ? error : null);
    },
    [apply],
  );

  useEffect(() => () => clearTimeout(timer.current), []);
  return { ...state, schedule, checkNow, showAll };
}
