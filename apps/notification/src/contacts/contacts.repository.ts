import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Contact } from './schemas/contact.schema';

@Injectable()
export class ContactsRepository {
  constructor(@InjectModel(Contact.name) private readonly contacts: Model<Contact>) {}

  /** Creates or refreshes a dossier's contact; a redelivered event writes the same values. */
  async save(contact: Contact): Promise<void> {
    const { _id, ...fields } = contact;
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const unset = Object.fromEntries(
      Object.entries(fields)
        .filter(([, v]) => v === undefined)
        .map(([k]) => [k, 1]),
    );
    const update = Object.keys(unset).length > 0 ? { $set: set, $unset: unset } : { $set: set };
    await this.contacts.updateOne({ _id }, update, { upsert: true });
  }

  find(dossierCode: string): Promise<Contact | null> {
    return this.contacts.findById(dossierCode).lean<Contact>().exec();
  }
}
