import { IsIdempotencyId } from '@lien-thong/agency-contracts';

export class OrderIdParam {
  @IsIdempotencyId()
  orderId!: string;
}
