import { IsIdempotencyId } from '@lien-thong/agency-contracts';

export class FilingIdParam {
  @IsIdempotencyId()
  filingId!: string;
}
