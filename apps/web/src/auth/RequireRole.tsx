import { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { useAuth } from './auth-context';
import { hasRole, Role } from './roles';

/** A page for some roles: sign in first; another role is told so (the services refuse it anyway). */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { actor, ready, login } = useAuth();
  if (!ready) return <Spin aria-label="Đang tải" />;
  if (!actor)
    return (
      <Result
        status="info"
        title="Cần đăng nhập"
        subTitle="Trang này dành cho cán bộ; xin đăng nhập bằng tài khoản được cấp."
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
