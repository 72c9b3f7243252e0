import { Link } from 'react-router';
import { Result } from 'antd';

export function NotFoundPage() {
  return (
    <Result status="404" title="Không tìm thấy trang" extra={<Link to="/">Về trang chủ</Link>} />
  );
}
