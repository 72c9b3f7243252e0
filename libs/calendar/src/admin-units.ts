import { arr, bool, obj, oneOf, str } from './json-guard';
import adminUnitsJson from './data/admin-units.json';

/** Kinds of commune-level units under the 2025 two-level local government. */
export type CommuneKind = 'PHUONG' | 'XA' | 'DAC_KHU';

export interface Province {
  /** Two-digit code of the 2025 administrative map, e.g. `01` Hà Nội. */
  code: string;
  nameVi: string;
  codeConfirmed: boolean;
}

export interface Commune {
  code: string;
  provinceCode: string;
  nameVi: string;
  kind: CommuneKind;
  /**
   * Mountain, island, remote or disadvantaged commune: land procedures get extra working
   * days there (Decision 2304/QĐ-BNNMT of 2025). Feed it to `processingTime(..., { remote })`.
   */
  remote: boolean;
  remoteReasonVi?: string;
  codeConfirmed: boolean;
}

interface AdminUnits {
  provinces: Province[];
  communes: Commune[];
}

function parseAdminUnits(value: unknown): AdminUnits {
  const o = obj(value, 'adminUnits');
  const provinces = arr(o.provinces, 'adminUnits.provinces').map((item, i): Province => {
    const p = obj(item, `adminUnits.provinces[${i}]`);
    return {
      code: str(p.code, `adminUnits.provinces[${i}].code`),
      nameVi: str(p.nameVi, `adminUnits.provinces[${i}].nameVi`),
      codeConfirmed: bool(p.codeConfirmed, `adminUnits.provinces[${i}].codeConfirmed`),
    };
  });
  const communes = arr(o.communes, 'adminUnits.communes').map((item, i): Commune => {
    const path = `adminUnits.communes[${i}]`;
    const c = obj(item, path);
    const commune: Commune = {
      code: str(c.code, `${path}.code`),
      provinceCode: str(c.provinceCode, `${path}.provinceCode`),
      nameVi: str(c.nameVi, `${path}.nameVi`),
      kind: oneOf(c.kind, ['PHUONG', 'XA', 'DAC_KHU'] as const, `${path}.kind`),
      remote: bool(c.remote, `${path}.remote`),
      codeConfirmed: bool(c.codeConfirmed, `${path}.codeConfirmed`),
    };
    if (typeof c.remoteReasonVi === 'string') commune.remoteReasonVi = c.remoteReasonVi;
    return commune;
  });
  return { provinces, communes };
}

let cache: AdminUnits | undefined;
const units = (): AdminUnits => (cache ??= parseAdminUnits(adminUnitsJson));

/** The bundled provinces (sample: those the sample price tables use). */
export function provinces(): readonly Province[] {
  return units().provinces;
}

export function provinceByCode(code: string): Province | undefined {
  return units().provinces.find((p) => p.code === code);
}

/** A commune by its code, or undefined when the bundled list does not know it. */
export function communeByCode(code: string): Commune | undefined {
  return units().communes.find((c) => c.code === code);
}

export function communesOf(provinceCode: string): readonly Commune[] {
  return units().communes.filter((c) => c.provinceCode === provinceCode);
}
