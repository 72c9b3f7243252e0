import { Link } from 'react-router';
import { Alert, Descriptions, Space, Typography } from 'antd';
import { formatDate, formatVnd } from '../../../format/format';
import { DossierDownloads } from '../my/DossierDownloads';
import type { Receipt } from './submission';

/** The receipt of an online submission: the code, the appointment and the tracking secret. */
export function SubmissionReceipt({ receipt }: { receipt: Receipt }) {
  const fees = receipt.fees.reduce((sum, f) => sum + f.amountVnd, 0);
  return (
    <section aria-labelledby="giay-tiep-nhan">
      <Typography.Title level={2} id="giay-tiep-nhan">
        Giấy tiếp nhận hồ sơ
      </Typography.Title>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="Mã hồ sơ">
          <span className="lt-receipt-code">{receipt.dossierCode}</span>
        </Descriptions.Item>
        {receipt.trackingSecret && (
          <Descriptions.Item label="Mã tra cứu">
            <span className="lt-receipt-code">{receipt.trackingSecret}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="Ngày hẹn trả kết quả">
          <strong>{formatDate(receipt.appointmentAt)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label="Thời hạn giải quyết">
          {receipt.workingDays} ngày làm việc
        </Descriptions.Item>
        {receipt.fees.length > 0 && (
          <Descriptions.Item label="Phí, lệ phí">
            {receipt.fees.map((f) => (
              <div key={f.code}>
                {f.labelVi}: {formatVnd(f.amountVnd)}
              </div>
            ))}
            <strong>Tổng cộng: {formatVnd(fees)}</strong>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Alert
        type="info"
        showIcon
        style={{ margin: '16px 0' }}
        title="Giữ kín mã tra cứu"
        description="Cùng với mã hồ sơ, mã tra cứu cho phép xem tiến độ hồ sơ trên trang Tra cứu hồ sơ mà không cần đăng nhập."
      />
      <Space orientation="vertical">
        <DossierDownloads code={receipt.dossierCode} forms={['receipt']} />
        <Link to={`/ca-nhan/ho-so/${encodeURIComponent(receipt.dossierCode)}`}>
          Xem hồ sơ {receipt.dossierCode}
        </Link>
      </Space>
    </section>
  );
}
