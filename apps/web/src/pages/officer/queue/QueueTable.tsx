import { Link } from 'react-router';
import { ScrollTable } from '../../../app/ScrollTable';
import { formatDate } from '../../../format/format';
import { TimelinessBadge } from '../../../format/TimelinessBadge';
import { CHANNEL_VI, QueueRow } from './queue-api';

function due(row: QueueRow) {
  const days =
    row.workingDaysLeft === null
      ? 'tạm dừng tính thời gian'
      : row.workingDaysLeft < 0
        ? `quá ${-row.workingDaysLeft} ngày làm việc`
        : `còn ${row.workingDaysLeft} ngày làm việc`;
  return (
    <>
      <div>{formatDate(row.currentDeadline)}</div>
      <TimelinessBadge value={row.timeliness} label={`${row.timelinessVi}: ${days}`} />
    </>
  );
}

/** The unit's dossiers, one row each, the code opening the dossier page. */
export function QueueTable({ rows, loading }: { rows: QueueRow[]; loading: boolean }) {
  return (
    <ScrollTable<QueueRow>
      label="Hồ sơ của đơn vị"
      rowKey="dossierCode"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      size="middle"
      columns={[
        {
          title: 'Mã hồ sơ',
          dataIndex: 'dossierCode',
          fixed: 'left',
          render: (code: string) => <Link to={`/ho-so/${encodeURIComponent(code)}`}>{code}</Link>,
        },
        // On a phone: the code, the deadline and the status; the rest from a tablet up.
        { title: 'Thủ tục', dataIndex: 'procedureVi', responsive: ['md'] },
        {
          title: 'Người nộp',
          responsive: ['md'],
          render: (_: unknown, r) => (
            <>
              <div>{r.applicantName}</div>
              <small>{CHANNEL_VI[r.channel]}</small>
            </>
          ),
        },
        { title: 'Thửa đất', dataIndex: 'parcel', responsive: ['md'] },
        {
          title: 'Ngày nhận',
          dataIndex: 'receivedAt',
          responsive: ['md'],
          render: (v: string) => formatDate(v),
        },
        { title: 'Hạn giải quyết', render: (_: unknown, r) => due(r) },
        { title: 'Tình trạng', dataIndex: 'statusVi' },
        {
          title: 'Đang giữ',
          responsive: ['md'],
          render: (_: unknown, r) => (
            <>
              <div>{r.assignee ?? r.heldByVi}</div>
              {r.waitingForAgencyVi && <small>Chờ: {r.waitingForAgencyVi}</small>}
            </>
          ),
        },
      ]}
    />
  );
}
