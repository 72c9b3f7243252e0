import { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { useAuth } from '../../../auth/auth-context';
import { RequireRole } from '../../../auth/RequireRole';
import { Role } from '../../../auth/roles';

/** The citizen's own pages: log in with the national identity account (VNeID's stand-in) first. */
export function RequireCitizen({ children }: { children: ReactNode }) {
  const { actor, ready, login } = useAuth();
  if (!ready) return <Spin aria-label="Đang tải" />;
  if (!actor)
    return (
      <Result
        status="info"
        title="Cần đăng nhập"
        subTitle="Đăng nhập bằng tài khoản định danh điện tử để nộp hồ sơ trực tuyến và xem hồ sơ của bạn."
        extra={
          <Button type="primary" onClick={() => void login()}>
            Đăng nhập
          </Button>
        }
      />
    );
  return <RequireRole roles={[Role.Citizen]}>{children}</RequireRole>;
}
