import { readFileSync } from 'node:fs';
import mongoose from 'mongoose';
import { Page } from 'playwright-core';
import { PDFParse } from 'pdf-parse';
import { eventually, SAMPLE_USERS as U, testInfra } from '@lien-thong/testing';
import { checkPage } from '../browser';
import { Json, WebContext } from '../context';

/** The counter's sale, received in the browser: parcel 00004/12/137 of Tạ Văn Sơn. */
const SALE = { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 137 };
const BUYER = {
  fullName: 'Phạm Minh Khang',
  citizenId: '001092011223',
  address: 'Số 5 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội',
};
/**
 * The mortgage received in the browser: parcel 00004/12/127 of Đặng Văn Hải (certificate of
 * 2023-09-18, clear at the Justice registry). A change of purpose and a house registration
 * are only checked as typed, not received, on 00004/12/128 of Bùi Thị Hoa (ODT, 72,5 m²):
 * the validation routes store nothing.
 */
const MORTGAGED = { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 127 };
const CHECKED = { communeCode: '00004', mapSheetNumber: 12, parcelNumber: 128 };
/** Mortgages (no tax step: straight to review) refused, and made late, by these tests. */
const REFUSED_PARCEL = 138;
const LATE_PARCEL = 139;
const DAY = 86_400_000;

async function pdfText(page: Page, button: string | RegExp): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const pdf = readFileSync((await download.path()) as string);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  return (await parser.getText()).text.replace(/\s+/g, ' ');
}

/** The counter's mortgage registration of a sample parcel, received through the API. */
async function receiveMortgage(ctx: WebContext, parcelNumber: number): Promise<string> {
  const path = `/parcels/${SALE.communeCode}/${SALE.mapSheetNumber}/${parcelNumber}`;
  const parcel = await ctx.api('GET', ctx.lr(path), U.counterBaDinh);
  const owner = (parcel.owners as Json[])[0];
  const receipt = await ctx.api('POST', ctx.lr('/dossiers/mortgages'), U.counterBaDinh, {
    channel: 'COUNTER',
    resultDelivery: 'COUNTER',
    parcel: parcel.ref,
    certificateSerial: parcel.certificate.serial,
    applicant: { fullName: owner.fullName, phone: '0912000139' },
    mortgagee: 'Ngân hàng TMCP Ngoại thương Việt Nam - Chi nhánh Ba Đình',
    contractNumber: `${parcelNumber}/2026/HĐTC`,
    contractDate: '2026-11-28',
    securedAmountVnd: 2_000_000_000,
  });
  return receipt.dossierCode as string;
}

/**
 * A dossier whose time has run out. A test cannot wait the working days a procedure allows,
 * and no route moves a deadline back, so its appointment and deadline are set 20 days back
 * in the land registry's own database (rev bumped, as every write of the service does); its
 * receipt date is kept, so that today's statistics still count it as received today. What
 * follows is the running service's own doing: its delay sweep (every DELAY_WATCH_MS) finds
 * it late and sends the apology letter (form 04) with one new date, 5 working days after the
 * old deadline and so itself past: the dossier stays late.
 */
async function backdate(ctx: WebContext, code: string): Promise<void> {
  const db = await mongoose
    .createConnection(testInfra().mongoUrl, {
      dbName: `${ctx.stack.namespace}-land-registry`,
      serverSelectionTimeoutMS: 10_000,
    })
    .asPromise();
  try {
    const due = new Date(Date.now() - 20 * DAY);
    await db.collection<{ _id: string }>('dossiers').updateOne(
      { _id: code },
      {
        $set: { appointmentAt: due, dueAt: due },
        $inc: { rev: 1 },
      },
    );
  } finally {
    await db.close();
  }
}

/**
 * The counter and the land office in the browser: a counter officer receives a sale (the
 * API's field messages as they type, the parcel look-up, the receipt and its PDF) and a
 * mortgage (the certificate's date from the book checked as typed); a change of purpose and a
 * house registration are checked as typed (named purposes, m²); a land
 * officer refuses a dossier and prints the refusal; a late dossier is red in the queue and
 * its apology letter prints.
 */
export function counterFlows(ctx: WebContext): void {
  describe('the counter receives, the land office refuses, a late dossier apologises', () => {
    let refused: string;
    let late: string;

    beforeAll(async () => {
      [refused, late] = await Promise.all([
        receiveMortgage(ctx, REFUSED_PARCEL),
        receiveMortgage(ctx, LATE_PARCEL),
      ]);
      // Made late first: the sweep runs while the counter's test does.
      await ctx.statusOf(late, 'IN_REVIEW');
      await backdate(ctx, late);
    });

    it('lets a counter officer receive a sale, with the API’s messages on the fields', async () => {
      const page = await ctx.pageAs(U.counterBaDinh, '/can-bo');
      await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.getByRole('link', { name: /chuyển nhượng, tặng cho/ }).click();
      await page
        .getByRole('heading', { name: /^Tiếp nhận hồ sơ: / })
        .waitFor()
        .catch((err: Error) => {
          throw new Error(`${err.message}; errors on the page: ${errors.join(' | ')}`);
        });
      await page.getByLabel('Mã xã/phường').fill(SALE.communeCode);
      await page.getByLabel('Số tờ bản đồ').fill(String(SALE.mapSheetNumber));
      await page.getByLabel('Số thửa', { exact: true }).fill(String(SALE.parcelNumber));
      // The look-up shows the parcel as the cadastral book holds it.
      await page.getByText('Tạ Văn Sơn').first().waitFor();
      await page.getByText(/\d m²/).first().waitFor();
      await page.getByRole('button', { name: 'Điền theo sổ địa chính' }).click();
      const field = (path: string) => page.locator(`#tiep-nhan-transfer_${path}`);
      const messageOf = (path: string) =>
        page
          .locator('.ant-form-item')
          .filter({ has: field(path) })
          .locator('.ant-form-item-explain-error');
      await field('contractDate').fill('2026-11-10');
      await field('buyers_0_fullName').fill(BUYER.fullName);
      await field('buyers_0_address').fill(BUYER.address);
      // A wrong citizen ID: the API's own Vietnamese message appears next to it as typed.
      await field('buyers_0_citizenId').fill('0010920112');
      await messageOf('buyers_0_citizenId')
        .getByText('Số định danh cá nhân gồm đúng 12 chữ số')
        .waitFor();
      await field('buyers_0_citizenId').fill(BUYER.citizenId);
      await field('applicant_fullName').fill(BUYER.fullName);
      await field('applicant_phone').fill('0912345678');
      await field('applicant_phone').blur();
      for (const box of await page.locator('.lt-checklist input[type=checkbox]').all())
        await box.check();
      await page.getByText('Hồ sơ hợp lệ, khớp sổ địa chính.').waitFor();
      await expect(messageOf('buyers_0_citizenId').count()).resolves.toBe(0);
      await checkPage(page, 'counter-intake');

      await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
      const title = await page.getByText(/^Đã tiếp nhận hồ sơ /).innerText();
      const code = title.replace('Đã tiếp nhận hồ sơ ', '').trim();
      await page.getByText('Mã tra cứu', { exact: true }).waitFor();
      await checkPage(page, 'counter-receipt');
      const receipt = await pdfText(page, 'In giấy tiếp nhận');
      expect(receipt).toContain(code);
      expect(receipt).toContain('GIẤY TIẾP NHẬN HỒ SƠ');
      await page.getByRole('link', { name: `Xem hồ sơ ${code}` }).click();
      await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
      await page.getByText(BUYER.fullName).first().waitFor();
      // Its parcel now has an unfinished dossier: the look-up says so before anything else is typed.
      await page.goto('/can-bo/tiep-nhan/TRANSFER');
      await page.getByLabel('Mã xã/phường').fill(SALE.communeCode);
      await page.getByLabel('Số tờ bản đồ').fill(String(SALE.mapSheetNumber));
      await page.getByLabel('Số thửa', { exact: true }).fill(String(SALE.parcelNumber));
      await page.getByText('chưa giải quyết xong', { exact: false }).waitFor();
      await page.getByRole('link', { name: code }).waitFor();
      await page.context().close();
    });

    it('lets a counter officer receive a mortgage, the book’s certificate date checked as typed', async () => {
      const page = await ctx.pageAs(U.counterBaDinh, '/can-bo/tiep-nhan');
      await page.getByRole('link', { name: /^Đăng ký thế chấp/ }).click();
      await page.getByRole('heading', { name: /^Tiếp nhận hồ sơ: Đăng ký thế chấp/ }).waitFor();
      await page.getByLabel('Mã xã/phường').fill(MORTGAGED.communeCode);
      await page.getByLabel('Số tờ bản đồ').fill(String(MORTGAGED.mapSheetNumber));
      await page.getByLabel('Số thửa', { exact: true }).fill(String(MORTGAGED.parcelNumber));
      // The look-up names the purpose as the circular does, not by its code.
      await page.getByText('Đặng Văn Hải').first().waitFor();
      await page.getByText('Đất ở tại đô thị', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Điền theo sổ địa chính' }).click();
      const field = (path: string) => page.locator(`#tiep-nhan-mortgage_${path}`);
      const messageOf = (path: string) =>
        page
          .locator('.ant-form-item')
          .filter({ has: field(path) })
          .locator('.ant-form-item-explain-error');
      await field('mortgagee').fill('Ngân hàng TMCP Ngoại thương Việt Nam - Chi nhánh Ba Đình');
      await field('contractNumber').fill('0127/2026/HĐTC');
      await field('securedAmountVnd').fill('1500000000');
      await field('applicant_fullName').fill('Đặng Văn Hải');
      await field('applicant_phone').fill('0912000127');
      for (const box of await page.locator('.lt-checklist input[type=checkbox]').all())
        await box.check();
      // Signed before the certificate was issued: the land registry says so next to the date.
      await field('contractDate').fill('2023-01-15');
      await field('contractDate').blur();
      await messageOf('contractDate')
        .getByText('Ngày ký hợp đồng không được trước ngày cấp giấy chứng nhận (2023-09-18)')
        .waitFor();
      await checkPage(page, 'counter-intake-mortgage');
      await field('contractDate').fill('2026-11-28');
      await field('contractDate').blur();
      await page.getByText('Hồ sơ hợp lệ, khớp sổ địa chính.').waitFor();
      // Gone from the date once the answer is valid (after AntD's fade-out).
      await messageOf('contractDate').first().waitFor({ state: 'detached', timeout: 3_000 });

      await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
      const title = await page.getByText(/^Đã tiếp nhận hồ sơ /).innerText();
      const code = title.replace('Đã tiếp nhận hồ sơ ', '').trim();
      // The receipt is the sale's page (checked above), with this dossier's code.
      await page.getByText('Mã tra cứu', { exact: true }).waitFor();
      const dossier = await ctx.api('GET', ctx.lr(`/dossiers/${code}`), U.counterBaDinh);
      expect(dossier.procedure).toBe('MORTGAGE');
      expect(dossier.parcel.ref).toEqual(MORTGAGED);
      await page.context().close();
    });

    it('checks a change of purpose and a house registration as they are typed', async () => {
      const page = await ctx.pageAs(U.counterBaDinh, '/can-bo/tiep-nhan/PURPOSE_CHANGE');
      let form = 'purpose_change';
      const field = (path: string) => page.locator(`#tiep-nhan-${form}_${path}`);
      const item = (path: string) => page.locator('.ant-form-item').filter({ has: field(path) });
      const choose = async (path: string, label: string) => {
        await item(path).locator('.ant-select').click();
        const list = page.locator('.ant-select-dropdown:visible');
        await list.getByText(label, { exact: true }).click();
        await list.waitFor({ state: 'hidden' });
      };
      const startWithParcel = async () => {
        await page.getByRole('heading', { name: /^Tiếp nhận hồ sơ: / }).waitFor();
        await page.getByLabel('Mã xã/phường').fill(CHECKED.communeCode);
        await page.getByLabel('Số tờ bản đồ').fill(String(CHECKED.mapSheetNumber));
        await page.getByLabel('Số thửa', { exact: true }).fill(String(CHECKED.parcelNumber));
        await page.getByText('Bùi Thị Hoa').first().waitFor();
        await page.getByRole('button', { name: 'Điền theo sổ địa chính' }).click();
        await field('applicant_fullName').fill('Bùi Thị Hoa');
        await field('applicant_phone').fill('0912000128');
      };
      await startWithParcel();
      await field('decision_number').fill('245/QĐ-UBND');
      await field('decision_date').fill('2026-11-20');
      await field('decision_authority').fill('Ủy ban nhân dân phường Ba Đình');
      await field('convertedAreaTenthsM2').fill('30,5');
      await choose('parcelHasResidentialLand', 'Có');
      await choose('householdUsedReducedTiers', 'Không');
      // The book says the parcel is already residential land in town: said on the new purpose.
      await choose('toPurpose', 'Đất ở tại đô thị');
      await item('toPurpose')
        .locator('.ant-form-item-explain-error')
        .getByText('Thửa đất đang sử dụng vào mục đích Đất ở tại đô thị (ODT)')
        .waitFor();
      await checkPage(page, 'counter-intake-purpose-change');
      const sent = page.waitForRequest(
        (r) =>
          r.url().endsWith('/purpose-changes/validation') &&
          (r.postDataJSON() as Json).toPurpose === 'TMD',
      );
      await choose('toPurpose', 'Đất thương mại, dịch vụ');
      // 30,5 m² typed, the API's tenths of a m² sent.
      expect(((await sent).postDataJSON() as Json).convertedAreaTenthsM2).toBe(305);
      await page.getByText('Hồ sơ hợp lệ, khớp sổ địa chính.').waitFor();

      // The house on the same parcel, with its building permit.
      await page.goto('/can-bo/tiep-nhan/HOUSE_REGISTRATION');
      form = 'house_registration';
      await startWithParcel();
      await choose('house_grade', 'Cấp III');
      await field('house_floorAreaTenthsM2').fill('145');
      await field('house_floors').fill('3');
      await field('house_builtYear').fill('2019');
      await field('house_permit_number').fill('152/GPXD');
      await field('house_permit_issuedOn').fill('2018-06-01');
      await field('house_permit_authority').fill('Ủy ban nhân dân quận Ba Đình');
      await field('house_permit_authority').blur();
      await page.getByText('Hồ sơ hợp lệ, khớp sổ địa chính.').waitFor();
      await checkPage(page, 'counter-intake-house');
      await page.context().close();
    });

    it('lets a land officer refuse a dossier and print the refusal', async () => {
      await ctx.statusOf(refused, 'IN_REVIEW');
      const page = await ctx.pageAs(U.landOfficerBaDinh, `/ho-so/${refused}`);
      await page.getByRole('button', { name: 'Nhận thẩm định' }).click();
      await page.getByRole('button', { name: 'Từ chối hồ sơ' }).click();
      const dialog = page.getByRole('dialog');
      const reason = 'Hợp đồng thế chấp chưa được công chứng theo quy định';
      await dialog.getByLabel('Lý do').fill(reason);
      await dialog.getByRole('button', { name: 'Từ chối hồ sơ' }).click();
      await page.getByText(`Từ chối: ${reason}`).waitFor();
      await checkPage(page, 'dossier-refused');
      const text = await pdfText(page, 'In phiếu từ chối');
      expect(text).toContain(refused);
      expect(text).toContain('PHIẾU TỪ CHỐI');
      expect(text).toContain(reason);
      await page.context().close();
    });

    it('shows a late dossier in red in the queue, and prints its apology letter', async () => {
      const delayed = await eventually(
        async () => {
          const d = await ctx.api('GET', ctx.lr(`/dossiers/${late}`), U.counterBaDinh);
          return d.delay ? d : undefined;
        },
        120_000,
        `the delay sweep to send ${late} its apology`,
      );
      expect(new Date(delayed.delay.newAppointmentAt as string).getTime()).toBeLessThan(Date.now());
      const page = await ctx.pageAs(U.counterBaDinh, `/can-bo?q=${encodeURIComponent(late)}`);
      const row = page.getByRole('row').filter({ hasText: late });
      const badge = row.locator('.lt-badge-late');
      await badge.waitFor();
      expect(await badge.innerText()).toMatch(/^Quá hạn: quá \d+ ngày làm việc$/);
      // Red: the late colour, with the words beside it (colour is never the only sign).
      const style = (e: unknown) =>
        (
          globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }
        ).getComputedStyle(e).color;
      await expect(badge.evaluate(style)).resolves.toBe('rgb(164, 38, 44)');
      await checkPage(page, 'queue-late');
      await row.getByRole('link', { name: late }).click();
      await page.getByRole('heading', { name: `Hồ sơ ${late}` }).waitFor();
      const text = await pdfText(page, 'In phiếu xin lỗi, hẹn lại');
      expect(text).toContain(late);
      expect(text).toContain('PHIẾU XIN LỖI');
      await page.context().close();
    });
  });
}
