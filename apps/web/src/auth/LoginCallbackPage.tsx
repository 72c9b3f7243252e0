import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Spin } from 'antd';
import { useAuth } from './auth-context';

/** Where the identity provider sends the browser back with the authorization code. */
export function LoginCallbackPage() {
  const { completeLogin } = useAuth();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    // Once only (StrictMode runs effects twice): a code can be exchanged one time.
    if (started.current) return;
    started.current = true;
    completeLogin().then(
      (returnTo) => void navigate(returnTo, { replace: true }),
      () => setFailed(true),
    );
  }, [completeLogin, navigate]);
  return failed ? (
    <Alert type="error" showIcon title="Đăng nhập không thành công; xin thử đăng nhập lại." />
  ) : (
    <Spin aria-label="Đang đăng nhập" />
  );
}
