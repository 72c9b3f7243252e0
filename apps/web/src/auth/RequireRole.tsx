import { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { useAuth } from './auth-context';
import { hasRole, Role } from './roles';

const OFFICER_LOGIN = 'Trang này dành cho cán bộ; xin đăng nhập bằng tài khoản được cấp.';

/**
 * A page for some roles: sign in first (`loginHint` says with which account); another role is
 * told so (the services refuse it anyway).
 */
export function RequireRole({
  roles,
  loginHint = OFFICER_LOGIN,
  children,
}: {
  roles: Role[];
  loginHint?: string;
  children: ReactNode;
}) {
  const { actor, ready, login } = useAuth();
  if (!ready) return <Spin aria-label="Đang tải" />;
  if (!actor)
    return (
      <Result
        status="info"
        title="Cần đăng nhập"
        subTitle={loginHint}
        extra={
          <Button type="primary" onClick={() => void login()}>
            Đăng nhập
          </Button>
        }
      />
    );
  if (!hasRole(actor, ...roles))
    return (
      <Result
        status="403"
        title="Không có quyền"
        subTitle="Tài khoản của bạn không dùng được trang này."
      />
    );
  return <>{children}</>;
}
