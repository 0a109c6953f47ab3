// Starts Debian's Chromium through playwright-core with a throw-away profile per session.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const kBaseUrl = (process.env.CANDOR_URL ?? '').replace(/\/+$/, '');
const kChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const kArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/// Screenshots go to a fresh temporary folder, never into the repository.
export const kShotDir = await mkdtemp(path.join(tmpdir(), 'candor-e2e-shots-'));
await mkdir(kShotDir, { recursive: true });

export async function openBrowser({ locale = 'en-US' } = {}) {
  const profile = await mkdtemp(path.join(tmpdir(), 'candor-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: kChromium,
    headless: true,
    args: kArgs,
    locale,
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  // Uncaught exceptions in the page fail the test that caused them.
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page, name) {
  const file = path.join(kShotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
