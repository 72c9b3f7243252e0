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
