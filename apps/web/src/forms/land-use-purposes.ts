import type { Option } from './form-spec';

/**
 * Names of land-use purposes as Circular 08/2024/TT-BTNMT writes them, by the code the
 * cadastral book holds (the same table as libs/tax-rules' PURPOSE_NAMES_VI, which the
 * browser bundle does not import).
 */
export const PURPOSE_NAMES_VI: Record<string, string> = {
  ODT: 'Đất ở tại đô thị',
  ONT: 'Đất ở tại nông thôn',
  CLN: 'Đất trồng cây lâu năm',
  HNK: 'Đất trồng cây hằng năm khác',
  LUC: 'Đất chuyên trồng lúa',
  NTS: 'Đất nuôi trồng thủy sản',
  TMD: 'Đất thương mại, dịch vụ',
  SKC: 'Đất cơ sở sản xuất phi nông nghiệp',
};

/** A purpose as a person reads it; a code the table lacks is shown as it is. */
export function purposeNameVi(code: string): string {
  return PURPOSE_NAMES_VI[code] ?? code;
}

/** Purposes as the options of a select, in the order given. */
export function purposeOptions(codes: readonly string[]): Option[] {
  return codes.map((value) => ({ value, label: purposeNameVi(value) }));
}
