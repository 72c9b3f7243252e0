import { ReactNode } from 'react';
import { RequireRole } from '../../../auth/RequireRole';
import { Role } from '../../../auth/roles';

/** The citizen's own pages: log in with the national identity account (VNeID's stand-in) first. */
export function RequireCitizen({ children }: { children: ReactNode }) {
  return (
    <RequireRole
      roles={[Role.Citizen]}
      loginHint="Đăng nhập bằng tài khoản định danh điện tử để nộp hồ sơ trực tuyến và xem hồ sơ của bạn."
    >
      {children}
    </RequireRole>
  );
}
