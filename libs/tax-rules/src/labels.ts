import { LandUsePurpose, Relationship, TransferKind } from './model';

/** Names of land-use purposes as Circular 08/2024/TT-BTNMT writes them. */
export const PURPOSE_NAMES_VI: Record<LandUsePurpose, string> = {
  ODT: 'Đất ở tại đô thị',
  ONT: 'Đất ở tại nông thôn',
  CLN: 'Đất trồng cây lâu năm',
  HNK: 'Đất trồng cây hằng năm khác',
  LUC: 'Đất chuyên trồng lúa',
  NTS: 'Đất nuôi trồng thủy sản',
  TMD: 'Đất thương mại, dịch vụ',
  SKC: 'Đất cơ sở sản xuất phi nông nghiệp',
};

/** Family ties in the words of PIT Law art. 4 and Decree 10/2022 art. 10.10. */
export const RELATIONSHIP_NAMES_VI: Record<Relationship, string> = {
  SPOUSE: 'vợ với chồng',
  PARENT_CHILD: 'cha đẻ, mẹ đẻ với con đẻ',
  ADOPTIVE_PARENT_CHILD: 'cha nuôi, mẹ nuôi với con nuôi',
  PARENT_IN_LAW_CHILD_IN_LAW: 'cha chồng, mẹ chồng với con dâu; cha vợ, mẹ vợ với con rể',
  GRANDPARENT_GRANDCHILD: 'ông nội, bà nội với cháu nội; ông ngoại, bà ngoại với cháu ngoại',
  SIBLING: 'anh, chị, em ruột với nhau',
  NONE: 'không thuộc quan hệ thân nhân được miễn',
};

export const TRANSFER_KIND_NAMES_VI: Record<TransferKind, string> = {
  SALE: 'Chuyển nhượng',
  GIFT: 'Tặng cho',
  INHERITANCE: 'Thừa kế',
  DIVORCE_DIVISION: 'Phân chia tài sản chung khi ly hôn',
};

export const LINE_LABELS_VI = {
  PIT: 'Thuế thu nhập cá nhân',
  PIT_GIFT: 'Thuế thu nhập cá nhân (nhận thừa kế, quà tặng)',
  REGISTRATION_FEE: 'Lệ phí trước bạ',
  LAND_USE_LEVY: 'Tiền sử dụng đất',
} as const;
