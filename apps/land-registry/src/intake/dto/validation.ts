import { describeValidator } from '@lien-thong/platform';

/**
 * The field validators of the land registry's requests are the event contracts' own
 * (libs/contracts, validation): what the API accepts is what every downstream event
 * accepts, so no accepted dossier can become a poison message. Here, what the OpenAPI
 * documents can say of them (the province code, the birth year, "not after today" and
 * the character classes stay in the checks).
 */
export {
  IsCertificateSerial,
  IsCitizenId,
  IsContractDate,
  IsPastLocalDate,
  IsPersonName,
  IsPlainText,
  normaliseCertificateSerial,
  normaliseText,
} from '@lien-thong/contracts';

describeValidator('isCitizenId', { type: 'string', pattern: '^\\d{12}$' });
describeValidator('isPastLocalDate', { type: 'string', format: 'date' });
describeValidator('isContractDate', { type: 'string', format: 'date' });
describeValidator('isPersonName', { type: 'string', minLength: 2, maxLength: 100 });
describeValidator('isPlainText', { type: 'string' });
