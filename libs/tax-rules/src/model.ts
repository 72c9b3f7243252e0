import { LegalBasis, LocalDate } from '@lien-thong/calendar';

/** Land-use purpose codes of Circular 08/2024/TT-BTNMT used by this library. */
export const LAND_USE_PURPOSES = ['ODT', 'ONT', 'CLN', 'HNK', 'LUC', 'NTS', 'TMD', 'SKC'] as const;
export type LandUsePurpose = (typeof LAND_USE_PURPOSES)[number];

/** How the right passes. Decides which obligations arise and which exemptions can apply. */
export const TRANSFER_KINDS = ['SALE', 'GIFT', 'INHERITANCE', 'DIVORCE_DIVISION'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

/**
 * Family tie between a transferor and the recipient, as listed by the PIT Law art. 4 and
 * Decree 10/2022 art. 10.10. Symmetric: a parent giving to a child and a child giving to a
 * parent are both `PARENT_CHILD`. `SIBLING` means full siblings (anh, chị, em ruột).
 */
export const RELATIONSHIPS = [
  'SPOUSE',
  'PARENT_CHILD',
  'ADOPTIVE_PARENT_CHILD',
  'PARENT_IN_LAW_CHILD_IN_LAW',
  'GRANDPARENT_GRANDCHILD',
  'SIBLING',
  'NONE',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** A co-owner's part of the right, e.g. 1/2. */
export interface Share {
  numerator: number;
  denominator: number;
}

/** Facts for the sole-residence exemption (PIT Law art. 4.2), judged per co-owner. */
export interface SoleResidenceFacts {
  ownsOtherResidentialProperty: boolean;
  /** Date of the certificate that gave this co-owner the right. */
  certificateIssuedOn: LocalDate;
  /** The whole house or residential land is transferred, not part of it. */
  transfersWhole: boolean;
}

/** A seller, donor or co-heir: one taxpayer for the income tax. */
export interface Transferor {
  id: string;
  nameVi?: string;
  /** Omit for every co-owner to mean equal shares (no document says otherwise). */
  share?: Share;
  relationshipToRecipient: Relationship;
  soleResidence?: SoleResidenceFacts;
}

export interface Party {
  id: string;
  nameVi?: string;
}

/** Where a parcel sits in the provincial land price table. */
export interface LandLocation {
  provinceCode: string;
  communeCode: string;
  /** Street segment or zone code of the price table. */
  zoneCode: string;
  /** Position (vị trí) 1, 2, 3 … within the zone. */
  position: number;
}

export interface ParcelInput {
  /** Area in tenths of a m² (100.0 m² → 1000); see `parseAreaM2`. */
  areaTenthsM2: number;
  purpose: LandUsePurpose;
  location: LandLocation;
}

/**
 * A house on the land, valued as the registration-fee house price: floor area × new-build
 * price per m² from the provincial table × remaining quality.
 */
export interface HouseInput {
  floorAreaTenthsM2: number;
  unitPriceVnd: bigint;
  remainingQualityPercent: number;
}

/** Everything the tax authority needs from the transfer slip (form 19, Decree 151/2025). */
export interface TransferInput {
  kind: TransferKind;
  transferors: Transferor[];
  recipient: Party;
  parcel: ParcelInput;
  house?: HouseInput;
  /**
   * The part of the parcel's rights transferred, when co-owners transfer only their shares
   * (one of two co-owners sells her half): the table value is of this part, the contract
   * price is for it, and the transferors' shares are shares of it (they add up to 1).
   * Missing: the whole parcel.
   */
  transferredShare?: { numerator: number; denominator: number };
  /** Price in the contract; missing, null or zero means the price table decides. */
  contractPriceVnd?: bigint | null;
  /** Chooses the income-tax rules and (for a sale) the price table. */
  contractDate: LocalDate;
  /** Chooses the registration-fee rules and its price table. */
  declarationDate: LocalDate;
  /** When given, each line gets calendar due dates; otherwise only days after notice. */
  noticeIssuedOn?: LocalDate;
}

export type LandUserKind = 'HOUSEHOLD_OR_INDIVIDUAL' | 'ORGANISATION';

/** A change of land-use purpose (chuyển mục đích sử dụng đất). */
export interface PurposeChangeInput {
  landUser: Party & { kind: LandUserKind };
  location: LandLocation;
  /** Area converted, in tenths of a m². */
  areaTenthsM2: number;
  fromPurpose: LandUsePurpose;
  toPurpose: LandUsePurpose;
  /** Date of the decision allowing the change: chooses the rules and the price table. */
  decisionDate: LocalDate;
  /** The converted land lies in a parcel that already has residential land. */
  parcelHasResidentialLand: boolean;
  /** The household already used the reduced tiers once (they apply once per household). */
  householdUsedReducedTiers: boolean;
  noticeIssuedOn?: LocalDate;
}

export type ObligationCode = 'PIT' | 'REGISTRATION_FEE' | 'LAND_USE_LEVY';
export type BaseSource = 'CONTRACT_PRICE' | 'PRICE_TABLE';
export type TaxpayerRole = 'TRANSFEROR' | 'RECIPIENT' | 'LAND_USER' | 'OWNER';

/** One input that went into a line, ready to print: `Diện tích: 100,0 m²`. */
export interface InputUsed {
  key: string;
  labelVi: string;
  value: string;
}

export interface AppliedExemption {
  code: string;
  reasonVi: string;
  legalBasis: LegalBasis[];
}

/** One instalment of a line. `dueOn` is present when the notice date was given. */
export interface DueDate {
  installment: number;
  amountVnd: bigint;
  shareBasisPoints: number;
  daysAfterNotice: number;
  dueOn?: LocalDate;
  legalBasis: LegalBasis[];
}

/** One line of a notice: what is owed, by whom, on what base, at what rate, and why. */
export interface ObligationLine {
  code: ObligationCode;
  labelVi: string;
  taxpayer: Party & { role: TaxpayerRole };
  /** The base, rounded half up to whole VND for display; the amount uses the exact base. */
  baseVnd: bigint;
  baseSource: BaseSource;
  rate: { basisPoints: number; labelVi: string };
  amountVnd: bigint;
  exemption: AppliedExemption | null;
  legalBasis: LegalBasis[];
  inputs: InputUsed[];
  /** The rule file that decided this line. */
  ruleSetId: string;
  dueDates: DueDate[];
}

export interface Assessment {
  lines: ObligationLine[];
  totalVnd: bigint;
}
