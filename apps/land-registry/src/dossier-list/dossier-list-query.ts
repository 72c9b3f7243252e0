import { addDays, vietnamDateOf, vietnamInstant } from '@lien-thong/calendar';
import { DomainException } from '@lien-thong/platform';
import { DOSSIER_CODE_PATTERN } from '../dossiers/dossier-code';
import { DossierStatus, UNFINISHED } from '../dossiers/dossier';
import { dueSoonUntil } from '../dossiers/deadlines';

/** What the officers' list may be narrowed by (all optional). */
export interface ListFilters {
  status?: DossierStatus;
  procedure?: string;
  channel?: 'ONLINE' | 'COUNTER';
  due?: 'today' | 'overdue' | 'soon';
  q?: string;
}

export type SearchKind = 'code' | 'parcel' | 'citizenId' | 'name';

type Filter = Record<string, unknown>;

const CODE = new RegExp(DOSSIER_CODE_PATTERN);
const PARCEL = /^(\d{5})\/(\d{1,5})\/(\d{1,7})$/;
const CITIZEN_ID = /^\d{12}$/;

/** How the search text is read: a dossier code, a parcel "commune/sheet/parcel", an ID, a name. */
export function searchKind(q: string): SearchKind {
  if (CITIZEN_ID.test(q)) return 'citizenId';
  if (PARCEL.test(q)) return 'parcel';
  // Codes have dashes and digits ("VPDKHN-261123-0001"); a name typed in capitals has neither.
  if (CODE.test(q) && q.includes('-') && /\d/.test(q)) return 'code';
  return 'name';
}

/** The dossiers a unit covers: its own, its branches' ("01" covers "01/CN-…"), those it received. */
export function coveredBy(unit: string): Filter {
  const below = { $gt: `${unit}/`, $lt: `${unit}0` };
  return {
    $or: [{ unit }, { unit: below }, { receivingUnit: unit }, { receivingUnit: below }],
  };
}

function search(q: string): Filter {
  switch (searchKind(q)) {
    case 'code':
      return { _id: q };
    case 'parcel': {
      const [, communeCode, sheet, parcel] = PARCEL.exec(q) as RegExpExecArray;
      return {
        'parcel.ref.communeCode': communeCode,
        'parcel.ref.mapSheetNumber': Number(sheet),
        'parcel.ref.parcelNumber': Number(parcel),
      };
    }
    case 'citizenId':
      return {
        $or: [{ applicantCitizenId: q }, { 'sellers.citizenId': q }, { 'buyers.citizenId': q }],
      };
    case 'name': {
      const name = { $regex: q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' };
      return {
        $or: [
          { 'applicant.fullName': name },
          { 'sellers.fullName': name },
          { 'buyers.fullName': name },
        ],
      };
    }
  }
}

/**
 * The deadline a running dossier is held to falls in `range`: the current deadline, or the
 * delayed appointment of the apology letter once there is one (see dossiers/timeliness.ts).
 */
function deadlineIn(range: Filter): Filter {
  return {
    status: { $in: UNFINISHED },
    $or: [
      { delay: null, dueAt: range },
      { 'delay.newAppointmentAt': range, dueAt: { $ne: null } },
    ],
  };
}

function due(kind: NonNullable<ListFilters['due']>, now: Date): Filter {
  if (kind === 'overdue') return deadlineIn({ $lt: now });
  if (kind === 'soon') return deadlineIn({ $gte: now, $lte: dueSoonUntil(now) });
  const today = vietnamDateOf(now);
  return deadlineIn({
    $gte: vietnamInstant(today, '00:00'),
    $lt: vietnamInstant(addDays(today, 1), '00:00'),
  });
}

/** Where the next page starts: after the last row's receipt time and code (newest first). */
export interface Cursor {
  receivedAt: Date;
  code: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.receivedAt.toISOString(), c.code])).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const [at, code] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    const receivedAt = new Date(at as string);
    if (typeof code === 'string' && !Number.isNaN(receivedAt.getTime()))
      return { receivedAt, code };
  } catch {
    // answered below, as any other unreadable cursor
  }
  throw new DomainException(
    'LIST.CURSOR_INVALID',
    'Con trỏ trang không hợp lệ; hãy tải lại danh sách từ trang đầu',
    400,
  );
}

/** The database filter of one page of a unit's list. */
export function listFilter(unit: string, filters: ListFilters, now: Date, after?: Cursor): Filter {
  const and: Filter[] = [coveredBy(unit)];
  if (filters.status) and.push({ status: filters.status });
  // Dossiers stored before there were several procedures have none: transfers.
  if (filters.procedure)
    and.push(
      filters.procedure === 'TRANSFER'
        ? { procedure: { $in: ['TRANSFER', null] } }
        : { procedure: filters.procedure },
    );
  if (filters.channel) and.push({ channel: filters.channel });
  if (filters.due) and.push(due(filters.due, now));
  if (filters.q) and.push(search(filters.q));
  if (after)
    and.push({
      $or: [
        { receivedAt: { $lt: after.receivedAt } },
        { receivedAt: after.receivedAt, _id: { $lt: after.code } },
      ],
    });
  return { $and: and };
}
