import { describe, expect, it } from 'vitest';
import { createDemoUsers, openDatabase } from '@retail-value/engine';
import { heading, menuItem, runInBrowser, screenshot, signIn } from './browser-session.js';


/** Every menu page with its heading in both languages, as an administrator sees them. */
const PAGES = [
  { path: '/', name: 'dashboard', zh: '总览', en: 'Overview' },
  { path: '/customers', name: 'customers', zh: '客户', en: 'Customers' },
  { path: '/schemes', name: 'schemes', zh: '评价方案', en: 'Schemes' },
  { path: '/runs', name: 'runs', zh: '评价', en: 'Evaluations' },
  { path: '/import', name: 'import', zh: '数据导入', en: 'Data import' },
  { path: '/users', name: 'users', zh: '用户', en: 'Users' },
] as const;


describe('web shell in chromium', () => {
  it('signs in, switches language, visits every page, adds a user and signs out', async (context) => {
    await runInBrowser(
      context,
      {
        name: 'shell',
        prepare: async (dbPath, workDir) => {
        const db = await openDatabase(dbPath);
        await createDemoUsers(db);
        await db.close();

          return undefined;
        },
        failureScreenshot: 'failure',
      },
      async ({ page, server }) => {

        await page.goto(`${server.url}/customers`);
        await page.waitForURL(`${server.url}/login`);
        await page.getByText('零售客户价值管理系统').first().waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
        await screenshot(page, 'zh-login');

        await signIn(page, 'admin', 'wrong-password', '登 录');
        await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor();
        await screenshot(page, 'zh-login-error');

        await signIn(page, 'admin', 'admin123', '登 录');
        // Back to the page asked for before sign-in.
        await page.waitForURL(`${server.url}/customers`);
        await heading(page, '客户');
        await expect(page.getByTestId('current-user').textContent()).resolves.toBe('admin系统管理员');

        for (const item of PAGES) {
          await menuItem(page, item.zh).click();
          await page.waitForURL(`${server.url}${item.path}`);
          await heading(page, item.zh);
          if (item.name === 'dashboard') {
            await page.getByTestId('scope').getByText('全部客户', { exact: true }).waitFor();
            // No evaluation yet: the overview says so rather than showing empty charts.
            await page.getByTestId('dashboard-empty').getByText('还没有评价结果').waitFor();
          }
          await screenshot(page, `zh-${item.name}`);
        }

        await page.getByTestId('add-user').click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('用户名').fill('wang.fang');
        await dialog.getByLabel('初始密码').fill('short');
        await dialog.getByLabel('角色').click();
        await page.locator('.ant-select-item-option', { hasText: '客户经理' }).click();
        await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
        await dialog.getByLabel('客户经理编号').fill('M042');
        await screenshot(page, 'zh-users-add');
        await dialog.getByRole('button', { name: '添 加' }).click();
        await dialog.getByTestId('add-user-error').getByText('密码至少 8 个字符').waitFor();
        await screenshot(page, 'zh-users-add-error');
        await dialog.getByLabel('初始密码').fill('wang-fang-2026');
        await dialog.getByRole('button', { name: '添 加' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByTestId('user-table').getByText('wang.fang').waitFor();
        await page.getByRole('tab', { name: '审计日志' }).click();
        await page.getByTestId('audit-table').getByText('添加用户').first().waitFor();
        await screenshot(page, 'zh-users-audit');

        await page.getByTestId('language-switch').click();
        await menuItem(page, 'Customers').waitFor();
        expect(await page.evaluate("localStorage.getItem('retail-value.locale')")).toBe('en');
        await page.reload();
        await menuItem(page, 'Customers').waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('en');
        for (const item of PAGES) {
          await menuItem(page, item.en).click();
          await page.waitForURL(`${server.url}${item.path}`);
          await heading(page, item.en);
          if (item.name === 'dashboard') await page.getByTestId('dashboard-empty').getByText('No evaluation results yet').waitFor();
          await screenshot(page, `en-${item.name}`);
        }
        await page.getByRole('tab', { name: 'Audit log' }).click();
        await page.getByTestId('audit-table').getByText('Added user').first().waitFor();
        await screenshot(page, 'en-users-audit');

        await page.getByTestId('logout').click();
        await page.waitForURL(`${server.url}/login`);
        await page.getByRole('button', { name: 'Sign in' }).waitFor();
        await screenshot(page, 'en-login');

        await signIn(page, 'manager', 'manager123', 'Sign in');
        await heading(page, 'Overview');
        await page.getByTestId('scope').getByText(/manager M\d+/).waitFor();
        const menu = await page.getByRole('menuitem').allTextContents();
        expect(menu).toEqual(['Overview', 'My customers']);
        await menuItem(page, 'My customers').click();
        await heading(page, 'My customers');
        await screenshot(page, 'en-my-customers');
        await page.goto(`${server.url}/users`);
        await page.getByText('Your role may not view this page.').waitFor();
        await screenshot(page, 'en-forbidden');

        await page.getByTestId('language-switch').click();
        await menuItem(page, '我的客户').click();
        await heading(page, '我的客户');
        await screenshot(page, 'zh-my-customers');
        await page.getByTestId('logout').click();
        await page.waitForURL(`${server.url}/login`);

      },
    );
  }, 240_000);
});
