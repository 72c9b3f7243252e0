import { DomainException } from '@lien-thong/platform';
import type { OfficerRef } from '../dossiers/dossier';

/** Why a step of the land office's review is not allowed to this person now (409 / 403). */
export class ReviewException extends DomainException {
  static heldByAnother(holder: OfficerRef): ReviewException {
    return new ReviewException(
      'REVIEW.HELD_BY_ANOTHER',
      `Hồ sơ đang do ${holder.describedAs} thẩm định; lãnh đạo có thể phân công lại`,
      409,
    );
  }

  static notYours(holder: OfficerRef | null): ReviewException {
    return new ReviewException(
      'REVIEW.NOT_ASSIGNED_TO_YOU',
      holder
        ? `Hồ sơ đang do ${holder.describedAs} thẩm định`
        : 'Cần nhận hồ sơ từ hàng chờ trước khi trình phê duyệt',
      409,
    );
  }

  static ownProposal(): ReviewException {
    return new ReviewException(
      'REVIEW.OWN_PROPOSAL',
      'Người trình không được tự phê duyệt hồ sơ của mình',
      403,
    );
  }

  static officerOutsideUnit(): ReviewException {
    return new ReviewException(
      'REVIEW.OFFICER_OUTSIDE_UNIT',
      'Chỉ phân công cho chuyên viên thuộc đơn vị xử lý hồ sơ',
      422,
    );
  }
}
