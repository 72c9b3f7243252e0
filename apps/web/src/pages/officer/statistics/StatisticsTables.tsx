import { ReactNode } from 'react';
import { Table, Typography } from 'antd';
import { AgencyCounts, ProcedureCounts, Statistics } from './statistics-api';

const n = (title: string, render: (p: ProcedureCounts) => number) => ({
  title,
  key: title,
  align: 'right' as const,
  render: (_: unknown, p: ProcedureCounts) => render(p),
});

/** The figures behind the charts, by procedure and by agency (the CSV has the same rows). */
export function StatisticsTables({ figures }: { figures: Statistics }) {
  return (
    <>
      <Typography.Title level={2}>Theo thủ tục</Typography.Title>
      <ScrollRegion label="Bảng theo thủ tục">
        <Table<ProcedureCounts>
          rowKey="procedure"
          size="small"
          pagination={false}
          dataSource={figures.byProcedure}
          columns={[
            { title: 'Thủ tục', dataIndex: 'procedureVi', key: 'procedureVi', minWidth: 200 },
            n('Tiếp nhận', (p) => p.received),
            n('Trực tuyến', (p) => p.receivedOnline),
            n('Trước hạn', (p) => p.resolved.early),
            n('Đúng hạn', (p) => p.resolved.onTime),
            n('Quá hạn', (p) => p.resolved.late),
            n('Đang giải quyết', (p) => p.inProgress.total),
            n('Đang quá hạn', (p) => p.inProgress.overdue),
            n('Từ chối', (p) => p.refused),
            n('Rút', (p) => p.withdrawn),
          ]}
        />
      </ScrollRegion>
      <Typography.Title level={2}>Theo cơ quan phối hợp</Typography.Title>
      <ScrollRegion label="Bảng theo cơ quan phối hợp">
        <Table<AgencyCounts>
          rowKey="agency"
          size="small"
          pagination={false}
          dataSource={figures.byAgency}
          columns={[
            { title: 'Cơ quan', dataIndex: 'agencyVi', key: 'agencyVi', minWidth: 200 },
            { title: 'Lần chuyển', dataIndex: 'handoffs', key: 'handoffs', align: 'right' },
            { title: 'Trả lời sau hạn', dataIndex: 'answeredLate', key: 'late', align: 'right' },
            { title: 'Đang giữ', dataIndex: 'stillHeld', key: 'held', align: 'right' },
            {
              title: 'Đang giữ quá hạn',
              dataIndex: 'heldPastDeadline',
              key: 'past',
              align: 'right',
            },
            {
              title: 'Số ngày làm việc giữ trung bình',
              dataIndex: 'averageWorkingDaysHeld',
              key: 'avg',
              align: 'right',
              render: (v: number | null) =>
                v === null ? '—' : v.toLocaleString('vi-VN', { maximumFractionDigits: 1 }),
            },
          ]}
        />
      </ScrollRegion>
    </>
  );
}

/**
 * A table wider than a phone scrolls sideways inside this region, which the keyboard can
 * reach and scroll (WCAG 2.1.1) and a screen reader names; the page itself never scrolls sideways.
 */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="lt-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
