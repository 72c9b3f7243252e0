import { vietnamDateOf } from '@lien-thong/calendar';
import { catalogueOn, procedureOn, type RequiredDocument } from '@lien-thong/procedures';
import { Dossier, procedureOf } from '../dossiers/dossier';

/**
 * The documents the dossier's procedure asks for (the catalogue's checklist as in force the
 * day it was received, or today's if that entry is gone): what `kind` may name.
 */
export function checklistOf(d: Dossier): RequiredDocument[] {
  const key = procedureOf(d);
  try {
    return procedureOn(key, vietnamDateOf(d.receivedAt)).documents;
  } catch {
    return catalogueOn(vietnamDateOf(new Date())).find((e) => e.key === key)?.documents ?? [];
  }
}

export function kindVi(d: Dossier, kind: string): string | null {
  return checklistOf(d).find((doc) => doc.code === kind)?.nameVi ?? null;
}
