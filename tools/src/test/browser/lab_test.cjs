// Browser test of `./workbook lab` (stage 6 of ./workbook test, see run_browser_test in .ci/test-stages):
// drives Debian's Chromium headless through the classic Jupyter Notebook UI, runs a notebook's cells
// one by one with Shift+Enter until a cell shows an image (an <img> in its output area), then saves a
// screenshot. Fails when the kernel does not start or dies, a cell shows an error, or no image appears.
// Nothing is saved: autosave is turned off before the first cell runs. On failure the page as it was
// is saved beside the screenshot (NAME-failed.png).
//
// Usage: node lab_test.cjs BASE_URL TOKEN NOTEBOOK SCREENSHOT USER_DATA_DIR
//   (playwright-core on NODE_PATH; the browser is /usr/bin/chromium, none is downloaded)
'use strict';
const { chromium } = require('playwright-core');

const [base, token, notebook, screenshot, userDataDir] = process.argv.slice(2);
const KERNEL_START_MS = 90_000;
const CELL_MS = 120_000;

function fail(message) {
  throw new Error(message);
}

/** Waits until the cell's prompt shows an execution count (In [n]), failing if the kernel dies meanwhile. */
async function waitForCell(page, cell, index) {
  const deadline = Date.now() + CELL_MS;
  for (;;) {
    const prompt = (await cell.locator('.input_prompt').innerText()).replace(/\s+/g, '');
    if (/\[\d+\]/.test(prompt)) return;
    if (await page.locator('#kernel_indicator_icon.kernel_dead_icon').count()) fail(`the kernel died while cell ${index} ran`);
    if (Date.now() > deadline) fail(`cell ${index} still runs after ${CELL_MS / 1000} s (prompt ${prompt})`);
    await page.waitForTimeout(200);
  }
}

async function main() {
  if (!screenshot || !userDataDir) fail('usage: node lab_test.cjs BASE_URL TOKEN NOTEBOOK SCREENSHOT USER_DATA_DIR');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 1000 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('dialog', dialog => dialog.accept());
    const started = Date.now();
    await page.goto(`${base}/notebooks/${notebook}?token=${token}`);
    await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded,
      null, { timeout: 60_000 });
    await page.evaluate(() => Jupyter.notebook.set_autosave_interval(0));
    try {
      await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout: KERNEL_START_MS });
    } catch (e) {
      fail(`the kernel did not start within ${KERNEL_START_MS / 1000} s: ` +
        (await page.locator('#notification_kernel').innerText().catch(() => '')));
    }
    console.log(`browser test: ${notebook} open, kernel idle after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const cells = page.locator('#notebook-container > .cell');
    const count = await cells.count();
    await cells.nth(0).click();
    for (let i = 0; i < count; i++) {
      const cell = cells.nth(i);
      const isCode = (await cell.getAttribute('class')).includes('code_cell');
      await page.keyboard.press('Shift+Enter');
      if (!isCode) continue;
      await waitForCell(page, cell, i);
      const errors = cell.locator('.output_error');
      if (await errors.count()) fail(`cell ${i} failed:\n${await errors.first().innerText()}`);
      const image = cell.locator('.output_area img');
      if (await image.count()) {
        await image.first().scrollIntoViewIfNeeded();
        const box = await image.first().boundingBox();
        if (!box || box.width < 100 || box.height < 100) fail(`cell ${i} shows an image of ${JSON.stringify(box)}`);
        await page.screenshot({ path: screenshot });
        console.log(`browser test: cell ${i} shows a ${Math.round(box.width)}×${Math.round(box.height)} image ` +
          `after ${((Date.now() - started) / 1000).toFixed(1)} s; screenshot ${screenshot}`);
        return;
      }
    }
    fail(`no cell of ${notebook} showed an image (${count} cells run)`);
  } catch (error) {
    const page = context.pages()[0];
    if (page) await page.screenshot({ path: screenshot.replace(/\.png$/, '-failed.png') }).catch(() => {});
    throw error;
  } finally {
    await context.close();
  }
}

main().catch(async error => {
  console.error(`browser test: ${error.message}`);
  process.exitCode = 1;
});
