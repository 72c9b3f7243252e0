import { Injectable } from '@nestjs/common';
import {
  MessageAcceptedResponse,
  SMS_GATEWAY_API,
  SmsMessageRequest,
} from '@lien-thong/agency-contracts';
import { AgencyClients } from '@lien-thong/resilience';

/** The SMS gateway, through its breaker. */
@Injectable()
export class SmsClient {
  constructor(private readonly agencies: AgencyClients) {}

  /** Safe to retry: the gateway delivers a re-sent messageId once. */
  send(request: SmsMessageRequest): Promise<MessageAcceptedResponse> {
    return this.agencies.get('sms').call<MessageAcceptedResponse>({
      method: 'POST',
      path: SMS_GATEWAY_API.messages,
      body: request,
      idempotent: true,
    });
  }
}
