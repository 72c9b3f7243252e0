import { Injectable } from '@nestjs/common';
import {
  EMAIL_GATEWAY_API,
  EmailMessageRequest,
  MessageAcceptedResponse,
} from '@lien-thong/agency-contracts';
import { AgencyClients } from '@lien-thong/resilience';

/** The e-mail gateway, through its breaker. */
@Injectable()
export class EmailClient {
  constructor(private readonly agencies: AgencyClients) {}

  /** Safe to retry: the gateway delivers a re-sent messageId once. */
  send(request: EmailMessageRequest): Promise<MessageAcceptedResponse> {
    return this.agencies.get('email').call<MessageAcceptedResponse>({
      method: 'POST',
      path: EMAIL_GATEWAY_API.messages,
      body: request,
      idempotent: true,
    });
  }
}
