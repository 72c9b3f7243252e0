import { Browser, Page } from 'playwright-core';
import { callAs, eventually, SAMPLE_USERS as U, Stack } from '@lien-thong/testing';
import { newSession, logIn } from './browser';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What every browser flow shares: one stack behind the web gateway and one headless
 * Chromium, started once by web.int-spec.ts. The flows (flows/*.flow.ts) declare their own
 * `describe` blocks and read these fields only inside their hooks and tests.
 */
export class WebContext {
  stack!: Stack;
  browser!: Browser;
  /** The gateway's origin: the portal, the console and /api/<service>/. */
  site!: string;

  /** A service's API called directly (not through the browser) as a sample user. */
  api(method: string, url: string, as: string, body?: unknown): Promise<Json> {
    return callAs(method, url, as, body);
  }

  /** A land-registry URL (direct, not through the gateway). */
  lr(path: string): string {
    return `${this.stack.url['land-registry']}${path}`;
  }

  /** The dossier as a counter officer of Hà Nội sees it, once it reaches `status`. */
  statusOf(code: string, status: string, as: string = U.counterHaNoi): Promise<Json> {
    return eventually(
      async () => {
        const d = await this.api('GET', this.lr(`/dossiers/${code}`), as);
        return d.status === status ? d : undefined;
      },
      60_000,
      `${code} to reach ${status}`,
    );
  }

  /** Pays a dossier's tax notice at the (simulated) payment gateway, as its operator. */
  async payAtGateway(assessmentId: string): Promise<void> {
    await this.api(
      'POST',
      `${this.stack.url['agency-simulators']}/admin/payments/orders/${encodeURIComponent(assessmentId)}/pay`,
      U.operator,
      {},
    );
  }

  /** The messages the simulated gateways sent about a dossier on one channel. */
  async messagesOf(code: string, channel: 'sms' | 'email' | 'zalo'): Promise<{ text?: string }[]> {
    const sent = await this.api(
      'GET',
      `${this.stack.url['agency-simulators']}/admin/messages?channel=${channel}&dossierCode=${encodeURIComponent(code)}`,
      U.operator,
    );
    return sent.messages as { text?: string }[];
  }

  /** A page of a fresh browser session at `path`, logged in as `username` when given. */
  async pageAs(username?: string, path = '/'): Promise<Page> {
    const context = await newSession(this.browser, this.site);
    const page = await context.newPage();
    await page.goto(path);
    if (username) await logIn(page, username);
    return page;
  }
}
