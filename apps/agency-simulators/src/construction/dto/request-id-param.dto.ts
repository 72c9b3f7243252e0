import { IsIdempotencyId } from '@lien-thong/agency-contracts';

export class RequestIdParam {
  @IsIdempotencyId()
  requestId!: string;
}
