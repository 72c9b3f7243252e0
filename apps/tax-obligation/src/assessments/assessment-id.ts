/** One assessment per revision of a dossier's slip; also the payment order id. */
export function assessmentId(dossierCode: string, slipRevision: number): string {
  return `${dossierCode}:R${slipRevision}`;
}
