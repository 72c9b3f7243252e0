import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { samplePassword } from '@lien-thong/testing';

const repoRoot = join(__dirname, '../../..');
/** Test artefacts (git-ignored): every page the tests saw, desktop and phone. */
export const SCREENSHOTS = join(repoRoot, 'tmp', 'web-screenshots');
/** The README's pictures: written only when asked (UPDATE_SCREENSHOTS=1), then committed. */
const DOCS_SCREENSHOTS = join(repoRoot, 'docs', 'screenshots');
let updateDocs = false;
export function writeDocsScreenshots(on: boolean): void {
  updateDocs = on;
}

/** A phone held upright (an iPhone 12–15 is 390 CSS pixels wide). */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * Builds dist/web if its sources changed (tools/cli/build.mjs) and finds the browser
 * (tools/infra/chromium.mjs: Debian's Chromium, installed when missing, or CHROMIUM_PATH).
 */
export function prepareWeb(): string {
  execFileSync(process.execPath, [join(repoRoot, 'tools/cli/build.mjs')], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return execFileSync(process.execPath, [join(repoRoot, 'tools/infra/chromium.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

/**
 * Headless Chromium as CI runs it: no sandbox (root in a container), no GPU, and nothing that
 * reaches the network by itself. playwright-core gives each launch a fresh profile directory.
 */
export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser session (no login); the CSP is bypassed only so that axe can be injected. */
export function newSession(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: DESKTOP, locale: 'vi-VN', bypassCSP: true });
}

/** Logs in through the identity provider's real login page, from the site's "Đăng nhập" button. */
export async function logIn(page: Page, username: string): Promise<void> {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.getByRole('button', { name: 'Đăng nhập' }).first().click();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(samplePassword(username));
  await page.locator('#kc-login').click();
  try {
    await page.waitForURL(
      (url) => !url.pathname.startsWith('/realms/') && !url.pathname.startsWith('/dang-nhap'),
      { timeout: 20_000 },
    );
  } catch (err) {
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '');
    throw new Error(
      `${username} was not logged in (${page.url()}): ${text.slice(0, 300)} ${errors.join(' | ')}`,
      {
        cause: err,
      },
    );
  }
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's WCAG 2 A/AA rules on the page as it is; the serious and critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  // Run in the page (a string: this file is compiled without the DOM's types).
  const violations = (await page.evaluate(`axe
    .run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
    })
    .then((result) => result.violations)`)) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
}

/**
 * Checks a page at desktop width and at a phone's, with a screenshot of each: no serious or
 * critical accessibility violation, and nothing wider than the phone's screen.
 */
export async function checkPage(page: Page, name: string, options: { docs?: boolean } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const problems: string[] = [];
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(300);
    const file = join(SCREENSHOTS, `${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (options.docs && label === 'desktop' && updateDocs) {
      mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
      copyFileSync(file, join(DOCS_SCREENSHOTS, `${name}.png`));
    }
    problems.push(...(await seriousViolations(page)).map((p) => `${label}: ${p}`));
    if (label === 'phone') {
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      )) as number;
      if (overflow > 1) problems.push(`phone: the page is ${overflow} px wider than the screen`);
    }
  }
  await page.setViewportSize(DESKTOP);
  expect(problems).toEqual([]);
}
