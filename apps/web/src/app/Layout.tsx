import { useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { Button, Layout as AntLayout, Space, Typography } from 'antd';
import { useAuth } from '../auth/auth-context';
import { hasRole, LAND_OFFICE_ROLES, Role, ROLE_VI } from '../auth/roles';
import './layout.css';

/** Header with the navigation and who is signed in; the page below; a short footer. */
export function Layout() {
  const { actor, login, logout } = useAuth();
  const location = useLocation();
  // A new page: move the keyboard and screen readers to its content.
  useEffect(() => {
    document.getElementById('noi-dung')?.focus({ preventScroll: true });
  }, [location.pathname]);
  return (
    <AntLayout className="lt-shell">
      <a className="lt-skip" href="#noi-dung">
        Bỏ qua để đến nội dung chính
      </a>
      <AntLayout.Header className="lt-header">
        <Link to="/" className="lt-brand">
          Liên thông đất đai
        </Link>
        <nav aria-label="Điều hướng chính" className="lt-nav">
          <NavLink to="/thu-tuc">Thủ tục</NavLink>
          <NavLink to="/tra-cuu">Tra cứu hồ sơ</NavLink>
          {hasRole(actor, Role.Citizen) && <NavLink to="/ca-nhan">Hồ sơ của tôi</NavLink>}
          {hasRole(actor, ...LAND_OFFICE_ROLES) && (
            <NavLink to="/can-bo" end>
              Hồ sơ của đơn vị
            </NavLink>
          )}
          {hasRole(actor, Role.CounterOfficer) && (
            <NavLink to="/can-bo/tiep-nhan">Tiếp nhận hồ sơ</NavLink>
          )}
          {hasRole(actor, ...LAND_OFFICE_ROLES) && (
            <NavLink to="/can-bo/thong-ke">Thống kê</NavLink>
          )}
        </nav>
        <Space className="lt-user" wrap>
          {actor ? (
            <>
              <span className="lt-who">
                {actor.fullName}
                {actor.roles[0] ? ` · ${ROLE_VI[actor.roles[0]]}` : ''}
                {actor.unit ? ` · ${actor.unit}` : ''}
              </span>
              <Button onClick={() => void logout()}>Đăng xuất</Button>
            </>
          ) : (
            <Button type="primary" onClick={() => void login()}>
              Đăng nhập
            </Button>
          )}
        </Space>
      </AntLayout.Header>
      <AntLayout.Content id="noi-dung" tabIndex={-1} className="lt-content">
        <Outlet />
      </AntLayout.Content>
      <AntLayout.Footer className="lt-footer">
        <Typography.Text>
          Văn phòng đăng ký đất đai · Bộ phận Một cửa. Hệ thống liên thông hồ sơ giữa các cơ quan.
        </Typography.Text>
      </AntLayout.Footer>
    </AntLayout>
  );
}
