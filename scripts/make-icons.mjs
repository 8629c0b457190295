// Renders icons/icon.svg to the PNG sizes the manifest lists, in Debian's Chromium.
// Run by hand after changing the SVG (`node scripts/make-icons.mjs`); the PNGs are committed
// so that building needs no browser.
import { readFile, writeFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';

const svg = await readFile(new URL('../icons/icon.svg', import.meta.url), 'utf8');
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  for (const size of [16, 32, 48, 128]) {
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await writeFile(new URL(`../icons/icon-${size}.png`, import.meta.url), png);
    console.log(`icons/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
