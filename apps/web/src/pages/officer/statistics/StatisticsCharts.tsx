import { BarChart, Series } from './BarChart';
import { Statistics } from './statistics-api';

const OUTCOMES: Series[] = [
  { name: 'Trước hạn', color: '#1e7b34' },
  { name: 'Đúng hạn', color: '#0b57d0' },
  { name: 'Quá hạn', color: '#b3261e' },
  { name: 'Đang giải quyết, trong hạn', color: '#5b6779' },
  { name: 'Đang giải quyết, quá hạn', color: '#a35200' },
];

const HANDOFFS: Series[] = [
  { name: 'Trả lời đúng hạn', color: '#1e7b34' },
  { name: 'Trả lời sau hạn', color: '#b3261e' },
  { name: 'Đang giữ, trong hạn', color: '#5b6779' },
  { name: 'Đang giữ, quá hạn', color: '#a35200' },
];

/** How each procedure's dossiers ended (or stand), and how each agency answered its hand-offs. */
export function StatisticsCharts({ figures }: { figures: Statistics }) {
  return (
    <div className="lt-charts">
      <BarChart
        title="Kết quả giải quyết theo thủ tục"
        series={OUTCOMES}
        bars={figures.byProcedure.map((p) => ({
          label: p.procedureVi,
          values: [
            p.resolved.early,
            p.resolved.onTime,
            p.resolved.late,
            p.inProgress.inTime,
            p.inProgress.overdue,
          ],
        }))}
      />
      <BarChart
        title="Hồ sơ chuyển sang cơ quan phối hợp"
        series={HANDOFFS}
        bars={figures.byAgency.map((a) => {
          const answered = a.handoffs - a.stillHeld;
          return {
            label: a.agencyVi,
            values: [
              Math.max(0, answered - a.answeredLate),
              a.answeredLate,
              Math.max(0, a.stillHeld - a.heldPastDeadline),
              a.heldPastDeadline,
            ],
          };
        })}
      />
    </div>
  );
}
