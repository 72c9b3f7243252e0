/** How close a dossier is to its deadline (the land registry's timeliness of each dossier). */
export type Timeliness = 'EARLY' | 'ON_TIME' | 'DUE_SOON' | 'LATE';

const CLASS: Record<Timeliness, string> = {
  EARLY: 'lt-badge lt-badge-early',
  ON_TIME: 'lt-badge lt-badge-ontime',
  DUE_SOON: 'lt-badge lt-badge-soon',
  LATE: 'lt-badge lt-badge-late',
};

const VI: Record<Timeliness, string> = {
  EARLY: 'Trước hạn',
  ON_TIME: 'Đúng hạn',
  DUE_SOON: 'Sắp đến hạn',
  LATE: 'Quá hạn',
};

/** A coloured label that also says it in words (colour is never the only sign). */
export function TimelinessBadge({ value, label }: { value: Timeliness; label?: string }) {
  return <span className={CLASS[value]}>{label ?? VI[value]}</span>;
}
