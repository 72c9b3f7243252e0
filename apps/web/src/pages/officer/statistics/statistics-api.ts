/** The land registry's GET /statistics: a unit's figures over a period, counted by the service. */
export interface Counts {
  received: number;
  receivedOnline: number;
  resolved: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; inTime: number; overdue: number };
  withdrawn: number;
  refused: number;
}

export interface ProcedureCounts extends Counts {
  procedure: string;
  procedureVi: string;
}

export interface AgencyCounts {
  agency: string;
  agencyVi: string;
  handoffs: number;
  answeredLate: number;
  stillHeld: number;
  heldPastDeadline: number;
  averageWorkingDaysHeld: number | null;
}

export interface Statistics extends Counts {
  unit: string;
  from: string;
  to: string;
  onlineShare: number | null;
  byProcedure: ProcedureCounts[];
  byAgency: AgencyCounts[];
}

export interface StatisticsQuery {
  from: string;
  to: string;
  /** The officer's own unit when absent; a province code covers all its branches. */
  unit?: string;
}

/** The units an officer may ask for: their own and, for a branch, its whole province. */
export function unitChoices(unit: string | undefined): { value: string; label: string }[] {
  if (!unit) return [];
  const province = unit.split('/')[0];
  return province === unit
    ? [{ value: unit, label: `Toàn tỉnh (${unit})` }]
    : [
        { value: unit, label: `Đơn vị của tôi (${unit})` },
        { value: province, label: `Toàn tỉnh (${province})` },
      ];
}

/** 0.4 → "40%"; no dossier received → "—". */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}
