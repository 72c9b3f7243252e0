import { Browser, Page } from 'playwright-core';
import {
  authAs,
  DEMO_SCENARIOS,
  eventually,
  SAMPLE_USERS as U,
  Stack,
  startStack,
  submitterOf,
  transferRequestFor,
} from '@lien-thong/testing';
import {
  checkPage,
  launchBrowser,
  logIn,
  newSession,
  prepareWeb,
  writeDocsScreenshots,
} from './browser';

jest.setTimeout(240_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The officer console and the citizen portal in a real browser (headless Chromium) against
 * the real stack behind the web gateway, logging in on the identity provider's own page:
 * each page is also scanned for accessibility problems at desktop and phone width.
 */
describe('officer console and citizen portal', () => {
  let stack: Stack;
  let browser: Browser;
  let site: string;
  let code: string;
  let secret: string;

  async function api(method: string, url: string, as: string, body?: unknown): Promise<Json> {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...(await authAs(as)) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json().catch(() => ({}))) as Json;
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
  const lr = (path: string) => `${stack.url['land-registry']}${path}`;
  const statusOf = (status: string) =>
    eventually(
      async () => {
        const d = await api('GET', lr(`/dossiers/${code}`), U.counterHaNoi);
        return d.status === status ? d : undefined;
      },
      60_000,
      `${code} to reach ${status}`,
    );

  /** A page of a fresh session, logged in as `username` when given. */
  async function pageAs(username?: string, path = '/'): Promise<Page> {
    const context = await newSession(browser, site);
    const page = await context.newPage();
    await page.goto(path);
    if (username) await logIn(page, username);
    return page;
  }

  beforeAll(async () => {
    // UPDATE_SCREENSHOTS=1: also refresh the README's pictures in docs/screenshots.
    writeDocsScreenshots(process.env.UPDATE_SCREENSHOTS === '1');
    const chromiumPath = prepareWeb();
    [stack, browser] = await Promise.all([
      startStack({ web: true, common: { RETRY_DELAYS_MS: '500,2000,5000' } }),
      launchBrowser(chromiumPath),
    ]);
    site = stack.web!.baseUrl; // eslint-disable-line @typescript-eslint/no-non-null-assertion
    // A sale received at the counter, assessed by tax and paid: in the land office's review.
    const request = await transferRequestFor(stack, DEMO_SCENARIOS[0]);
    const receipt = await api('POST', lr('/dossiers/transfers'), submitterOf(request), request);
    code = receipt.dossierCode as string;
    secret = receipt.trackingSecret as string;
    const assessed = await statusOf('WAITING_FOR_PAYMENT');
    await api(
      'POST',
      `${stack.url['agency-simulators']}/admin/payments/orders/${encodeURIComponent(assessed.assessment.assessmentId as string)}/pay`,
      U.operator,
      {},
    );
    await statusOf('IN_REVIEW');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the catalogue and a procedure with its fees for the province chosen', async () => {
    const page = await pageAs(undefined, '/');
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

  it('lets a citizen track the dossier from the link, without logging in', async () => {
    // The receipt SMS links the portal with the code and the receipt's secret filled in.
    const sms = await eventually(
      async () => {
        const sent = await api(
          'GET',
          `${stack.url['agency-simulators']}/admin/messages?channel=sms&dossierCode=${encodeURIComponent(code)}`,
          U.operator,
        );
        return (sent.messages as { text?: string }[]).find((m) => m.text?.includes('bi-mat='));
      },
      30_000,
      `the receipt SMS of ${code}`,
    );
    const link = /https?:\/\/\S+\?ma=\S+bi-mat=[A-Za-z2-9]{10}/.exec(sms.text ?? '')?.[0] ?? '';
    expect(link).toBe(`${site}/tra-cuu?ma=${encodeURIComponent(code)}&bi-mat=${secret}`);
    const page = await pageAs(undefined, link);
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
    const dossier = await api('GET', lr(`/dossiers/${code}`), U.counterHaNoi);
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
    const page = await pageAs(U.counterHaNoi, '/can-bo');
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
    const officer = await pageAs(U.landOfficerHaNoi, `/ho-so/${code}`);
    await officer.getByRole('button', { name: 'Nhận thẩm định' }).click();
    await officer.getByRole('button', { name: 'Trình lãnh đạo' }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByLabel('Ý kiến thẩm định').fill('Hồ sơ đầy đủ, hợp lệ; đủ điều kiện đăng ký');
    await dialog.getByRole('button', { name: 'Trình lãnh đạo' }).click();
    await officer.getByText('Chờ lãnh đạo Văn phòng đăng ký đất đai phê duyệt').first().waitFor();
    await officer.context().close();

    const leader = await pageAs(U.leaderHaNoi, `/ho-so/${code}`);
    await leader.getByRole('button', { name: 'Phê duyệt' }).waitFor();
    await checkPage(leader, 'dossier', { docs: true });
    await leader.getByRole('button', { name: 'Phê duyệt' }).click();
    await leader.getByText('Phê duyệt: đã xong.').waitFor();
    await leader.context().close();
    const approved = await api('GET', lr(`/dossiers/${code}`), U.counterHaNoi);
    expect(approved.approval).toBeTruthy();
  });
});
