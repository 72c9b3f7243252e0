import data from './data/units.json';

interface Branch {
  code: string;
  nameVi: string;
  communes: string[];
}

const BRANCH_OF_COMMUNE = new Map<string, Branch>(
  (data.units as { branches: Branch[] }[]).flatMap((u) =>
    u.branches.flatMap((b) => b.communes.map((c) => [c, b] as const)),
  ),
);

/** The unit competent for a parcel: the branch serving its commune, else the province office. */
export function unitOfParcel(provinceCode: string, communeCode: string): string {
  const branch = BRANCH_OF_COMMUNE.get(communeCode);
  return branch && branch.code.startsWith(`${provinceCode}/`) ? branch.code : provinceCode;
}

const NAME_OF_UNIT = new Map<string, string>(
  (data.units as { code: string; nameVi: string; branches: Branch[] }[]).flatMap((u) => [
    [u.code, u.nameVi] as const,
    ...u.branches.map((b) => [b.code, b.nameVi] as const),
  ]),
);

/** The unit's name as officers and citizens read it ("Chi nhánh … khu vực Ba Đình"). */
export function unitNameVi(unit: string): string {
  return NAME_OF_UNIT.get(unit) ?? `Văn phòng đăng ký đất đai (${unit})`;
}

interface UnitCodes {
  codeUnit: string;
  identifier: string;
}

const CODES_OF_UNIT = new Map<string, UnitCodes>(
  (data.units as (UnitCodes & { code: string; branches: (UnitCodes & { code: string })[] })[])
    .flatMap((u) => [u, ...u.branches])
    .map((u) => [u.code, { codeUnit: u.codeUnit, identifier: u.identifier }] as const),
);

/**
 * How a unit names itself in the dossier codes it issues: each receiving unit numbers its own
 * dossiers (Decree 118/2025: the receiving unit's code begins the dossier code). The classic
 * format takes its short code, the centralized 2026 one its electronic identifier; a unit the
 * data does not list gets `fallback` (the service's configured UNIT_CODE).
 */
export function dossierCodeUnitOf(
  unit: string,
  format: 'CLASSIC' | 'CENTRALIZED_2026',
  fallback: string,
): string {
  const codes = CODES_OF_UNIT.get(unit);
  if (!codes) return fallback;
  return format === 'CENTRALIZED_2026' ? codes.identifier : codes.codeUnit;
}
