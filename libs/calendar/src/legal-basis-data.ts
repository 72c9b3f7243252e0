import { LegalBasis } from './effective-dated';
import { arr, bool, obj, optStr, str } from './json-guard';

/** Reads a legal basis, or a list of them, from bundled JSON. Internal to this library. */
export function parseLegalBasis(value: unknown, path: string): LegalBasis {
  const o = obj(value, path);
  const basis: LegalBasis = { document: str(o.document, `${path}.document`) };
  const article = optStr(o.article, `${path}.article`);
  const noteVi = optStr(o.noteVi, `${path}.noteVi`);
  if (article !== undefined) basis.article = article;
  if (noteVi !== undefined) basis.noteVi = noteVi;
  if (o.confirmed !== undefined) basis.confirmed = bool(o.confirmed, `${path}.confirmed`);
  return basis;
}

export function parseLegalBases(value: unknown, path: string): LegalBasis[] {
  return arr(value, path).map((item, i) => parseLegalBasis(item, `${path}[${i}]`));
}
