import { Injectable } from '@nestjs/common';
import {
  MessageAcceptedResponse,
  ZALO_GATEWAY_API,
  ZaloMessageRequest,
} from '@lien-thong/agency-contracts';
import { AgencyClients } from '@lien-thong/resilience';

/** The Zalo Official Account gateway, through its breaker. */
@Injectable()
export class ZaloClient {
  constructor(private readonly agencies: AgencyClients) {}

  /** Safe to retry: the gateway delivers a re-sent messageId once. */
  send(request: ZaloMessageRequest): Promise<MessageAcceptedResponse> {
    return this.agencies.get('zalo').call<MessageAcceptedResponse>({
      method: 'POST',
      path: ZALO_GATEWAY_API.messages,
      body: request,
      idempotent: true,
    });
  }
}
