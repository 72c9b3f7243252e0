import { Injectable } from '@nestjs/common';
import type { AgencyErrorBody } from '@lien-thong/agency-contracts';
import { AgencyRejectedError } from '@lien-thong/resilience';
import { EmailClient } from '../agencies/email.client';
import { SmsClient } from '../agencies/sms.client';
import { ZaloClient } from '../agencies/zalo.client';
import type { NewDelivery } from './attempt';

/** Hands a delivery to its channel's gateway, with the delivery id as messageId. */
@Injectable()
export class ChannelSender {
  constructor(
    private readonly sms: SmsClient,
    private readonly email: EmailClient,
    private readonly zalo: ZaloClient,
  ) {}

  async send(delivery: NewDelivery): Promise<void> {
    const base = { messageId: delivery._id, dossierCode: delivery.dossierCode, to: delivery.to };
    switch (delivery.channel) {
      case 'SMS':
        await this.sms.send({ ...base, text: delivery.text ?? '' });
        return;
      case 'ZALO':
        await this.zalo.send({ ...base, text: delivery.text ?? '' });
        return;
      case 'EMAIL':
        await this.email.send({
          ...base,
          subject: delivery.subject ?? '',
          body: delivery.body ?? '',
        });
        return;
    }
  }
}

/** Why a gateway refused a message, as an officer reads it in the timeline. */
export function rejectionReason(err: AgencyRejectedError): string {
  const body = (
    typeof err.body === 'object' && err.body !== null ? err.body : {}
  ) as Partial<AgencyErrorBody>;
  const detail = body.errors?.[0]?.message ?? body.message ?? err.message;
  return `${detail} (HTTP ${err.status}${body.code ? `, ${body.code}` : ''})`;
}
