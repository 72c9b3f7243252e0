import { AgencyName } from '@lien-thong/agency-contracts';

/** How each simulated agency is named to a person (error messages) and in the API docs. */
export const AGENCY_LABELS: Record<AgencyName, { vi: string; docs: string }> = {
  'justice-registry': {
    vi: 'Cơ sở dữ liệu ngăn chặn và giao dịch bảo đảm (Sở Tư pháp)',
    docs: 'Justice registry',
  },
  'e-tax': { vi: 'Hệ thống thuế điện tử', docs: 'e-tax' },
  'payment-gateway': { vi: 'Cổng thanh toán', docs: 'Payment gateway' },
  sms: { vi: 'Cổng tin nhắn SMS', docs: 'SMS gateway' },
  email: { vi: 'Cổng thư điện tử', docs: 'E-mail gateway' },
  zalo: { vi: 'Cổng Zalo OA', docs: 'Zalo gateway' },
  population: { vi: 'Cơ sở dữ liệu quốc gia về dân cư', docs: 'Population database' },
  construction: { vi: 'Hệ thống của Sở Xây dựng', docs: 'Construction department' },
};
