import { vietnamDateOf } from '@lien-thong/calendar';
import type { Dossier } from './dossier';
import { isLateSoon } from './deadlines';

/**
 * How a dossier stands against its appointment (Circular 01/2018/TT-VPCP, Article 24: results
 * returned before, on or after the appointment): EARLY resolved before the appointment's day,
 * ON_TIME on it (or still running with time left), DUE_SOON within a working day of it, LATE
 * past it.
 */
export const TIMELINESS = ['EARLY', 'ON_TIME', 'DUE_SOON', 'LATE'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export const TIMELINESS_VI: Record<Timeliness, string> = {
  EARLY: 'Trước hạn',
  ON_TIME: 'Đúng hạn',
  DUE_SOON: 'Sắp đến hạn',
  LATE: 'Quá hạn',
};

type Dated = Pick<
  Dossier,
  'appointmentAt' | 'dueAt' | 'delay' | 'registeredAt' | 'finishedAt' | 'status'
>;

/**
 * The deadline the dossier is held to: the appointment moved by the pauses, or the one
 * delayed appointment of the apology letter (form 04) when later; null while the clock is
 * stopped (the dossier is with the citizen or at tax).
 */
export function deadlineOf(d: Dated): Date | null {
  if (!d.dueAt) return finishedAt(d) ? (d.delay?.newAppointmentAt ?? d.appointmentAt) : null;
  const delayed = d.delay?.newAppointmentAt;
  return delayed && new Date(delayed) > new Date(d.dueAt) ? delayed : d.dueAt;
}

/** When the land office was done with it: registered, refused or withdrawn. */
export function finishedAt(d: Dated): Date | null {
  return d.registeredAt ?? d.finishedAt ?? null;
}

/** Where the dossier stands at `now` (finished ones: when they finished, by calendar day). */
export function timelinessOf(d: Dated, now: Date): Timeliness {
  const deadline = deadlineOf(d);
  const done = finishedAt(d);
  if (done && done <= now) {
    if (!deadline) return 'ON_TIME';
    const [day, due] = [vietnamDateOf(done), vietnamDateOf(deadline)];
    return day < due ? 'EARLY' : day === due ? 'ON_TIME' : 'LATE';
  }
  if (!deadline) return 'ON_TIME';
  if (now.getTime() > new Date(deadline).getTime()) return 'LATE';
  return isLateSoon(new Date(deadline), now) ? 'DUE_SOON' : 'ON_TIME';
}
