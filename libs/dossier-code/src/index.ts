export { DossierCodeErrorCode, DossierCodeException } from './errors';
export {
  dossierCodeFormat,
  dossierCodeFormats,
  formatDossierCode,
  isDossierCode,
  parseDossierCode,
} from './dossier-code';
export type { BundledFormatId, DossierCodeFormat, DossierCodeParts } from './dossier-code';
export { compileTemplate } from './template';
export type { CompiledTemplate, Token } from './template';
export { InMemoryDossierSequence, issueDossierCode, sequenceKey } from './sequence';
export type { DossierSequence, IssuedDossierCode } from './sequence';
export * from './identifiers';
