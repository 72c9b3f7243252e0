import { Link } from 'react-router';
import { Alert, Button, Descriptions, Grid, Result, Space } from 'antd';
import { ApiErrorAlert } from '../../../api/ApiErrorAlert';
import { formatDate, formatVnd } from '../../../format/format';
import { useDownload } from '../../../forms';
import { Receipt } from './intake-api';

/** The receipt screen: the code, the appointment, the tracking secret (shown once) and the form. */
export function ReceiptResult({ receipt, onNext }: { receipt: Receipt; onNext: () => void }) {
  const { download, pending, error } = useDownload();
  // On a phone, each label above its value: two columns leave the code a letter wide.
  const wide = Grid.useBreakpoint().md;
  const code = encodeURIComponent(receipt.dossierCode);
  return (
    <Result
      className="lt-receipt"
      status="success"
      title={<h1 className="lt-receipt-title">Đã tiếp nhận hồ sơ {receipt.dossierCode}</h1>}
      subTitle={receipt.receiptVi}
      extra={
        <Space wrap>
          <Button
            type="primary"
            loading={pending !== null}
            onClick={() =>
              void download(
                'land-registry',
                `/dossiers/${code}/forms/receipt`,
                `giay-tiep-nhan-${receipt.dossierCode}.pdf`,
              )
            }
          >
            In giấy tiếp nhận
          </Button>
          <Link to={`/ho-so/${code}`}>Xem hồ sơ {receipt.dossierCode}</Link>
          <Button onClick={onNext}>Tiếp nhận hồ sơ khác</Button>
        </Space>
      }
    >
      <Descriptions column={1} bordered size="small" layout={wide ? 'horizontal' : 'vertical'}>
        <Descriptions.Item label="Mã hồ sơ">{receipt.dossierCode}</Descriptions.Item>
        <Descriptions.Item label="Ngày tiếp nhận">
          {formatDate(receipt.receivedAt)}
        </Descriptions.Item>
        <Descriptions.Item label="Ngày hẹn trả kết quả">
          {formatDate(receipt.appointmentAt)} ({receipt.workingDays} ngày làm việc)
        </Descriptions.Item>
        {receipt.trackingSecret && (
          <Descriptions.Item label="Mã tra cứu">
            <strong className="lt-secret">{receipt.trackingSecret}</strong>
          </Descriptions.Item>
        )}
        {receipt.fees.map((f) => (
          <Descriptions.Item key={f.labelVi} label={f.labelVi}>
            {formatVnd(f.amountVnd)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {receipt.trackingSecret && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title="Mã tra cứu chỉ hiện một lần: hãy đọc hoặc in cho người nộp; người nộp giữ kín mã này."
        />
      )}
      <ApiErrorAlert error={error} />
    </Result>
  );
}
