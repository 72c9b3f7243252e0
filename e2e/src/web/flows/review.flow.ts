import {
  DEMO_SCENARIOS,
  eventually,
  SAMPLE_USERS as U,
  submitterOf,
  transferRequestFor,
} from '@lien-thong/testing';
import { checkPage } from '../browser';
import { Json, WebContext } from '../context';

/**
 * A sale received at the counter (through the API), assessed and paid: the citizen tracks it
 * from the receipt SMS, the counter sees it in the queue, the land office reviews it and the
 * leader approves it, all in the browser.
 */
export function reviewFlows(ctx: WebContext): void {
  describe('a paid sale tracked, reviewed and approved', () => {
    let code: string;
    let secret: string;

    beforeAll(async () => {
      const request = await transferRequestFor(ctx.stack, DEMO_SCENARIOS[0]);
      const receipt = await ctx.api(
        'POST',
        ctx.lr('/dossiers/transfers'),
        submitterOf(request),
        request,
      );
      code = receipt.dossierCode as string;
      secret = receipt.trackingSecret as string;
      const assessed = await ctx.statusOf(code, 'WAITING_FOR_PAYMENT');
      await ctx.payAtGateway(assessed.assessment.assessmentId as string);
      await ctx.statusOf(code, 'IN_REVIEW');
    });

    it('lets a citizen track the dossier from the link, without logging in', async () => {
      // The receipt SMS links the portal with the code and the receipt's secret filled in.
      const sms = await eventually(
        async () => (await ctx.messagesOf(code, 'sms')).find((m) => m.text?.includes('bi-mat=')),
        30_000,
        `the receipt SMS of ${code}`,
      );
      const link = /https?:\/\/\S+\?ma=\S+bi-mat=[A-Za-z2-9]{10}/.exec(sms.text ?? '')?.[0] ?? '';
      expect(link).toBe(`${ctx.site}/tra-cuu?ma=${encodeURIComponent(code)}&bi-mat=${secret}`);
      const page = await ctx.pageAs(undefined, link);
      await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
      // A link with the code only (later messages) asks for the secret printed on the receipt.
      await page.goto(`/tra-cuu?ma=${encodeURIComponent(code)}`);
      await page.getByLabel('Mã tra cứu').fill(secret);
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByRole('heading', { name: 'Các bước đã thực hiện' }).waitFor();
      // The receipt's link fills in both.
      await page.goto(`/tra-cuu?ma=${encodeURIComponent(code)}&bi-mat=${secret}`);
      await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
      const text = await page.locator('main').innerText();
      expect(text).toContain('Ngày hẹn trả kết quả');
      expect(text).toContain('Văn phòng đăng ký đất đai đang thẩm định hồ sơ');
      // Nothing personal: not the buyer's nor the seller's name or ID.
      const dossier = await ctx.api('GET', ctx.lr(`/dossiers/${code}`), U.counterHaNoi);
      for (const person of [...(dossier.sellers as Json[]), ...(dossier.buyers as Json[])]) {
        expect(text).not.toContain(person.fullName);
        expect(text).not.toContain(person.citizenId);
      }
      await checkPage(page, 'tracking', { docs: true });
      // A wrong secret is told in Vietnamese, with the API's code.
      await page.goto(`/tra-cuu?ma=${encodeURIComponent(code)}&bi-mat=ABCDEFGH23`);
      await page.getByRole('alert').waitFor();
      await expect(page.getByRole('alert').innerText()).resolves.toContain('DOSSIER.NOT_FOUND');
      await page.context().close();
    });

    it('shows a counter officer the unit queue and the dossier page', async () => {
      const page = await ctx.pageAs(U.counterHaNoi, '/can-bo');
      await page.getByRole('link', { name: code }).waitFor();
      await checkPage(page, 'queue', { docs: true });
      await page.getByRole('link', { name: code }).click();
      await page.getByRole('heading', { name: `Hồ sơ ${code}` }).waitFor();
      await page.getByRole('heading', { name: 'Nghĩa vụ tài chính' }).waitFor();
      // The counter has nothing to do while the land office reviews.
      await page.getByText('Bạn không có thao tác nào với hồ sơ ở bước này.').waitFor();
      await page.context().close();
    });

    it('lets a land officer claim and propose, and the leader approve', async () => {
      const officer = await ctx.pageAs(U.landOfficerHaNoi, `/ho-so/${code}`);
      await officer.getByRole('button', { name: 'Nhận thẩm định' }).click();
      await officer.getByRole('button', { name: 'Trình lãnh đạo' }).click();
      const dialog = officer.getByRole('dialog');
      await dialog
        .getByLabel('Ý kiến thẩm định')
        .fill('Hồ sơ đầy đủ, hợp lệ; đủ điều kiện đăng ký');
      await dialog.getByRole('button', { name: 'Trình lãnh đạo' }).click();
      await officer.getByText('Chờ lãnh đạo Văn phòng đăng ký đất đai phê duyệt').first().waitFor();
      await officer.context().close();

      const leader = await ctx.pageAs(U.leaderHaNoi, `/ho-so/${code}`);
      await leader.getByRole('button', { name: 'Phê duyệt' }).waitFor();
      await checkPage(leader, 'dossier', { docs: true });
      await leader.getByRole('button', { name: 'Phê duyệt' }).click();
      await leader.getByText('Phê duyệt: đã xong.').waitFor();
      await leader.context().close();
      const approved = await ctx.api('GET', ctx.lr(`/dossiers/${code}`), U.counterHaNoi);
      expect(approved.approval).toBeTruthy();
    });
  });
}
