// The reading room in headless Chromium against the dev host, with the reference issue (济宁日报 2022-08-08,
// page 1) ingested and a second upload of random bytes that must fail with a reason. Screenshots of every view
// go to artifacts/.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { ARTIFACTS, ROOT, getJson, startAzurite, startDevHost, upload, waitForIssues } from './harness.mjs';

// From the reference page's gold (tests/Broadsheet.Core.Tests/Fixtures/page-01.gold.json).
const PAPER = 'jining-daily';
const DATE = '2022-08-08';
const KEYWORD = '碳材料';
const KEYWORD_STORY = '先进碳材料产业发展高峰论坛';
const KEYWORD_BYLINE = ['刘丁', '李超'];
const KEYWORD_DATELINE = '本报嘉祥8月7日讯';
const PERSON = '屈耀武';
const PERSON_STORY = '实施“四大提升行动”';
const JUNK = { paper: 'junk-upload', date: '2022-08-09' };

let azurite, host, browser, ui, api;

before(async () => {
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  azurite = await startAzurite();
  host = await startDevHost(azurite.connection);
  ui = `${host.origin}/ui/`;
  api = host.api;

  upload(azurite.connection, path.join(ROOT, 'samples/jining-daily/2022-08-08.txt'), PAPER, DATE);
  const junk = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-junk-')), 'junk.bin');
  const bytes = crypto.randomBytes(8192);
  bytes[0] = 0; bytes[100] = 0; // binary for sure
  fs.writeFileSync(junk, bytes);
  upload(azurite.connection, junk, JUNK.paper, JUNK.date);

  await waitForIssues(api, host, [{ paper: PAPER, date: DATE, status: 'complete' }, { ...JUNK, status: 'failed' }]);
  browser = await launchBrowser();
}, { timeout: 420_000 });

after(async () => {
  await browser?.close();
  await host?.stop();
  await azurite?.stop();
});

async function open(hash = '', viewport = { width: 1280, height: 900 }) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const problems = [];
  page.on('pageerror', e => problems.push(e.message));
  page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });
  page.problems = problems;
  await page.goto(ui + hash);
  return page;
}

const shot = (page, name) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
const resultTitles = page => page.locator('.result h2 a').allInnerTexts();
/** Waits until the search has answered — results, none, or an error — so a miss fails at once with what was shown. */
async function searched(page) {
  await page.locator('.search-view .status').filter({ hasText: /\d+ stor(y|ies)|No stories match/ }).or(page.getByRole('alert')).first().waitFor();
  return resultTitles(page);
}

describe('reading room on the dev host', () => {
  test('the dev host serves the page at / and /ui/, and its assets with their content types', async () => {
    const root = await fetch(host.origin + '/', { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/ui/');
    const page = await fetch(ui);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map(m => m[1]);
    assert.ok(assets.some(a => a.endsWith('.js')) && assets.some(a => a.endsWith('.css')), `index.html links its bundle: ${assets}`);
    for (const asset of assets) {
      const response = await fetch(ui + asset);
      assert.equal(response.status, 200, asset);
      assert.match(response.headers.get('content-type'), asset.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
    }
  });

  test('under /api/ui/, where Azure serves it, the page finds the API beside it', async () => {
    const page = await browser.context.newPage();
    const calls = [];
    page.on('request', r => { if (r.url().includes('/issues')) calls.push(new URL(r.url()).pathname); });
    await page.goto(`${host.origin}/api/ui/#/issues`);
    await page.locator('.issue.status-complete', { hasText: PAPER }).waitFor();
    assert.ok(calls.includes('/api/issues'), `calls: ${calls}`);
    await page.close();
  });

  test('search by keyword finds the story, with the keyword marked in its passage', async () => {
    const page = await open();
    await page.getByRole('searchbox', { name: 'Keywords' }).fill(KEYWORD);
    await page.keyboard.press('Enter');

    const titles = await searched(page);
    assert.ok(titles.some(t => t.includes(KEYWORD_STORY)), `results: ${titles.join(' | ')}`);
    const hit = page.locator('.result', { hasText: KEYWORD_STORY });
    assert.ok((await hit.locator('mark').allInnerTexts()).some(m => KEYWORD.includes(m)), 'the keyword is highlighted');
    assert.match(await hit.locator('.meta').innerText(), new RegExp(`${DATE}.*page 1`));
    assert.ok(new URL(page.url()).hash.includes(`q=${encodeURIComponent(KEYWORD)}`), 'the search is in the URL');
    await shot(page, 'search-keyword');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('search by person (a shared link) finds the story, with the filter filled in', async () => {
    const page = await open(`#/search?person=${encodeURIComponent(PERSON)}`);

    const titles = await searched(page);
    assert.ok(titles.some(t => t.includes(PERSON_STORY)), `results: ${titles.join(' | ')}`);
    assert.equal(await page.getByLabel('Person').inputValue(), PERSON);
    const hit = page.locator('.result', { hasText: PERSON_STORY });
    assert.ok((await hit.locator('.passage mark').allInnerTexts()).includes(PERSON), 'the name is marked in the passage');
    assert.equal(await page.locator('details.filters').getAttribute('open'), '');
    await shot(page, 'search-person');
    await page.close();
  });

  test('the article view shows its byline, dateline, pages and entities, and entity chips search', async () => {
    const page = await open(`#/search?q=${encodeURIComponent(KEYWORD)}`);
    await page.locator('.result a', { hasText: KEYWORD_STORY }).click();
    await page.locator('.story h1').waitFor();
    const id = decodeURIComponent(new URL(page.url()).hash.replace('#/article/', ''));
    const article = await getJson(`${api}/articles/${encodeURIComponent(id)}`);

    assert.ok((await page.locator('.story h1').innerText()).includes(KEYWORD_STORY));
    const byline = await page.locator('.byline').innerText();
    for (const name of KEYWORD_BYLINE) assert.ok(byline.includes(name), `byline '${byline}' names ${name}`);
    assert.ok((await page.locator('.dateline').innerText()).includes(KEYWORD_DATELINE));
    assert.match(await page.locator('.pages').innerText(), /Page 1/);
    assert.equal(await page.locator('.body p').count(), article.paragraphs.length);

    // Every person, place and organisation the API gives is a chip; the story has some.
    const e = article.enrichment ?? {};
    const expected = { people: e.people ?? [], places: e.places ?? [], orgs: e.organizations ?? [] };
    assert.ok(Object.values(expected).flat().length > 0, 'the reference story has entities');
    for (const [kind, items] of Object.entries(expected)) {
      const chips = items.length ? await page.locator(`.entities-${kind} .chip`).allInnerTexts() : [];
      for (const item of items) assert.ok(chips.some(c => c.startsWith(item.name)), `${kind} chip for ${item.name}: ${chips}`);
    }
    await shot(page, 'article');

    // A chip is a search: following it finds this story again.
    const [kind, items] = Object.entries(expected).find(([, v]) => v.length > 0);
    await page.locator(`.entities-${kind} .chip`).first().click();
    const found = await searched(page);
    assert.ok(new URL(page.url()).hash.startsWith('#/search?'));
    assert.ok(found.some(t => t.includes(KEYWORD_STORY)), `the ${kind} chip ${items[0].name} finds the story: ${found.join(' | ')}`);
    await page.close();
  });

  test('the issues list shows the failed upload with its reason, and the issue view lists stories by page', async () => {
    const { items } = await getJson(`${api}/issues`);
    const failed = items.find(i => i.paper === JUNK.paper);
    assert.ok(failed?.error, 'the API gives a reason');

    const page = await open('#/issues');
    const row = page.locator('.issue.status-failed', { hasText: JUNK.paper });
    await row.waitFor();
    assert.equal(await row.locator('.badge').textContent(), 'failed');
    assert.ok((await row.locator('.reason').innerText()).includes(failed.error));
    const complete = page.locator('.issue.status-complete', { hasText: PAPER });
    assert.ok(await complete.isVisible());
    // Dates as everywhere else: ISO, not the browser locale's 12/2/2026, 2:03:00 PM.
    const meta = await complete.locator('.meta').innerText();
    assert.match(meta, /updated \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    assert.doesNotMatch(meta, /\d+\/\d+\/\d+/);
    await shot(page, 'issues');

    await complete.locator('h2 a').click();
    await page.locator('.page').first().waitFor();
    const issue = await getJson(`${api}/issues/${PAPER}/${DATE}`);
    const links = await page.locator('.page .story-list a').count();
    assert.ok(links >= issue.articleList.length && issue.articleList.length > 0, `${links} links for ${issue.articleList.length} stories`);
    assert.ok((await page.locator('#page-1').innerText()).includes(KEYWORD_STORY));
    await shot(page, 'issue');
    await page.close();
  });

  test('an issue opened from a link focuses its heading without a focus ring (only keyboard focus on controls shows one)', async () => {
    const page = await open(`#/issue/${PAPER}/${DATE}`);
    await page.locator('.page').first().waitFor();
    const heading = await page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el?.tagName, outline: el ? getComputedStyle(el).outlineStyle : null };
    });
    assert.deepEqual(heading, { tag: 'H1', outline: 'none' });
    // A control reached with Tab still shows the ring.
    await page.keyboard.press('Tab');
    const control = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(control, 'solid');
    await page.close();
  });

  test('a jump to a page that is not in the upload says so, with no link to a page without it', async () => {
    const { items } = await getJson(`${api}/articles?paper=${PAPER}&date=${DATE}&top=100`);
    const jumper = items.find(a => a.continuesTo && !(a.pages ?? [a.page]).includes(a.continuesTo.page));
    assert.ok(jumper, 'the reference page (page 1 alone) has a story that continues on page 2');
    const page = await open(`#/article/${encodeURIComponent(jumper.id)}`);
    await page.locator('.story h1').waitFor();
    const pages = await page.locator('.story .pages').innerText();
    assert.match(pages, new RegExp(`Continues on page ${jumper.continuesTo.page}.*not in this upload`));
    assert.equal(await page.locator('.story .pages a.jump').count(), 0);
    await page.close();
  });

  test('body text uses one face for Chinese, digits and Latin letters (no serif digits beside sans Chinese)', async () => {
    const { items } = await getJson(`${api}/articles?paper=${PAPER}&date=${DATE}&top=100`);
    const withDigits = items.find(a => (a.paragraphs ?? []).some(p => /\d/.test(p) && /[\u4e00-\u9fff]/.test(p)));
    const page = await open(`#/article/${encodeURIComponent(withDigits.id)}`);
    await page.locator('.story h1').waitFor();
    const index = withDigits.paragraphs.findIndex(p => /\d/.test(p) && /[\u4e00-\u9fff]/.test(p));
    // Which fonts Chromium drew the paragraph and the headline with (DevTools protocol: the platform fonts per node).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const fontsOf = async selector => {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.filter(f => f.glyphCount > 0).map(f => f.familyName);
    };
    const families = await fontsOf(`.body p:nth-child(${index + 1})`);
    assert.equal(families.length, 1, `'${withDigits.paragraphs[index].slice(0, 40)}…' is drawn in one face, not ${families.join(' + ')}`);
    await shot(page, 'article-digits');
    await page.close();
  });

  test('paging follows the continuation token', async () => {
    const page = await open(`#/search?paper=${PAPER}&top=3`);
    await page.locator('.result').first().waitFor();
    assert.equal(await page.locator('.result').count(), 3);
    await page.getByRole('button', { name: 'More results' }).click();
    await page.locator('.result').nth(3).waitFor();
    const links = await page.locator('.result h2 a').evaluateAll(as => as.map(a => a.getAttribute('href')));
    assert.equal(new Set(links).size, links.length, 'no story twice');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), links[3], 'focus moves to the first new result');
    await page.close();
  });

  test('keyboard: Tab reaches the search box, Enter searches, results are links focused in order', async () => {
    const page = await open();
    let tabs = 0;
    while (await page.evaluate(() => document.activeElement?.id) !== 'q') {
      assert.ok(++tabs <= 8, 'the search box is within 8 Tabs of the top');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('济宁');
    await page.keyboard.press('Enter');
    await page.locator('.result').first().waitFor();
    const hrefs = await page.locator('.result h2 a').evaluateAll(as => as.map(a => a.getAttribute('href')));
    assert.ok(hrefs.length >= 2, `a search with several results (${hrefs.length})`);

    const focused = () => page.evaluate(() => document.activeElement?.closest('.result') ? document.activeElement.getAttribute('href') : null);
    for (tabs = 0; (await focused()) === null; tabs++) {
      assert.ok(tabs <= 4, 'the first result is a few Tabs after the search box');
      await page.keyboard.press('Tab');
    }
    const order = [await focused()];
    for (let i = 1; i < hrefs.length; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    assert.deepEqual(order, hrefs);
    await shot(page, 'keyboard');
    await page.keyboard.press('Enter');
    await page.locator('.story h1').waitFor();
    assert.equal(page.url().split('#')[1], hrefs.at(-1).slice(1));
    await page.close();
  });

  test('on a 390px phone screen nothing scrolls sideways', async () => {
    const phone = { width: 390, height: 844 };
    const page = await open(`#/search?q=${encodeURIComponent(KEYWORD)}`, phone);
    await page.locator('.result').first().waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'search fits');
    const box = await page.getByRole('searchbox', { name: 'Keywords' }).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390);
    await shot(page, 'phone-search');
    await page.locator('.result a').first().click();
    await page.locator('.story h1').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'article fits');
    const [story, aside] = [await page.locator('.story').boundingBox(), await page.locator('.entities').boundingBox()];
    assert.ok(aside.y >= story.y + story.height - 1, 'entities stack under the story');
    await shot(page, 'phone-article');
    await page.goto(ui + '#/issues');
    await page.locator('.issue').first().waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'issues fit');
    await shot(page, 'phone-issues');
    await page.close();
  });

  test('a function key goes in the x-functions-key header and sessionStorage, never in the URL', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Key' }).click();
    await page.getByLabel('Key', { exact: true }).fill('test-key-123');
    await page.getByRole('button', { name: 'Save' }).click();
    const request = page.waitForRequest(r => r.url().includes('/api/articles'));
    await page.getByRole('searchbox', { name: 'Keywords' }).fill(KEYWORD);
    await page.keyboard.press('Enter');
    const sent = await request;
    assert.equal(sent.headers()['x-functions-key'], 'test-key-123');
    assert.ok(!sent.url().includes('test-key-123') && !page.url().includes('test-key-123'));
    assert.equal(await page.evaluate(() => sessionStorage.getItem('broadsheet.functionKey')), 'test-key-123');
    await page.close();
  });

  test('an API that wants a key gets one clear line and a way to give it', async () => {
    const page = await browser.context.newPage();
    await page.route('**/api/articles?**', route => route.fulfill({ status: 401, body: '' }));
    await page.goto(`${ui}#/search?q=${encodeURIComponent(KEYWORD)}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /needs a function key/);
    await alert.getByRole('button', { name: 'Enter key' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'function-key');
    await page.close();
  });
});
