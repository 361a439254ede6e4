import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDemoUsers, evaluate, generateDemo, openDatabase } from '@retail-value/engine';
import { drawnPixels, heading, menuItem, runInBrowser, screenshot, signIn } from './browser-session.js';

const BAD_CUSTOMERS = fileURLToPath(new URL('../test/fixtures/import/customers-bad.csv', import.meta.url));

/** The data rows of the antd table with `testId` (not the measuring or placeholder rows). */
function tableRows(page: Page, testId: string) {
  return page.getByTestId(testId).locator('tbody tr.ant-table-row');
}

async function settled(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).locator('.ant-spin-spinning').waitFor({ state: 'detached' });
}

/** Does `action`, waits for the API answer at `path` it asks for, and for the table `testId` to show it. */
async function answered(page: Page, path: string, testId: string, action: () => Promise<unknown>): Promise<void> {
  const answer = page.waitForResponse((response) => new URL(response.url()).pathname === path);
  await action();
  await answer;
  await settled(page, testId);
}

const listed = (page: Page, action: () => Promise<unknown>) => answered(page, '/api/customers', 'customer-table', action);

describe('customers, customer detail, my customers and data import in chromium', () => {
  it('lists, filters and opens customers, reports a bad upload row by row, imports a good one, and keeps a manager to their own', async (context) => {
    await runInBrowser(
      context,
      {
        name: 'customers',
        prepare: async (dbPath, workDir) => {
        const db = await openDatabase(dbPath);
        await generateDemo(db, { customers: 1500, weeks: 60 });
        await createDemoUsers(db);
        await evaluate(db, { period: '2026Q2' });
        await evaluate(db, { period: '2026Q3' });
        const [own] = await db.all<{ customer_id: string; manager_id: string }>(
          `SELECT r.customer_id, c.manager_id FROM run_results r JOIN customers c USING (customer_id)
           WHERE r.run_id = (SELECT max(run_id) FROM runs) AND c.manager_id = (SELECT min(manager_id) FROM customers) ORDER BY r.rank LIMIT 1`,
        );
        const [foreign] = await db.all<{ customer_id: string }>(
          `SELECT customer_id FROM customers WHERE manager_id <> (SELECT min(manager_id) FROM customers) ORDER BY customer_id LIMIT 1`,
        );
        const [district] = await db.all<{ district: string }>('SELECT min(district) AS district FROM customers');
        const [evaluated] = await db.all<{ n: number }>('SELECT count(*) AS n FROM run_results WHERE run_id = (SELECT max(run_id) FROM runs)');
        await db.close();
        if (own === undefined || foreign === undefined || district === undefined || evaluated === undefined) throw new Error('demo data without managers');
        const goodFile = join(workDir, '新客户.csv');
        await writeFile(
          goodFile,
          `客户编码,客户名称,业态,市场类型,区县,客户经理,状态,订货周期\nE2E-001,测试新店,便利店,城镇,${district.district},${own.manager_id},正常,每周\n`,
        );

          return { own, foreign, district, evaluated, goodFile };
        },
        // The manager's look at another manager's customer is meant to answer 404.
        expectedFailure: (response, { foreign }) =>
          response.status() === 404 && new URL(response.url()).pathname === `/api/customers/${encodeURIComponent(foreign.customer_id)}`,
        failureScreenshot: 'customers-failure',
      },
      async ({ page, server, prepared: { own, foreign, district, evaluated, goodFile } }) => {

        await page.goto(`${server.url}/customers`);
        await page.waitForURL(`${server.url}/login`);
        await signIn(page, 'admin', 'admin123', '登 录');
        await page.waitForURL(`${server.url}/customers`);
        await heading(page, '客户');
        await tableRows(page, 'customer-table').nth(19).waitFor();
        expect(await tableRows(page, 'customer-table').count()).toBe(20);
        await page.getByText(`共 ${evaluated.n.toLocaleString('zh-CN')} 户`).waitFor();
        await screenshot(page, 'zh-customers-list');

        // Sort by composite score, highest first, then filter by value cell in the column header.
        const header = (text: string) => page.getByTestId('customer-table').locator('th', { hasText: text });
        await listed(page, () => header('综合得分').click());
        await listed(page, () => header('综合得分').click());
        expect(new URL(page.url()).search).toBe('?sort=compositeScore&order=desc');
        await header('价值类别').locator('.ant-table-filter-trigger').click();
        await page.locator('.ant-table-filter-dropdown').getByText('价值客户', { exact: true }).click();
        await listed(page, () => page.locator('.ant-table-filter-dropdown').getByRole('button', { name: '确 定' }).click());
        expect(new URL(page.url()).searchParams.get('valueCell')).toBe('value');
        const cells = await tableRows(page, 'customer-table').locator('td .ant-tag').allTextContents();
        expect(cells.filter((text) => text.endsWith('客户'))).toEqual(Array(20).fill('价值客户'));
        await page.getByTestId('customer-search').locator('input').fill('便利');
        await listed(page, () => page.getByTestId('customer-search').locator('input').press('Enter'));
        expect(new URL(page.url()).searchParams.get('search')).toBe('便利');
        await screenshot(page, 'zh-customers-filtered');

        // Open the first customer from the list.
        const firstName = (await tableRows(page, 'customer-table').first().locator('a').first().textContent()) ?? '';
        await tableRows(page, 'customer-table').first().click();
        await page.waitForURL(/\/customers\/[^/?]+$/);
        await heading(page, firstName);
        await page.getByTestId('indicator-table').waitFor();
        await expect.poll(() => drawnPixels(page, 'dimension-radar')).toBeGreaterThan(2000);
        await expect.poll(() => drawnPixels(page, 'class-history-chart')).toBeGreaterThan(1000);
        expect(await tableRows(page, 'class-history').count()).toBe(2);
        await page.getByTestId('summary-lifecycle').locator('.ant-typography-secondary').waitFor();
        await page.getByTestId('strategy').getByText('拜访频次').waitFor();
        await screenshot(page, 'zh-customer-detail');
        // Back to the same filtered, sorted list.
        await page.getByTestId('customer-back').click();
        await page.waitForURL(/valueCell=value.*search=|search=.*valueCell=value/);

        await answered(page, '/api/warnings', 'warning-table', () => page.getByRole('tab', { name: '流失预警' }).click());
        await tableRows(page, 'warning-table').first().waitFor();
        await screenshot(page, 'zh-customers-warnings');
        const warningsFile = page.waitForEvent('download');
        await page.getByTestId('warning-export').click();
        expect((await warningsFile).suggestedFilename()).toMatch(/^customers-.+\.xlsx$/);
        await page.getByTestId('export-menu').click();
        const listFile = page.waitForEvent('download');
        await page.getByRole('menuitem', { name: '客户清单（按当前筛选）' }).click();
        expect((await listFile).suggestedFilename()).toMatch(/^customers-.+\.xlsx$/);

        // Data import: a bad file is reported row by row and nothing is written.
        await menuItem(page, '数据导入').click();
        await heading(page, '数据导入');
        await page.getByTestId('import-loads').locator('tbody tr.ant-table-row').first().waitFor();
        await screenshot(page, 'zh-import');
        await page.locator('input[type=file]').setInputFiles(BAD_CUSTOMERS);
        await page.getByTestId('import-check').click();
        const issues = page.getByTestId('import-issues');
        await issues.waitFor();
        await issues.locator('tr', { hasText: '业态' }).filter({ hasText: 'X' }).filter({ hasText: '不是可用的代码' }).waitFor();
        await issues.locator('tr', { hasText: '客户名称' }).filter({ hasText: '必填项为空' }).waitFor();
        await page.getByText(/未写入任何数据/).waitFor();
        expect(await page.getByTestId('import-commit').count()).toBe(0);
        await screenshot(page, 'zh-import-errors');

        // A good file is checked, then imported on confirmation.
        await page.locator('input[type=file]').setInputFiles(goodFile);
        await page.getByTestId('import-check').click();
        await page.getByText(/检查通过/).waitFor();
        await screenshot(page, 'zh-import-checked');
        await page.getByTestId('import-commit').click();
        await page.getByTestId('import-done').getByText(/新增 1/).waitFor();
        await page.getByTestId('import-loads').getByText('新客户.csv').waitFor();
        await screenshot(page, 'zh-import-done');

        // English.
        await page.getByTestId('language-switch').click();
        await listed(page, () => menuItem(page, 'Customers').click());
        await heading(page, 'Customers');
        await screenshot(page, 'en-customers-list');
        await tableRows(page, 'customer-table').first().click();
        await page.getByTestId('indicator-table').waitFor();
        await page.getByTestId('strategy').getByText('Visit frequency').waitFor();
        await screenshot(page, 'en-customer-detail');
        await menuItem(page, 'Data import').click();
        await page.locator('input[type=file]').setInputFiles(BAD_CUSTOMERS);
        await page.getByTestId('import-check').click();
        await page.getByTestId('import-issues').getByText('a value is required').first().waitFor();
        await screenshot(page, 'en-import-errors');
        await page.getByTestId('language-switch').click();
        await page.getByTestId('logout').click();
        await page.waitForURL(`${server.url}/login`);

        // A customer manager: their own customers, warnings and strategies; another manager's customer is not found.
        await signIn(page, 'manager', 'manager123', '登 录');
        await listed(page, () => menuItem(page, '我的客户').click());
        await heading(page, '我的客户');
        await tableRows(page, 'customer-table').first().waitFor();
        await screenshot(page, 'zh-my-customers-list');
        await answered(page, '/api/warnings', 'warning-table', () => page.getByRole('tab', { name: '流失预警' }).click());
        await screenshot(page, 'zh-my-customers-warnings');
        await page.getByRole('tab', { name: '服务策略' }).click();
        await page.getByTestId('class-strategies').waitFor();
        await screenshot(page, 'zh-my-customers-strategies');
        await page.goto(`${server.url}/customers/${encodeURIComponent(own.customer_id)}`);
        await page.getByTestId('indicator-table').waitFor();
        await screenshot(page, 'zh-my-customer-detail');
        await page.goto(`${server.url}/customers/${encodeURIComponent(foreign.customer_id)}`);
        await page.getByText('未找到该客户，或该客户不在您的查看范围内。').waitFor();
        await screenshot(page, 'zh-customer-not-found');

      },
    );
  }, 300_000);
});
