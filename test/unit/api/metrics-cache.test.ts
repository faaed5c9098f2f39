// With a reuse window, metrics answer from the last computation while crawled items arrive,
// and a change made through the API (here: segments entered by a coder) clears it at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem } from '../../helpers/make-item.ts';
import { SEGMENT_ROW } from '../../helpers/segment-row.ts';
import {
  Browser,
  PASSWORDS,
  startApp,
  USERS,
  type AppHarness,
} from '../../security/app-harness.ts';

const item = (n: number) => {
  const text = `Zahid Oruc bu gün ${n} saylı görüşdə çıxış etdi.`;
  return makeItem({ url: `https://xeber.az/m/${n}`, title: `Görüş ${n}`, text }, [
    ['Zahid Oruc', 'oruc_zahid', { type: 'candidate' }],
  ]);
};

describe('metrics reuse window', () => {
  let hx: AppHarness;
  beforeAll(async () => {
    hx = await startApp({ app: { metricsMaxAgeMs: 3_600_000 } });
  });
  afterAll(() => hx.close());

  const itemsOf = async (browser: Browser) => {
    const res = await browser.get('/api/metrics?unit=items&type=candidate');
    expect(res.status).toBe(200);
    expect(res.headers.get('last-modified')).toBeTruthy();
    return res.body.total as number;
  };

  it('reuses a result until a change comes through the API', async () => {
    const browser = new Browser(hx.base);
    await hx.store.upsertItems([item(1), item(2)]);
    expect(await itemsOf(browser)).toBe(2);

    // Crawled items (written straight to the store) wait for the window to pass.
    await hx.store.upsertItems([item(3)]);
    expect(await itemsOf(browser)).toBe(2);

    expect((await browser.login(USERS.coder, PASSWORDS.coder)).status).toBe(200);
    const entered = await browser.send('POST', '/api/segments', { rows: [SEGMENT_ROW] });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    // The segment and the crawled item both count now.
    expect(await itemsOf(browser)).toBe(4);
  });
});
