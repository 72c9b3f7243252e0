import { Descriptions, Timeline, Typography } from 'antd';
import { ScrollTable } from '../../../app/ScrollTable';
import { formatDate, formatDateTime, formatVnd } from '../../../format/format';
import { purposeNameVi } from '../../../forms';
import { actorVi, OfficerDossier, Person } from './dossier-api';

function People({ title, people }: { title: string; people: Person[] }) {
  if (people.length === 0) return null;
  return (
    <>
      <Typography.Title level={3}>{title}</Typography.Title>
      <ul>
        {people.map((p, i) => (
          <li key={`${p.citizenId ?? i}`}>
            <strong>{p.fullName}</strong>
            {p.citizenId && ` · Số định danh ${p.citizenId}`}
            {p.address && <div>{p.address}</div>}
          </li>
        ))}
      </ul>
    </>
  );
}

export function Parties({ d }: { d: OfficerDossier }) {
  return (
    <section aria-label="Các bên">
      <Typography.Title level={2}>Các bên</Typography.Title>
      <People title="Bên chuyển quyền" people={d.sellers} />
      <People title="Bên nhận quyền" people={d.buyers} />
      <p>
        Người nộp hồ sơ: {d.applicant.fullName ?? '—'}
        {d.applicant.phone && ` · ${d.applicant.phone}`}
      </p>
    </section>
  );
}

export function Parcel({ d }: { d: OfficerDossier }) {
  const { ref } = d.parcel;
  return (
    <section aria-label="Thửa đất">
      <Typography.Title level={2}>Thửa đất</Typography.Title>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="Thửa">
          Xã {ref.communeCode}, tờ bản đồ số {ref.mapSheetNumber}, thửa số {ref.parcelNumber}
        </Descriptions.Item>
        <Descriptions.Item label="Địa chỉ">{d.parcel.address}</Descriptions.Item>
        <Descriptions.Item label="Diện tích">
          {(d.parcel.areaTenthsM2 / 10).toLocaleString('vi-VN')} m²
        </Descriptions.Item>
        <Descriptions.Item label="Mục đích sử dụng">
          {purposeNameVi(d.parcel.purposeCode)}
        </Descriptions.Item>
      </Descriptions>
    </section>
  );
}

/** Tax notices line by line with their legal basis, the provincial fees, and the payment. */
export function Obligations({ d }: { d: OfficerDossier }) {
  return (
    <section aria-label="Nghĩa vụ tài chính">
      <Typography.Title level={2}>Nghĩa vụ tài chính</Typography.Title>
      {d.assessment ? (
        <ScrollTable
          label="Nghĩa vụ tài chính"
          size="small"
          pagination={false}
          rowKey="noticeNumber"
          dataSource={d.assessment.notices}
          columns={[
            { title: 'Khoản', dataIndex: 'labelVi' },
            {
              title: 'Số tiền',
              dataIndex: 'amountVnd',
              align: 'right',
              render: (v: number) => formatVnd(v),
            },
            { title: 'Hạn nộp', dataIndex: 'dueDate', render: (v: string) => formatDate(v) },
            {
              title: 'Căn cứ',
              render: (_: unknown, n) => [n.legalBasis, n.exemptionVi].filter(Boolean).join('; '),
            },
          ]}
        />
      ) : (
        <p>Chưa có thông báo của cơ quan thuế.</p>
      )}
      {d.fees.length > 0 && (
        <ul>
          {d.fees.map((f) => (
            <li key={f.labelVi}>
              {f.labelVi}: {formatVnd(f.amountVnd)} ({f.decisionVi})
            </li>
          ))}
        </ul>
      )}
      {d.payment && (
        <p>
          Đã nộp {formatVnd(d.payment.amountVnd)} lúc {formatDateTime(d.payment.paidAt)}
          {d.payment.late ? ' (nộp sau hạn)' : ''}.
        </p>
      )}
    </section>
  );
}

/** Who did what and when, with each step's deadline. */
export function History({ d }: { d: OfficerDossier }) {
  return (
    <section aria-label="Quá trình xử lý">
      <Typography.Title level={2}>Quá trình xử lý</Typography.Title>
      <Timeline
        items={d.timeline.map((t, i) => ({
          key: `${t.at}-${i}`,
          content: (
            <>
              <div>{t.noteVi}</div>
              <small>
                {formatDateTime(t.at)} · {actorVi(t.actor)}
                {t.deadlineAt ? ` · hạn ${formatDate(t.deadlineAt)}` : ''}
              </small>
            </>
          ),
        }))}
      />
    </section>
  );
}
