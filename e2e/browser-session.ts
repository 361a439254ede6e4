import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Response } from 'playwright-core';
import { expect, type TestContext } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium } from './launch-chromium.js';
import { startCliServer, type CliServer } from './start-cli-server.js';

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** A menu entry by its label; its accessible name starts with the icon's, so match the end. */
export function menuItem(page: Page, label: string) {
  return page.getByRole('menuitem', { name: new RegExp(`(^| )${label}$`) });
}

export async function heading(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('h4', { hasText: typeof text === 'string' ? new RegExp(`^${text}$`) : text }).waitFor();
}

export async function signIn(page: Page, username: string, password: string, submit: string): Promise<void> {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: submit }).click();
}

/** Pixels an ECharts canvas has drawn (its background is transparent), so an empty chart counts 0. */
export async function drawnPixels(page: Page, testId: string): Promise<number> {
  const canvas = page.getByTestId(testId).locator('canvas').first();
  await canvas.waitFor();
  return canvas.evaluate((element) => {
    // The canvas as far as this check needs it (the project compiles without the DOM library).
    const chart = element as unknown as {
      width: number;
      height: number;
      getContext(kind: '2d'): { getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> } } | null;
    };
    const context = chart.getContext('2d');
    if (context === null) return 0;
    const { data } = context.getImageData(0, 0, chart.width, chart.height);
    let drawn = 0;
    for (let index = 3; index < data.length; index += 4) if ((data[index] ?? 0) > 0) drawn += 1;
    return drawn;
  });
}

export interface BrowserSession<T> {
  readonly page: Page;
  readonly server: CliServer;
  readonly workDir: string;
  /** What `prepare` returned. */
  readonly prepared: T;
}

export interface BrowserRun<T> {
  /** Prefix of the temporary working directory. */
  readonly name: string;
  /** Fills the database at `dbPath` before the server starts; closes it itself. */
  readonly prepare: (dbPath: string, workDir: string) => Promise<T>;
  /** An HTTP answer ≥ 402 the flow expects (400 bad input and 401 not signed in are always part of it). */
  readonly expectedFailure?: (response: Response, prepared: T) => boolean;
  /** Screenshot name taken when the flow fails. */
  readonly failureScreenshot: string;
}

/**
 * Runs a browser flow against the built `retail-value serve` on a prepared
 * database, in a fresh chromium profile. Skips without /usr/bin/chromium,
 * except under CI=true, where a missing browser fails. The flow fails on any
 * page error, console error or unexpected HTTP failure, and its failure
 * message carries the server's output.
 */
export async function runInBrowser<T>(context: TestContext, run: BrowserRun<T>, flow: (session: BrowserSession<T>) => Promise<void>): Promise<void> {
  if (!hasChromium()) {
    if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing; .ci/run installs it`);
    context.skip(`${CHROMIUM} not found: install Debian's chromium to run the browser test`);
  }
  await mkdir(SCREENSHOTS, { recursive: true });
  const workDir = await mkdtemp(join(tmpdir(), `rv-e2e-${run.name}-`));
  const dbPath = join(workDir, 'rv.duckdb');
  const prepared = await run.prepare(dbPath, workDir);
  const server = await startCliServer(dbPath);
  const profile = join(workDir, 'chromium-profile');
  await mkdir(profile);
  const browser = await launchChromium(profile);
  const problems: string[] = [];
  const page = browser.pages()[0] ?? (await browser.newPage());
  // The app turns its animations off for users who ask for less motion: a click then never lands
  // on a dialog that is still zooming open, and screenshots show the settled page.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  try {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // The browser logs every 4xx answer; the API's are judged below by status instead.
      const apiAnswer = message.text().startsWith('Failed to load resource') && message.location().url.includes('/api/');
      if (message.type() === 'error' && !apiAnswer) problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      const expected = run.expectedFailure?.(response, prepared) ?? false;
      if (response.status() >= 402 && !expected) problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    await flow({ page, server, workDir, prepared });
    expect(problems).toEqual([]);
  } catch (error) {
    await screenshot(page, run.failureScreenshot).catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nserver output:\n${server.output()}`, { cause: error });
  } finally {
    await browser.close();
    await server.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}
