import { checkPage } from '../browser';
import { WebContext } from '../context';

/** The public catalogue: procedures, their documents and fees, without logging in. */
export function catalogueFlows(ctx: WebContext): void {
  describe('the public catalogue', () => {
    it('shows the catalogue and a procedure with its fees for the province chosen', async () => {
      const page = await ctx.pageAs(undefined, '/');
      await checkPage(page, 'home');
      await page.getByRole('link', { name: 'Xem danh mục thủ tục' }).click();
      await page.getByRole('heading', { name: 'Danh mục thủ tục đất đai' }).waitFor();
      await checkPage(page, 'catalogue');
      await page
        .getByRole('link', { name: /chuyển nhượng/i })
        .first()
        .click();
      await page.getByRole('heading', { name: 'Phí, lệ phí' }).waitFor();
      await expect(page.getByText('Nộp tại Bộ phận Một cửa').count()).resolves.toBeGreaterThan(0);
      await expect(page.getByText('Tổng cộng').count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('main').innerText()).resolves.toMatch(/\d{1,3}(\.\d{3})+ đồng/);
      await checkPage(page, 'procedure');
      await page.context().close();
    });
  });
}
