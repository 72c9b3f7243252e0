/**
 * A procedure's form as data: the sections and fields the counter officer (or the citizen
 * online) fills in, named by the paths of the land registry's intake body. One renderer
 * (ProcedureFormFields) and one validation hook serve every procedure; a new procedure is a
 * new file in ./procedures and a line in its index.
 */
export type ProcedureKey =
  | 'TRANSFER'
  | 'INHERITANCE'
  | 'MORTGAGE'
  | 'MORTGAGE_RELEASE'
  | 'PURPOSE_CHANGE'
  | 'HOUSE_REGISTRATION';

export type Channel = 'COUNTER' | 'ONLINE';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'citizenId'
  | 'phone'
  | 'email'
  | 'date'
  | 'integer'
  | 'vnd'
  /** Typed in m² with one decimal ("120,5"), held as the API's tenths of a m² (1205). */
  | 'areaM2'
  | 'select'
  | 'boolean';

export interface Option {
  value: string;
  label: string;
}

export interface FieldSpec {
  /** The body path, dotted, from the form's root (or from a list item): "parcel.communeCode". */
  name: string;
  labelVi: string;
  kind: FieldKind;
  /** Shown as required; the API says what is missing, in its own words. */
  required?: boolean;
  options?: Option[];
  helpVi?: string;
  autoComplete?: string;
}

/** Fields asked once. */
export interface GroupSection {
  kind: 'group';
  key: string;
  titleVi: string;
  descriptionVi?: string;
  fields: FieldSpec[];
}

/** A list of people (sellers, buyers, heirs): one card each, added and removed. */
export interface ListSection {
  kind: 'list';
  key: string;
  titleVi: string;
  /** The body's array: "sellers". */
  name: string;
  /** "Bên chuyển nhượng" → cards "Bên chuyển nhượng 1", "… 2". */
  itemTitleVi: string;
  min: number;
  max: number;
  fields: FieldSpec[];
  /** A new item's values (e.g. relationship NONE). */
  newItem?: Record<string, unknown>;
}

export type FormSection = GroupSection | ListSection;

/** What the cadastral book says of a parcel (GET /parcels/...), for filling a form from it. */
export interface ParcelRecord {
  ref: { communeCode: string; mapSheetNumber: number; parcelNumber: number };
  address: string;
  areaTenthsM2: number;
  purposeCode: string;
  certificate: { serial: string; issuedOn?: string };
  owners: {
    fullName: string;
    citizenId: string;
    address: string;
    shareNumerator?: number;
    shareDenominator?: number;
  }[];
}

export type FormValues = Record<string, unknown>;

export interface ProcedureFormSpec {
  key: ProcedureKey;
  titleVi: string;
  /** The intake route; its live validation is `${route}/validation`. */
  route: string;
  sections: FormSection[];
  initialValues: FormValues;
  /**
   * Errors the API reports on a field the form has no input for, shown on one it has:
   * `parcel` (not found, has an unfinished dossier) on the parcel number.
   */
  errorAliases?: Record<string, string>;
  /** What the parcel's record fills in (the certificate, its holders as the sellers). */
  fillFromParcel?: (parcel: ParcelRecord) => FormValues;
}
