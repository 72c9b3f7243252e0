import { Link } from 'react-router';
import { Button, Card, Col, Row, Typography } from 'antd';
import { useAuth } from '../../auth/auth-context';
import { hasRole, LAND_OFFICE_ROLES } from '../../auth/roles';

/** The public start page: the catalogue, tracking, and the officers' way in. */
export function HomePage() {
  const { actor, login } = useAuth();
  return (
    <>
      <Typography.Title level={1}>Một cửa đất đai</Typography.Title>
      <Typography.Paragraph>
        Tra cứu thủ tục, giấy tờ cần nộp, thời hạn và phí, lệ phí; theo dõi hồ sơ đã nộp bằng mã hồ
        sơ và mã tra cứu in trên giấy tiếp nhận.
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card title={<h2 className="lt-card-title">Thủ tục hành chính</h2>}>
            <p>Giấy tờ cần nộp, thời gian giải quyết, mức độ trực tuyến, phí và lệ phí.</p>
            <Link to="/thu-tuc">Xem danh mục thủ tục</Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={<h2 className="lt-card-title">Tra cứu hồ sơ</h2>}>
            <p>Hồ sơ đang ở bước nào, cơ quan nào đang giải quyết, ngày hẹn trả kết quả.</p>
            <Link to="/tra-cuu">Tra cứu tiến độ hồ sơ</Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={<h2 className="lt-card-title">Cán bộ</h2>}>
            {hasRole(actor, ...LAND_OFFICE_ROLES) ? (
              <Link to="/can-bo">Mở danh sách hồ sơ của đơn vị</Link>
            ) : actor ? (
              <p>Xin chào {actor.fullName}.</p>
            ) : (
              <>
                <p>Cán bộ một cửa, chuyên viên, lãnh đạo đăng nhập để xử lý hồ sơ.</p>
                <Button type="primary" onClick={() => void login('/can-bo')}>
                  Đăng nhập
                </Button>
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
