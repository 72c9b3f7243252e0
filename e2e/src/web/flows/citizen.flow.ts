import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { PDFParse } from 'pdf-parse';
import {
  eventually,
  reviewAndApprove,
  SAMPLE_USERS as U,
  transferRequestFor,
} from '@lien-thong/testing';
import { checkPage } from '../browser';
import { Json, WebContext } from '../context';

/** The sale the citizen submits in the browser: parcel 00004/12/133 of Trịnh Văn Nam. */
const SALE = {
  parcel: { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 133 },
  certificateSerial: 'CS12000133',
  seller: { fullName: 'Trịnh Văn Nam', citizenId: '001074353408' },
};
/** A second sale of hers (parcel 00004/12/134), submitted through the API, that she withdraws. */
const WITHDRAWN_PARCEL: [string, number, number] = ['00004', 12, 134];

/** The smallest file a PDF reader opens: what a scanned contract is to the land registry. */
const CONTRACT_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

async function pdfText(page: Page, button: RegExp): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const pdf = readFileSync((await download.path()) as string);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  return (await parser.getText()).text.replace(/\s+/g, ' ');
}

/**
 * The citizen's logged-in area (the VNeID stand-in): a sample citizen submits a sale online
 * with its contract uploaded, gets the receipt, finds the dossier in "Hồ sơ của tôi", pays the
 * tax notice on the payment gateway's page it links, and withdraws another dossier.
 */
export function citizenFlows(ctx: WebContext): void {
  describe('the citizen portal, logged in', () => {
    let code: string;
    let toWithdraw: string;

    beforeAll(async () => {
      // Submitted online as the buyer, the sample citizen Trần Thị Bình (buyerIndex 1).
      const request = await transferRequestFor(
        ctx.stack,
        { name: 'sale withdrawn online', parcel: WITHDRAWN_PARCEL, payment: 'NEVER' },
        1,
      );
      const receipt = await ctx.api('POST', ctx.lr('/dossiers/transfers'), U.citizenBinh, request);
      toWithdraw = receipt.dossierCode as string;
    });

    it('submits a sale online with the contract uploaded, and gives the receipt', async () => {
      const page = await ctx.pageAs(U.citizenBinh, '/ca-nhan');
      await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor();
      await page.getByRole('link', { name: toWithdraw, exact: true }).waitFor();
      await page.getByRole('link', { name: 'Chuyển nhượng, tặng cho quyền sử dụng đất' }).click();
      await page.getByRole('heading', { name: /Nộp hồ sơ trực tuyến/ }).waitFor();

      await page.getByLabel('Mã xã/phường', { exact: true }).fill(SALE.parcel.communeCode);
      await page
        .getByLabel('Số tờ bản đồ', { exact: true })
        .fill(String(SALE.parcel.mapSheetNumber));
      await page.getByLabel('Số thửa', { exact: true }).fill(String(SALE.parcel.parcelNumber));
      await page
        .getByLabel('Số seri giấy chứng nhận', { exact: true })
        .fill(SALE.certificateSerial);
      await page.getByLabel('Ngày ký hợp đồng', { exact: true }).fill('2026-11-16');
      await page.getByLabel('Giá ghi trên hợp đồng (đồng)').fill('2500000000');
      const seller = page.getByRole('group', { name: 'Bên chuyển nhượng 1' });
      await seller.getByLabel('Họ và tên').fill(SALE.seller.fullName);
      // A wrong ID number first: the land registry's message shows next to that field.
      await seller.getByLabel('Số định danh cá nhân (CCCD)').fill('001074353400');
      await seller.getByLabel('Địa chỉ thường trú').fill('Số 3 phố Kim Mã, Phường Ba Đình, Hà Nội');
      const buyer = page.getByRole('group', { name: 'Bên nhận 1' });
      // The citizen is the buyer, filled in from her login.
      await expect(buyer.getByLabel('Số định danh cá nhân (CCCD)').inputValue()).resolves.toBe(
        U.citizenBinh,
      );
      await buyer.getByLabel('Địa chỉ thường trú').fill('Số 5 phố Kim Mã, Phường Ba Đình, Hà Nội');
      await page.getByLabel('Số điện thoại', { exact: true }).fill('0912345670');
      await checkPage(page, 'citizen-submission');
      await page.getByRole('button', { name: 'Gửi tờ khai' }).click();
      await seller
        .getByText('Bên chuyển nhượng không có tên trên giấy chứng nhận của thửa đất')
        .waitFor();
      await seller.getByLabel('Số định danh cá nhân (CCCD)').fill(SALE.seller.citizenId);
      await page.getByRole('button', { name: 'Gửi tờ khai' }).click();

      const accepted = page.getByText(/^Hồ sơ .+ đã được tiếp nhận$/);
      await accepted.waitFor({ timeout: 30_000 });
      code = /^Hồ sơ (.+) đã được tiếp nhận$/.exec(await accepted.innerText())?.[1] ?? '';
      expect(code).not.toBe('');
      // The checklist's contract: the page's button opens the browser's file chooser.
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: /^Chọn tệp tải lên\W+Hợp đồng chuyển nhượng/ }).click(),
      ]);
      await chooser.setFiles({
        name: 'hop-dong.pdf',
        mimeType: 'application/pdf',
        buffer: CONTRACT_PDF,
      });
      await page.getByText('Đã nộp hop-dong.pdf').waitFor();
      await page.getByRole('button', { name: 'hop-dong.pdf' }).waitFor();
      await checkPage(page, 'citizen-documents');

      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.getByRole('heading', { name: 'Giấy tiếp nhận hồ sơ' }).waitFor();
      const receipt = await page.locator('main').innerText();
      expect(receipt).toContain(code);
      expect(receipt).toMatch(/Mã tra cứu\s+[A-Za-z2-9]{10}/);
      expect(receipt).toContain('Ngày hẹn trả kết quả');
      await checkPage(page, 'citizen-receipt');
      expect(await pdfText(page, /Tải giấy tiếp nhận/)).toContain(code);
      await page.context().close();
    });

    it('lists the dossier in "Hồ sơ của tôi" and pays the tax notice through its link', async () => {
      await ctx.statusOf(code, 'WAITING_FOR_PAYMENT');
      const page = await ctx.pageAs(U.citizenBinh, '/');
      await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
      const payLink = page.getByRole('link', { name: `Thanh toán trực tuyến hồ sơ ${code}` });
      await payLink.waitFor();
      await checkPage(page, 'citizen-dossiers', { docs: true });
      await page.getByRole('link', { name: code, exact: true }).click();
      await page.getByRole('heading', { name: 'Chi tiết hồ sơ' }).waitFor();
      await page.getByRole('button', { name: 'hop-dong.pdf' }).waitFor();
      await page.getByText(/Cần nộp [\d.]+ đồng theo thông báo thuế/).waitFor();
      await checkPage(page, 'citizen-dossier', { docs: true });
      expect(await pdfText(page, /Tải thông báo nộp tiền/)).toContain(code);

      // Pay = the payment gateway's own page (simulated), in the same tab.
      await page.getByRole('link', { name: 'Thanh toán trực tuyến', exact: true }).click();
      await page.getByRole('button', { name: 'Thanh toán (giả lập)' }).click();
      await page.getByText(/Đã thanh toán/).waitFor();
      await ctx.statusOf(code, 'IN_REVIEW');
      await page.goto(`/ca-nhan/ho-so/${encodeURIComponent(code)}`);
      await page.getByText('Văn phòng đăng ký đất đai đang thẩm định hồ sơ').first().waitFor();
      // What she may do now has loaded too (its downloads), and asks for no payment any more.
      await page.getByRole('button', { name: /Tải giấy tiếp nhận/ }).waitFor();
      await expect(page.getByText(/Cần nộp [\d.]+ đồng/).count()).resolves.toBe(0);

      // The land office approves (through the API): the result notice is hers to download.
      const inReview = await ctx.api('GET', ctx.lr(`/dossiers/${code}`), U.counterHaNoi);
      await reviewAndApprove(
        (method, path, body, as) => ctx.api(method, ctx.lr(path), as, body),
        code,
        inReview.unit as string,
      );
      await eventually(
        async () => {
          const mine = await ctx.api('GET', ctx.lr('/citizen/dossiers'), U.citizenBinh);
          const item = (mine.items as Json[]).find((d) => d.dossierCode === code);
          return (item?.forms as string[] | undefined)?.includes('result') ? item : undefined;
        },
        60_000,
        `the result notice of ${code}`,
      );
      await page.reload();
      expect(await pdfText(page, /Tải thông báo kết quả/)).toContain(code);
      await page.context().close();
    });

    it('withdraws another dossier, giving the reason', async () => {
      const page = await ctx.pageAs(
        U.citizenBinh,
        `/ca-nhan/ho-so/${encodeURIComponent(toWithdraw)}`,
      );
      await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Lý do rút hồ sơ').fill('Hai bên đã thỏa thuận hủy hợp đồng');
      await checkPage(page, 'citizen-withdrawal');
      await dialog.getByRole('button', { name: 'Rút hồ sơ' }).click();
      await page.getByText(`Đã rút hồ sơ ${toWithdraw}.`).waitFor();
      await ctx.statusOf(toWithdraw, 'WITHDRAWN');
      // The dialog closes and the page asks again what she may do: nothing is left to withdraw.
      await page.getByRole('button', { name: 'Rút hồ sơ' }).first().waitFor({ state: 'detached' });
      await page.context().close();
    });
  });
}
