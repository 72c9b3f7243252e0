import { Button, Form, Input } from 'antd';
import { SECRET_PATTERN } from './tracking-api';

export interface TrackingInput {
  code: string;
  secret: string;
}

/** The dossier code and the secret printed on the receipt (the SMS link fills in the code). */
export function TrackingForm({
  initial,
  onSubmit,
  loading,
}: {
  initial: TrackingInput;
  onSubmit: (v: TrackingInput) => void;
  loading: boolean;
}) {
  return (
    <Form<TrackingInput>
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => onSubmit({ code: v.code.trim(), secret: v.secret.trim() })}
      style={{ maxWidth: 480 }}
    >
      <Form.Item
        label="Mã hồ sơ"
        name="code"
        rules={[{ required: true, message: 'Cần mã hồ sơ in trên giấy tiếp nhận' }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="Mã tra cứu"
        name="secret"
        extra="10 ký tự in trên giấy tiếp nhận; giữ kín mã này."
        rules={[
          { required: true, message: 'Cần mã tra cứu in trên giấy tiếp nhận' },
          { pattern: SECRET_PATTERN, message: 'Mã tra cứu gồm 10 ký tự chữ và số' },
        ]}
      >
        <Input autoComplete="off" autoFocus={!!initial.code && !initial.secret} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading}>
        Tra cứu
      </Button>
    </Form>
  );
}
