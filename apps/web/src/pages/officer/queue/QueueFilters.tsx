import { Button, Form, Input, Select } from 'antd';
import { CHANNEL_VI, DUE_VI, QueueFilter, STATUS_FILTER_VI } from './queue-api';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Search and filters of the queue; each choice is kept in the address (shareable, back button). */
export function QueueFilters({
  value,
  procedures,
  onChange,
}: {
  value: QueueFilter;
  procedures: { value: string; label: string }[];
  onChange: (f: QueueFilter) => void;
}) {
  return (
    <Form<QueueFilter>
      layout="inline"
      initialValues={value}
      key={JSON.stringify(value)}
      onFinish={(f) => onChange(f)}
      className="lt-filters"
      aria-label="Tìm kiếm và lọc hồ sơ"
    >
      <Form.Item label="Tìm" name="q">
        <Input
          placeholder="Mã hồ sơ, thửa đất, số định danh, họ tên"
          allowClear
          style={{ minWidth: 260 }}
        />
      </Form.Item>
      <Form.Item label="Tình trạng" name="status">
        <Select allowClear options={options(STATUS_FILTER_VI)} style={{ minWidth: 180 }} />
      </Form.Item>
      <Form.Item label="Thủ tục" name="procedure">
        <Select allowClear options={procedures} style={{ minWidth: 180 }} />
      </Form.Item>
      <Form.Item label="Hạn" name="due">
        <Select allowClear options={options(DUE_VI)} style={{ minWidth: 150 }} />
      </Form.Item>
      <Form.Item label="Kênh" name="channel">
        <Select allowClear options={options(CHANNEL_VI)} style={{ minWidth: 150 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        Lọc
      </Button>
    </Form>
  );
}
