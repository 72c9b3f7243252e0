import { readFileSync } from 'node:fs';
import { SAMPLE_USERS as U } from '@lien-thong/testing';
import { checkPage } from '../browser';
import { Json, WebContext } from '../context';

/** The transfer procedure as the land registry names it. */
const TRANSFER_VI = 'Đăng ký biến động do chuyển quyền sử dụng đất';

/**
 * The statistics page, called last: it must show what the other flows did to Hà Nội's
 * dossiers today, counted from the unit's list of dossiers (not from the statistics code).
 */
export function statisticsFlows(ctx: WebContext): void {
  describe('the statistics of the unit', () => {
    it('shows the dossiers the other flows received and refused, as charts, a table and CSV', async () => {
      const dossiers: Json[] = [];
      let cursor: string | undefined;
      do {
        const page = await ctx.api(
          'GET',
          ctx.lr(`/dossiers?limit=100${cursor ? `&cursor=${cursor}` : ''}`),
          U.leaderHaNoi,
        );
        dossiers.push(...(page.items as Json[]));
        cursor = (page.nextCursor as string | null) ?? undefined;
      } while (cursor);
      expect(dossiers.length).toBeGreaterThan(0);
      const refused = dossiers.filter((d) => d.status === 'REFUSED').length;
      const transfers = dossiers.filter((d) => d.procedure === 'TRANSFER').length;

      const page = await ctx.pageAs(U.leaderHaNoi, '/can-bo/thong-ke');
      await page.getByRole('heading', { name: 'Thống kê hồ sơ' }).waitFor();
      const received = page.locator('.ant-statistic').filter({ hasText: 'Tiếp nhận' });
      await expect(received.locator('.ant-statistic-content').innerText()).resolves.toBe(
        String(dossiers.length),
      );
      await page.getByRole('img', { name: /Kết quả giải quyết theo thủ tục/ }).waitFor();
      // The table by procedure: a row per procedure, with the received and refused columns.
      const table = page.getByRole('table').first();
      const headings = await table.getByRole('columnheader').allInnerTexts();
      const rows = (await table.getByRole('row').allInnerTexts())
        .slice(1)
        .map((r) => r.split('\t'));
      const column = (name: string) => rows.map((r) => Number(r[headings.indexOf(name)]));
      expect(rows.find((r) => r[0] === TRANSFER_VI)?.[1]).toBe(String(transfers));
      expect(column('Từ chối').reduce((a, b) => a + b, 0)).toBe(refused);
      await checkPage(page, 'statistics', { docs: true });

      // The same table as CSV for Excel: UTF-8 with a byte-order mark, Vietnamese headings.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tải bảng CSV (mở bằng Excel)' }).click(),
      ]);
      const csv = readFileSync((await download.path()) as string);
      expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(csv.toString('utf8')).toContain(TRANSFER_VI);
      await page.context().close();
    });
  });
}
