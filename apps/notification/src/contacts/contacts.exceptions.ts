/**
 * An event about a dossier arrived before its DossierReceived (they travel on different
 * topics, so their order is not guaranteed). Deliberately NOT a DomainException: the
 * pipeline must retry it later, not dead-letter it.
 */
export class ContactNotKnownYetError extends Error {
  readonly code = 'NOTIFICATION.CONTACT_NOT_KNOWN_YET';

  constructor(readonly dossierCode: string) {
    super(`no contact yet for dossier ${dossierCode}: its DossierReceived has not arrived`);
    this.name = 'ContactNotKnownYetError';
  }
}
