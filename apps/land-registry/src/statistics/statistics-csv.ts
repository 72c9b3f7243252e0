import type { Counts, Statistics } from './statistics';

/** Excel reads a UTF-8 file as UTF-8 (Vietnamese letters intact) only when it starts with a BOM. */
const BOM = '\uFEFF';

const HEADER = [
  'Thủ tục',
  'Tiếp nhận',
  'Tiếp nhận trực tuyến',
  'Đã giải quyết',
  'Trước hạn',
  'Đúng hạn',
  'Quá hạn',
  'Đang giải quyết',
  'Trong hạn',
  'Đang quá hạn',
  'Rút hồ sơ',
  'Từ chối',
];

const AGENCY_HEADER = [
  'Cơ quan phối hợp',
  'Số lần chuyển hồ sơ',
  'Trả lời quá hạn',
  'Đang giữ',
  'Đang giữ quá hạn',
  'Số ngày làm việc giữ trung bình',
];

/** RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. */
function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (values: (string | number | null)[]) => values.map(field).join(',');

const countsLine = (label: string, c: Counts) =>
  line([
    label,
    c.received,
    c.receivedOnline,
    c.resolved.total,
    c.resolved.early,
    c.resolved.onTime,
    c.resolved.late,
    c.inProgress.total,
    c.inProgress.inTime,
    c.inProgress.overdue,
    c.withdrawn,
    c.refused,
  ]);

/** The statistics as a CSV table: one line per procedure and the total, then the agencies. */
export function statisticsCsv(s: Statistics): string {
  const lines = [
    line(HEADER),
    ...s.byProcedure.map((p) => countsLine(p.procedureVi, p)),
    countsLine('Tổng cộng', s),
    '',
    line(AGENCY_HEADER),
    ...s.byAgency.map((a) =>
      line([
        a.agencyVi,
        a.handoffs,
        a.answeredLate,
        a.stillHeld,
        a.heldPastDeadline,
        a.averageWorkingDaysHeld,
      ]),
    ),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
