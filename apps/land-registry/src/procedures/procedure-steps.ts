import type { EncumbranceV1, ProcedureKey } from '@lien-thong/contracts';
import type { Dossier } from '../dossiers/dossier';
import type { Emission } from '../workflow/transition';

/** Why an encumbrance stops a dossier, in a citizen's words, with a stable code. */
export interface Refusal {
  code: string;
  reasonVi: string;
}

/**
 * What differs between procedures in the saga: everything else (checks, tax, payment, the
 * land office's review and approval, withdrawal, compensation) is shared. Pure decisions.
 */
export interface ProcedureSteps {
  key: ProcedureKey;
  /** "Đăng ký thế chấp quyền sử dụng đất", as the timeline and notices name it. */
  nameVi: string;
  /**
   * What follows a clear check on receipt: a slip to tax (obligations to assess), a request
   * to the construction authority, or straight to the land office's review.
   */
  afterReceiptCheck: 'TAX_SLIP' | 'CONSTRUCTION_OPINION' | 'REVIEW';
  /** The slip to the tax authority, for procedures with obligations. */
  slip?: (d: Dossier, revision: number, at: Date) => Emission;
  /** Which inter-agency rule gives tax its deadline (processing-times data). */
  taxRule?: string;
  /** Whether the registry's answer stops this procedure (Land Law 2024 art. 45 and others). */
  blocks: (d: Dossier, result: EncumbranceV1) => Refusal | null;
  /** What registration records and announces beyond DossierRegistered. */
  registration: (
    d: Dossier,
    at: Date,
  ) => { noteVi: string; set?: Partial<Dossier>; emit: Emission[] };
}

/** BLOCKED and DISPUTED stop every procedure that changes the right (Land Law 2024 art. 45). */
export function holdOrDispute(result: EncumbranceV1): Refusal | null {
  switch (result.status) {
    case 'BLOCKED':
      return {
        code: 'PARCEL.BLOCKED',
        reasonVi: `Thửa đất đang bị ngăn chặn theo văn bản số ${result.hold?.documentNumber ?? '—'} của ${result.hold?.authority ?? 'cơ quan có thẩm quyền'}`,
      };
    case 'DISPUTED':
      return {
        code: 'PARCEL.DISPUTED',
        reasonVi: `Thửa đất đang có tranh chấp: ${result.dispute?.description ?? 'đang được giải quyết'} (${result.dispute?.authority ?? ''})`,
      };
    case 'CLEAR':
    case 'MORTGAGED':
      return null;
  }
}

/**
 * A mortgaged right may be transferred (or pass to heirs) only with the mortgagee's consent
 * (Civil Code art. 320–321); holds and disputes stop it as any change.
 */
export function mortgageNeedsConsent(d: Dossier, result: EncumbranceV1): Refusal | null {
  if (result.status !== 'MORTGAGED') return holdOrDispute(result);
  if (d.transfer?.mortgageeConsent) return null;
  return {
    code: 'PARCEL.MORTGAGED',
    reasonVi: `Thửa đất đang thế chấp tại ${result.mortgage?.mortgagee ?? 'bên nhận thế chấp'} (số đăng ký ${result.mortgage?.registrationNumber ?? '—'}) mà hồ sơ không có văn bản đồng ý của bên nhận thế chấp`,
  };
}

/** The certificate words of a registration: annotated, or a new certificate issued. */
export function certificateWordsVi(d: Dossier): string {
  const outcome = d.certificateOutcome;
  if (!outcome) return '';
  return outcome.choice === 'NEW_CERTIFICATE'
    ? `cấp Giấy chứng nhận mới số ${outcome.serial}`
    : `xác nhận thay đổi trên Giấy chứng nhận số ${outcome.serial}`;
}
