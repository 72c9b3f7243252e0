import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Form, Row, Select, Statistic, Typography } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { ApiError } from '../../../api/client';
import { downloadFile } from '../../../api/download';
import { useApi } from '../../../api/use-api';
import { useAuth } from '../../../auth/auth-context';
import { formatDate } from '../../../format/format';
import { StatisticsTables } from './StatisticsTables';
import { StatisticsCharts } from './StatisticsCharts';
import { formatShare, Statistics, StatisticsQuery, unitChoices } from './statistics-api';

const DAY = 'YYYY-MM-DD';

interface PeriodForm {
  from: Dayjs;
  to: Dayjs;
  unit?: string;
}

/**
 * A unit's (or the province's) figures over a period: received, resolved early / on time /
 * late, in progress, online share, by procedure and by agency. The land registry counts them
 * from its own records; the page only draws them and offers the same table as CSV for Excel.
 */
export function StatisticsPage() {
  const api = useApi();
  const { actor, accessToken } = useAuth();
  const { message } = App.useApp();
  const today = dayjs();
  const [query, setQuery] = useState<StatisticsQuery>({
    from: today.startOf('month').format(DAY),
    to: today.format(DAY),
    unit: actor?.unit,
  });
  const figures = useQuery({
    queryKey: ['statistics', query],
    queryFn: () => api<Statistics>('land-registry', '/statistics', { query: { ...query } }),
  });
  const search = new URLSearchParams(
    Object.entries(query).filter(([, v]) => v) as [string, string][],
  );
  const exportCsv = () =>
    downloadFile(
      'land-registry',
      `/statistics.csv?${search}`,
      accessToken,
      `thong-ke-${query.from}-${query.to}.csv`,
    ).catch((err: unknown) =>
      message.error(err instanceof ApiError ? `${err.message} (${err.code})` : String(err)),
    );
  const s = figures.data;
  return (
    <>
      <Typography.Title level={1}>Thống kê hồ sơ</Typography.Title>
      <Form<PeriodForm>
        layout="inline"
        className="lt-filters"
        aria-label="Kỳ thống kê"
        initialValues={{ from: dayjs(query.from), to: dayjs(query.to), unit: query.unit }}
        onFinish={(f) => setQuery({ from: f.from.format(DAY), to: f.to.format(DAY), unit: f.unit })}
      >
        <Form.Item label="Từ ngày" name="from" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} />
        </Form.Item>
        <Form.Item label="Đến ngày" name="to" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} />
        </Form.Item>
        <Form.Item label="Đơn vị" name="unit">
          <Select options={unitChoices(actor?.unit)} style={{ minWidth: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          Xem thống kê
        </Button>
        <Button onClick={() => void exportCsv()}>Tải bảng CSV (mở bằng Excel)</Button>
      </Form>
      {figures.error && <ApiErrorAlert error={figures.error} />}
      {s && (
        <>
          <Typography.Paragraph>
            Đơn vị {s.unit}, từ {formatDate(s.from)} đến {formatDate(s.to)}.
          </Typography.Paragraph>
          <Row gutter={[16, 16]} className="lt-stat-cards">
            <Col xs={12} md={8} lg={4}>
              <Card size="small">
                <Statistic title="Tiếp nhận" value={s.received} />
              </Card>
            </Col>
            <Col xs={12} md={8} lg={4}>
              <Card size="small">
                <Statistic title="Tỷ lệ trực tuyến" value={formatShare(s.onlineShare)} />
              </Card>
            </Col>
            <Col xs={12} md={8} lg={4}>
              <Card size="small">
                <Statistic title="Đã giải quyết" value={s.resolved.total} />
              </Card>
            </Col>
            <Col xs={12} md={8} lg={4}>
              <Card size="small">
                <Statistic title="Giải quyết quá hạn" value={s.resolved.late} />
              </Card>
            </Col>
            <Col xs={12} md={8} lg={4}>
              <Card size="small">
                <Statistic title="Đang giải quyết" value={s.inProgress.total} />
              </Card>
            </Col>
            <Col xs={12} md={8} lg={4}>
              <Card size="small">
                <Statistic title="Đang quá hạn" value={s.inProgress.overdue} />
              </Card>
            </Col>
          </Row>
          <StatisticsCharts figures={s} />
          <StatisticsTables figures={s} />
        </>
      )}
    </>
  );
}
