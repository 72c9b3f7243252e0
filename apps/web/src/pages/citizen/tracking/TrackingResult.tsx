import { Alert, Descriptions, Timeline, Typography } from 'antd';
import { ScrollTable } from '../../../app/ScrollTable';
import { formatDate, formatDateTime, formatVnd } from '../../../format/format';
import { TrackedDossier } from './tracking-api';

/** A dossier's progress in plain language: where it is, when it is due, what is owed. */
export function TrackingResult({ d }: { d: TrackedDossier }) {
  return (
    <section aria-labelledby="ket-qua-tra-cuu">
      <Typography.Title level={2} id="ket-qua-tra-cuu">
        Hồ sơ {d.dossierCode}
      </Typography.Title>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label="Thủ tục">{d.procedureVi ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Tình trạng">{d.statusVi ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Cơ quan đang giải quyết">{d.heldByVi ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Ngày tiếp nhận">{formatDate(d.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label="Ngày hẹn trả kết quả">
          <strong>{formatDate(d.appointmentAt)}</strong>
        </Descriptions.Item>
      </Descriptions>
      {d.waitingForVi && <Alert type="warning" showIcon title={d.waitingForVi} />}
      {d.refusalVi && <Alert type="error" showIcon title={`Lý do từ chối: ${d.refusalVi}`} />}
      {d.certificateVi && <Alert type="success" showIcon title={d.certificateVi} />}

      {d.toPay && (
        <>
          <Typography.Title level={3}>Số tiền cần nộp</Typography.Title>
          <ScrollTable
            label="Số tiền cần nộp"
            size="small"
            pagination={false}
            rowKey="noticeNumber"
            dataSource={d.toPay.notices}
            columns={[
              { title: 'Khoản phải nộp', dataIndex: 'labelVi' },
              { title: 'Số thông báo', dataIndex: 'noticeNumber' },
              {
                title: 'Số tiền',
                dataIndex: 'amountVnd',
                align: 'right',
                render: (v: number) => formatVnd(v),
              },
              { title: 'Hạn nộp', dataIndex: 'dueDate', render: (v: string) => formatDate(v) },
            ]}
          />
          <p>
            Tổng cộng: <strong>{formatVnd(d.toPay.totalVnd)}</strong>.{' '}
            {d.toPay.payUrl ? (
              // Underlined: a link inside a sentence is told apart by more than its colour.
              <a
                href={d.toPay.payUrl}
                rel="noopener noreferrer"
                style={{ textDecoration: 'underline' }}
              >
                Nộp tiền trực tuyến
              </a>
            ) : (
              'Nộp tại ngân hàng hoặc kho bạc theo số thông báo.'
            )}
          </p>
        </>
      )}
      {d.fees.length > 0 && (
        <>
          <Typography.Title level={3}>Phí, lệ phí</Typography.Title>
          <ul>
            {d.fees.map((f) => (
              <li key={f.labelVi}>
                {f.labelVi}: {formatVnd(f.amountVnd)} ({f.decisionVi})
              </li>
            ))}
          </ul>
        </>
      )}
      <Typography.Title level={3}>Các bước đã thực hiện</Typography.Title>
      <Timeline
        items={d.steps.map((s, i) => ({
          key: `${s.at}-${i}`,
          content: (
            <>
              <div>{s.noteVi}</div>
              <small>{formatDateTime(s.at)}</small>
            </>
          ),
        }))}
      />
    </section>
  );
}
