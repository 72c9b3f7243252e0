/** The procedure catalogue as GET /procedures and /procedures/:key?province= answer it. */
export interface LegalBasis {
  document: string;
  article?: string;
  noteVi?: string;
}

export interface RequiredDocument {
  code: string;
  nameVi: string;
  required: boolean;
  copies: number;
  replacedBy?: string;
  noteVi?: string;
}

export interface Procedure {
  key: string;
  code: string;
  nameVi: string;
  legalBasis: LegalBasis[];
  submittersVi: string;
  onlineLevel: 'FULL' | 'PARTIAL';
  documents: RequiredDocument[];
  processing: {
    landOfficeWorkingDays: number;
    remoteExtraWorkingDays: number;
    sameWorkingDay?: { receivedBefore: string };
    agencies: { agency: string; step?: string; nameVi: string; workingDays: number }[];
  };
}

export interface FeeLine {
  code: string;
  labelVi: string;
  amountVnd: number;
  fullAmountVnd?: number;
  decisionVi: string;
}

export interface ProcedureDetail extends Procedure {
  fees?: {
    provinceCode: string;
    provinceNameVi: string;
    counter: FeeLine[];
    online: FeeLine[];
    counterTotalVnd: number;
    onlineTotalVnd: number;
    noteVi: string;
  };
}

export const ONLINE_LEVEL_VI: Record<Procedure['onlineLevel'], string> = {
  FULL: 'Dịch vụ công trực tuyến toàn trình',
  PARTIAL: 'Dịch vụ công trực tuyến một phần',
};

/** The provinces whose fee schedules the land registry holds (libs/procedures data/fees). */
export const PROVINCES = [
  { code: '01', nameVi: 'Thành phố Hà Nội' },
  { code: '91', nameVi: 'Tỉnh An Giang' },
];
