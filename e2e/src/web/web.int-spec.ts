import { startStack } from '@lien-thong/testing';
import { launchBrowser, prepareWeb, writeDocsScreenshots } from './browser';
import { WebContext } from './context';
import { catalogueFlows } from './flows/catalogue.flow';
import { counterFlows } from './flows/counter.flow';
import { citizenFlows } from './flows/citizen.flow';
import { reviewFlows } from './flows/review.flow';
import { statisticsFlows } from './flows/statistics.flow';

jest.setTimeout(240_000);

/**
 * The officer console and the citizen portal in a real browser (headless Chromium) against
 * the real stack behind the web gateway, logging in on the identity provider's own page:
 * each page is also scanned for accessibility problems at desktop and phone width. One stack
 * and one browser serve every flow (flows/*.flow.ts), which run in the order called here:
 * the statistics come last, to count what the others did.
 */
describe('officer console and citizen portal', () => {
  const ctx = new WebContext();

  beforeAll(async () => {
    // UPDATE_SCREENSHOTS=1: also refresh the README's pictures in docs/screenshots.
    writeDocsScreenshots(process.env.UPDATE_SCREENSHOTS === '1');
    const chromiumPath = prepareWeb();
    [ctx.stack, ctx.browser] = await Promise.all([
      startStack({ web: true, common: { RETRY_DELAYS_MS: '500,2000,5000' } }),
      launchBrowser(chromiumPath),
    ]);
    ctx.site = ctx.stack.web!.baseUrl; // eslint-disable-line @typescript-eslint/no-non-null-assertion
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.stack?.stop();
  });

  catalogueFlows(ctx);
  reviewFlows(ctx);
  citizenFlows(ctx);
  counterFlows(ctx);
  // Last: counts what the flows above did.
  statisticsFlows(ctx);
});
