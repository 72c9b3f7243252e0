import { Injectable } from '@nestjs/common';
import type { DossierReceivedV1 } from '@lien-thong/contracts';
import { normalizeVnPhone } from '@lien-thong/agency-contracts';
import { ContactNotKnownYetError } from './contacts.exceptions';
import { ContactsRepository } from './contacts.repository';
import { Contact } from './schemas/contact.schema';

/** The projection of who to tell about each dossier. */
@Injectable()
export class ContactsService {
  constructor(private readonly repository: ContactsRepository) {}

  async record(received: DossierReceivedV1): Promise<Contact> {
    const { phone, email, zalo } = received.applicant.contact;
    const contact: Contact = {
      _id: received.dossierCode,
      fullName: received.applicant.fullName.trim(),
      phone: phone ? normalizeVnPhone(phone) : undefined,
      email: email?.trim() || undefined,
      zalo: zalo === true,
      receivedAt: new Date(received.receivedAt),
    };
    await this.repository.save(contact);
    return contact;
  }

  /** The contact of a dossier; throws a retryable error while it is not known yet. */
  async forDossier(dossierCode: string): Promise<Contact> {
    const contact = await this.repository.find(dossierCode);
    if (!contact) throw new ContactNotKnownYetError(dossierCode);
    return contact;
  }
}
