import { Injectable } from '@nestjs/common';
import { DomainException } from '@lien-thong/platform';
import {
  DeliveredMessage,
  DeliveredMessageList,
  DeliveredMessageQuery,
  EmailMessageRequest,
  MESSAGING_ERRORS,
  MessageAcceptedResponse,
  MessageChannel,
  normalizeVnPhone,
  SmsMessageRequest,
} from '@lien-thong/agency-contracts';
import { fingerprint } from '../common/fingerprint';
import { MessagingGatewaysRepository } from './messaging-gateways.repository';
import { AcceptedMessage } from './schemas/accepted-message.schema';
import { mustExist } from '../common/must-exist';

type MessageContent = Pick<AcceptedMessage, 'to' | 'dossierCode' | 'text' | 'subject' | 'body'>;

function accepted(message: AcceptedMessage): MessageAcceptedResponse {
  return { messageId: message.messageId, status: 'ACCEPTED', acceptedAt: message.acceptedAt };
}

function delivered(message: AcceptedMessage): DeliveredMessage {
  const { _id: _key, requestHash: _hash, ...visible } = message;
  return visible;
}

/**
 * The three gateways share one store: what the chaos audit asks is "which messages did this
 * citizen get, on any channel", and a re-sent messageId must show up once.
 */
@Injectable()
export class MessagingGatewaysService {
  constructor(private readonly repository: MessagingGatewaysRepository) {}

  acceptText(
    channel: 'sms' | 'zalo',
    request: SmsMessageRequest,
  ): Promise<MessageAcceptedResponse> {
    const { messageId, to, text } = request;
    return this.accept(channel, messageId, {
      to: normalizeVnPhone(to),
      text,
      dossierCode: request.dossierCode ?? undefined,
    });
  }

  acceptEmail(request: EmailMessageRequest): Promise<MessageAcceptedResponse> {
    // A null dossierCode (allowed as "none") is stored as none, not echoed back as null
    // (found by the API fuzzer: the list then broke its own contract).
    const { messageId, to, subject, body } = request;
    const dossierCode = request.dossierCode ?? undefined;
    return this.accept('email', messageId, { to, subject, body, dossierCode });
  }

  async list(query: DeliveredMessageQuery): Promise<DeliveredMessageList> {
    const to = query.to && query.channel !== 'email' ? normalizeVnPhone(query.to) : query.to;
    const messages = (await this.repository.list({ ...query, to })).map(delivered);
    return { count: messages.length, messages };
  }

  private async accept(
    channel: MessageChannel,
    messageId: string,
    content: MessageContent,
  ): Promise<MessageAcceptedResponse> {
    const id = `${channel}:${messageId}`;
    const requestHash = fingerprint(content);
    const existing = await this.repository.find(id);
    if (existing) return this.replay(existing, requestHash);
    const message: AcceptedMessage = {
      _id: id,
      channel,
      messageId,
      ...content,
      requestHash,
      acceptedAt: new Date().toISOString(),
    };
    if (await this.repository.insert(message)) return accepted(message);
    return this.replay(mustExist(await this.repository.find(id), `message ${id}`), requestHash);
  }

  private replay(message: AcceptedMessage, requestHash: string): MessageAcceptedResponse {
    if (message.requestHash !== requestHash) {
      throw new DomainException(
        MESSAGING_ERRORS.MESSAGE_ID_REUSED,
        'Mã tin nhắn đã được dùng cho một tin nhắn khác trên cùng kênh',
        409,
      );
    }
    return accepted(message);
  }
}
