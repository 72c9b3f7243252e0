import { Injectable } from '@nestjs/common';
import { LocalDate, vietnamDateOf } from '@lien-thong/calendar';
import { DomainException } from '@lien-thong/platform';
import {
  catalogueOn,
  FeeLine,
  feeProvinces,
  feesFor,
  ProcedureEntry,
  procedureOn,
  ProceduresErrorCode,
  ProceduresException,
} from '@lien-thong/procedures';
import { ProcedureDetailView, ProcedureFeesView, ProcedureView } from './dto/procedure-view.dto';

const NATIONAL_TAXES_NOTE_VI =
  'Chưa gồm thuế thu nhập cá nhân, lệ phí trước bạ và tiền sử dụng đất: cơ quan thuế xác định và thông báo riêng';

/** The public catalogue, as the law in force today (Vietnam time) describes it. */
@Injectable()
export class CatalogueService {
  list(today: LocalDate = vietnamDateOf(new Date())): ProcedureView[] {
    return catalogueOn(today).map(procedureView);
  }

  /** One procedure; with a province, its fees at the counter and online. */
  get(key: string, province?: string, today = vietnamDateOf(new Date())): ProcedureDetailView {
    const entry = answerFor(() => procedureOn(key, today));
    const view: ProcedureDetailView = procedureView(entry);
    if (province !== undefined) view.fees = feesView(entry, province, today);
    return view;
  }
}

function procedureView(entry: ProcedureEntry): ProcedureView {
  const view: ProcedureView = {
    key: entry.key,
    code: entry.code,
    codeConfirmed: entry.codeConfirmed,
    nameVi: entry.nameVi,
    legalBasis: entry.legalBasis,
    submitters: entry.submitters,
    submittersVi: entry.submittersVi,
    onlineLevel: entry.onlineLevel,
    documents: entry.documents,
    processing: {
      landOfficeWorkingDays: entry.landOffice.workingDays,
      remoteExtraWorkingDays: entry.landOffice.remoteExtraWorkingDays,
      ...(entry.sameWorkingDay ? { sameWorkingDay: entry.sameWorkingDay } : {}),
      agencies: entry.agencies,
      legalBasis: entry.landOffice.legalBasis,
    },
    agencies: [...new Set(entry.agencies.map((a) => a.agency))],
    feeCodes: entry.feeCodes,
    effectiveFrom: entry.effectiveFrom,
  };
  if (entry.effectiveTo !== undefined) view.effectiveTo = entry.effectiveTo;
  return view;
}

function feesView(entry: ProcedureEntry, provinceCode: string, on: LocalDate): ProcedureFeesView {
  const query = { procedure: entry.key, provinceCode, on };
  const counter = answerFor(() => feesFor({ ...query, channel: 'COUNTER' }));
  const online = answerFor(() => feesFor({ ...query, channel: 'ONLINE' }));
  return {
    provinceCode,
    provinceNameVi: feeProvinces().find((p) => p.code === provinceCode)?.nameVi ?? provinceCode,
    counter,
    online,
    counterTotalVnd: total(counter),
    onlineTotalVnd: total(online),
    noteVi: NATIONAL_TAXES_NOTE_VI,
  };
}

const total = (lines: readonly FeeLine[]) => lines.reduce((sum, l) => sum + l.amountVnd, 0);

/** The catalogue's coded errors as the answers a citizen reads. */
function answerFor<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof ProceduresException)) throw err;
    switch (err.code) {
      case ProceduresErrorCode.UNKNOWN_PROCEDURE:
      case ProceduresErrorCode.NOT_IN_FORCE:
        throw new DomainException('PROCEDURE.NOT_FOUND', 'Không tìm thấy thủ tục hành chính', 404);
      case ProceduresErrorCode.NO_FEE_SCHEDULE:
        throw new DomainException(
          'PROCEDURE.PROVINCE_NOT_COVERED',
          'Chưa có biểu phí, lệ phí của tỉnh, thành phố này',
          422,
        );
      case ProceduresErrorCode.FEE_NOT_SET:
        throw new DomainException(
          'PROCEDURE.FEES_NOT_SET',
          'Biểu phí của tỉnh, thành phố này chưa quy định đủ các khoản cho thủ tục',
          422,
        );
      case ProceduresErrorCode.INVALID_ARGUMENT:
      case ProceduresErrorCode.INVALID_DATA:
        throw err;
    }
  }
}
