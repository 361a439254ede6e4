import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDemoUsers, evaluate, generateDemo, openDatabase } from '@retail-value/engine';
import { drawnPixels, heading, menuItem, runInBrowser, screenshot, signIn } from './browser-session.js';


async function expectCharts(page: Page, testIds: readonly string[]): Promise<void> {
  for (const testId of testIds) expect(await drawnPixels(page, testId), testId).toBeGreaterThan(2000);
}

describe('dashboard, evaluations and schemes in chromium', () => {
  it('shows the overview charts, runs an evaluation, compares runs and edits a scheme', async (context) => {
    await runInBrowser(
      context,
      {
        name: 'eval',
        prepare: async (dbPath, workDir) => {
        const db = await openDatabase(dbPath);
        await generateDemo(db, { customers: 3000, weeks: 60 });
        await createDemoUsers(db);
        await evaluate(db, { period: '2026Q2' });
        await db.close();

          return undefined;
        },
        failureScreenshot: 'failure-evaluation',
      },
      async ({ page, server, workDir }) => {

        await page.goto(`${server.url}/login`);
        await signIn(page, 'analyst', 'analyst123', '登 录');
        await heading(page, '总览');
        await page.getByTestId('dashboard-run-info').getByText('2026Q2-001').waitFor();
        await expectCharts(page, ['value-matrix-chart', 'lifecycle-funnel', 'breakdown-district', 'breakdown-market', 'breakdown-format']);
        await page.getByTestId('churn-warnings').waitFor();
        await screenshot(page, 'zh-dashboard-run');

        // Start an evaluation from the form and follow it to the end.
        await menuItem(page, '评价').click();
        await heading(page, '评价');
        await page.getByTestId('run-table').getByText('2026Q2-001').waitFor();
        await page.getByLabel('评价期').fill('2026Q3');
        await page.getByTestId('start-evaluation-submit').click();
        await page.getByTestId('evaluation-progress').waitFor();
        await page.locator('[data-testid="evaluation-progress"][data-status="done"]').waitFor({ timeout: 120_000 });
        await page.getByTestId('evaluation-done').getByText('2026Q3-001').waitFor();
        await page.getByTestId('run-table').getByText('2026Q3-001').waitFor();
        await screenshot(page, 'zh-runs-evaluated');
        // Only administrators delete runs.
        expect(await page.locator('[data-testid^="run-delete-"]').count()).toBe(0);

        await page.getByTestId('run-table').getByRole('button', { name: '2026Q3-001' }).click();
        await page.getByTestId('clv-validation').waitFor();
        await page.getByTestId('run-detail').getByText('输入数据指纹').waitFor();
        await screenshot(page, 'zh-run-detail');
        await page.getByTestId('run-detail').getByText('各步骤用时').scrollIntoViewIfNeeded();
        await screenshot(page, 'zh-run-detail-end');
        await page.keyboard.press('Escape');
        await page.getByTestId('clv-validation').waitFor({ state: 'hidden' });

        // Compare the new run with the one before.
        await page.getByTestId('run-table').getByRole('button', { name: '与上一批次对比' }).click();
        await page.waitForURL(/tab=compare/);
        await page.getByTestId('transition-cells').waitFor();
        await page.getByTestId('transition-classes').waitFor();
        await page.getByTestId('movers-table').locator('tr.ant-table-row').first().waitFor();
        expect(await page.getByTestId('compare-summary').textContent()).toContain('两期都有');
        await screenshot(page, 'zh-runs-compare');
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-export').click()]);
        expect(download.suggestedFilename()).toBe('评价批次对比_2026Q2-001_2026Q3-001.xlsx');
        const saved = join(workDir, 'compare.xlsx');
        await download.saveAs(saved);
        expect((await stat(saved)).size).toBeGreaterThan(5000);

        // The dashboard now shows the latest run by default and the earlier one on request.
        await menuItem(page, '总览').click();
        await page.getByTestId('dashboard-run-info').getByText('2026Q3-001').waitFor();
        await expectCharts(page, ['value-matrix-chart', 'lifecycle-funnel']);

        // Schemes: an inconsistent AHP matrix is refused with its CR, a consistent one saves as version 2;
        // an added indicator with its own normalisation saves as version 3, a custom indicator as version 4, the custom indicator edited in place as version 5.
        await menuItem(page, '评价方案').click();
        await heading(page, '评价方案');
        await page.getByTestId('indicator-tree').waitFor();
        await page.getByTestId('ahp-editor').waitFor();
        await page.getByTestId('ahp-verdict').getByText('通过一致性检验').waitFor();
        await screenshot(page, 'zh-schemes');
        await page.getByTestId('ahp-cell-0-1').fill('1/9');
        await page.getByTestId('ahp-cell-0-2').fill('9');
        await page.getByTestId('ahp-verdict').getByText(/CR = \d\.\d{4} ≥ 0\.1/).waitFor();
        await page.getByTestId('scheme-ahp-problems').waitFor();
        // The lower triangle follows as the reciprocal.
        expect(await page.getByTestId('ahp-matrix').locator('tbody tr').nth(1).locator('td').first().textContent()).toBe('9');
        await screenshot(page, 'zh-schemes-ahp-inconsistent');
        await page.getByTestId('scheme-save').click();
        await page.getByRole('dialog').getByRole('button', { name: '保 存' }).click();
        await page.getByTestId('save-scheme-error').getByText('不能保存').waitFor();
        await page.getByRole('dialog').getByRole('button', { name: '取 消' }).click();
        await page.getByTestId('ahp-cell-0-1').fill('2');
        await page.getByTestId('ahp-cell-0-2').fill('3');
        await page.getByTestId('ahp-verdict').getByText('通过一致性检验').waitFor();

        // Entropy / CRITIC preview of a dimension from the latest run.
        await page.getByTestId('indicator-tree').getByText('成长度', { exact: true }).click();
        await page.getByTestId('objective-preview-load').click();
        await page.getByTestId('objective-preview').getByText('依据批次 2026Q3-001').waitFor();
        await screenshot(page, 'zh-schemes-objective');

        await page.getByTestId('scheme-save').click();
        await page.getByRole('dialog').getByLabel('中文名称').fill('默认评价方案（调整）');
        await page.getByRole('dialog').getByRole('button', { name: '保 存' }).click();
        await page.getByText('已保存为 default 第 2 版').waitFor();
        await page.getByTestId('scheme-info').getByText('default 第 2 版').waitFor();

        // Add a library indicator (满意度, loyalty), score it by percentile within the format, and save as version 3.
        await page.getByTestId('scheme-add-indicator').click();
        const picker = page.getByTestId('indicator-picker');
        await picker.getByTestId('picker-item-satisfaction').waitFor();
        expect(await picker.getByTestId('picker-item-sales_volume').count()).toBe(0);
        await screenshot(page, 'zh-schemes-indicator-picker');
        await picker.getByPlaceholder('按编码或名称搜索').fill('满意');
        await picker.getByTestId('picker-item-trade_area_maturity').waitFor({ state: 'detached' });
        await picker.getByTestId('pick-indicator-satisfaction').click();
        await page.getByText('已将“满意度”添加到忠诚度').waitFor();
        await page.getByTestId('level-editor').getByText('忠诚度的各指标').waitFor();
        await page.getByTestId('direct-weights').getByText('满意度').waitFor();
        await page.getByTestId('indicator-settings-satisfaction').click();
        const form = page.getByTestId('normalization-form');
        await form.getByTestId('normalization-winsor-low').waitFor();
        await form.getByTestId('normalization-method').getByText('分段赋分').click();
        await form.getByTestId('normalization-points').waitFor();
        await screenshot(page, 'zh-schemes-normalization-piecewise');
        await form.getByTestId('normalization-method').getByText('百分位').click();
        await form.getByText('得分为客户在比较范围内的百分位排名').waitFor();
        await form.getByTestId('normalization-scope').getByText('同业态比较').click();
        await screenshot(page, 'zh-schemes-normalization');
        await page.getByRole('dialog').getByRole('button', { name: '确 定' }).click();
        await form.waitFor({ state: 'hidden' });
        await page.getByTestId('indicator-tree').locator('tr', { hasText: '满意度' }).getByText('百分位 · 同业态比较').waitFor();
        await screenshot(page, 'zh-schemes-indicator-added');
        await page.getByTestId('scheme-save').click();
        await page.getByRole('dialog').getByRole('button', { name: '保 存' }).click();
        await page.getByText('已保存为 default 第 3 版').waitFor();
        await page.getByTestId('scheme-info').getByText('default 第 3 版').waitFor();
        // Version 3 as the server stored it, reloaded, has the indicator with its normalisation.
        await page.getByTestId('indicator-tree').locator('tr', { hasText: '满意度' }).getByText('百分位 · 同业态比较').waitFor();

        // A custom indicator: the formula is checked as it is typed, an error shown at its position; fixed, it is added and saved as version 4.
        await page.getByTestId('scheme-add-indicator').click();
        const custom = page.getByTestId('custom-indicator-form');
        const create = picker.getByTestId('create-custom-indicator');
        // A click that lands while the picker is still opening can be lost: click again while the picker shows.
        for (let attempt = 1; ; attempt += 1) {
          if (await create.isVisible()) await create.click();
          try {
            await custom.getByTestId('custom-code').waitFor({ timeout: 5_000 });
            break;
          } catch (error) {
            if (attempt === 3) throw error;
          }
        }
        const addCustom = custom.getByRole('button', { name: '添加到方案' });
        await custom.getByTestId('custom-code').fill('profit_per_order');
        await custom.getByText('指标库中已有编码为“profit_per_order”的指标').waitFor();
        await custom.getByTestId('custom-code').fill('profit_per_visit');
        await custom.getByTestId('custom-name-zh').fill('单笔毛利');
        await custom.getByTestId('custom-name-en').fill('gross profit per visit');
        await custom.getByTestId('custom-dimension').getByText('当前价值 · 贡献度').waitFor();
        await custom.getByTestId('custom-unit-zh').fill('元');
        await custom.getByTestId('custom-unit-en').fill('yuan');
        await custom.getByTestId('custom-formula').fill('gross_profit / orders');
        await custom.getByTestId('custom-formula-error').getByText('第 16 个字符处的“orders”不是指标库中的度量').waitFor();
        expect(await custom.getByTestId('custom-formula-mark').textContent()).toBe('o');
        await custom.getByTestId('custom-formula').fill('gross_profit / (order_count');
        await custom.getByTestId('custom-formula-error').getByText('公式在第 28 个字符处意外结束').waitFor();
        expect(await addCustom.isDisabled()).toBe(true);
        await screenshot(page, 'zh-schemes-custom-indicator-error');
        // Fixed by inserting a measure from the catalog at the cursor.
        await custom.getByTestId('custom-formula').fill('gross_profit / ');
        await custom.getByPlaceholder('按编码或名称筛选').fill('订单');
        await custom.getByTestId('measure-order_count').click();
        expect(await custom.getByTestId('custom-formula').inputValue()).toBe('gross_profit / order_count');
        await custom.getByTestId('custom-formula-valid').getByText('公式有效，引用：商业毛利、订单数').waitFor();
        await screenshot(page, 'zh-schemes-custom-indicator');
        await addCustom.click();
        await page.getByText('已将“单笔毛利”添加到贡献度').waitFor();
        await page.getByTestId('level-editor').getByText('贡献度的各指标').waitFor();
        await page.getByTestId('indicator-tree').locator('tr', { hasText: '单笔毛利' }).getByText('自定义').waitFor();
        await screenshot(page, 'zh-schemes-custom-indicator-added');
        await page.getByTestId('scheme-save').click();
        await page.getByRole('dialog').getByRole('button', { name: '保 存' }).click();
        await page.getByText('已保存为 default 第 4 版').waitFor();
        await page.getByTestId('scheme-info').getByText('default 第 4 版').waitFor();
        await page.getByTestId('indicator-tree').locator('tr', { hasText: '单笔毛利' }).getByText('自定义').waitFor();

        // The custom indicator edited in place: the same form, filled in, its code and dimension fixed; the Chinese name and the
        // formula change (a malformed one reported at its position first), and version 5 differs from version 4 only by its definition.
        await page.locator('.ant-message-notice', { hasText: '已保存为 default 第 4 版' }).waitFor({ state: 'detached' });
        await page.getByTestId('edit-custom-profit_per_visit').click();
        await custom.getByTestId('custom-formula').waitFor();
        await page.getByRole('dialog').getByText('修改自定义指标：单笔毛利').waitFor();
        const code = custom.getByTestId('custom-code');
        expect(await code.inputValue()).toBe('profit_per_visit');
        expect(await code.isEditable()).toBe(false);
        await custom.getByText('编码是指标的标识，权重、标准化设置和已保存的评价结果都引用它，不能修改').waitFor();
        await custom.locator('.ant-select-disabled').getByText('当前价值 · 贡献度').waitFor();
        await custom.getByText('所属维度不能修改；如需移到其他维度，请删除该指标后重新新建').waitFor();
        expect(await custom.getByTestId('custom-name-zh').inputValue()).toBe('单笔毛利');
        expect(await custom.getByTestId('custom-name-en').inputValue()).toBe('gross profit per visit');
        expect(await custom.getByTestId('custom-unit-zh').inputValue()).toBe('元');
        expect(await custom.getByTestId('custom-formula').inputValue()).toBe('gross_profit / order_count');
        await custom.getByTestId('custom-formula-valid').getByText('公式有效，引用：商业毛利、订单数').waitFor();
        const saveCustom = custom.getByRole('button', { name: '保存修改' });
        await custom.getByTestId('custom-name-zh').fill('单次订货毛利');
        await custom.getByTestId('custom-formula').fill('gross_profit / max(order_count 1)');
        await custom.getByTestId('custom-formula-error').getByText('第 32 个字符处缺少右括号，遇到“1”').waitFor();
        expect(await custom.getByTestId('custom-formula-mark').textContent()).toBe('1');
        expect(await saveCustom.isDisabled()).toBe(true);
        await custom.getByTestId('custom-formula').fill('gross_profit / max(order_count, 1)');
        await custom.getByTestId('custom-formula-valid').getByText('公式有效，引用：商业毛利、订单数').waitFor();
        expect(await saveCustom.isDisabled()).toBe(false);
        await screenshot(page, 'zh-schemes-custom-indicator-edit');
        await saveCustom.click();
        await page.getByText('已修改“单次订货毛利”').waitFor();
        await custom.waitFor({ state: 'detached' });
        await page.getByTestId('indicator-tree').locator('tr', { hasText: '单次订货毛利' }).getByText('自定义').waitFor();
        expect(await page.getByTestId('indicator-tree').locator('tr', { hasText: '单笔毛利' }).count()).toBe(0);
        await page.getByTestId('scheme-info').getByText('已修改，尚未保存').waitFor();
        await page.getByTestId('scheme-save').click();
        await page.getByRole('dialog').getByRole('button', { name: '保 存' }).click();
        await page.getByText('已保存为 default 第 5 版').waitFor();
        await page.getByTestId('scheme-info').getByText('default 第 5 版').waitFor();
        // Version 5 as reloaded from the server: the new name in the tree, and the stored definition with everything else as in version 4.
        await page.getByTestId('indicator-tree').locator('tr', { hasText: '单次订货毛利' }).getByText('自定义').waitFor();
        const storedScheme = async (version: number) => {
          const response = await page.request.get(`${server.url}/api/schemes/default?version=${version}`);
          expect(response.ok()).toBe(true);
          return ((await response.json()) as { document: { customIndicators: unknown[] } & Record<string, unknown> }).document;
        };
        const [beforeEdit, afterEdit] = [await storedScheme(4), await storedScheme(5)];
        expect(afterEdit.customIndicators).toEqual([
          {
            code: 'profit_per_visit',
            name: { 'zh-CN': '单次订货毛利', en: 'gross profit per visit' },
            dimension: 'contribution',
            direction: 'benefit',
            unit: { 'zh-CN': '元', en: 'yuan' },
            formula: 'gross_profit / max(order_count, 1)',
          },
        ]);
        expect({ ...afterEdit, customIndicators: [] }).toEqual({ ...beforeEdit, customIndicators: [] });

        // Service strategies: 核心类 visits every two weeks, gains a personalised item typed in Chinese only (moved up one),
        // and 重要类 loses its second item; saved as version 6.
        await page.getByRole('tab', { name: /^服务策略/ }).click();
        const coreClass = page.getByTestId('strategy-class-core');
        await coreClass.getByText('核心类', { exact: true }).waitFor();
        await coreClass.getByTestId('strategy-goal-zh').waitFor();
        expect(await coreClass.getByTestId('strategy-goal-en').inputValue()).toContain('consolidate');
        await coreClass.getByTestId('strategy-visit-frequency').click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '每两周一次' }).click();
        await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
        await coreClass.getByTestId('strategy-visit-frequency').getByText('每两周一次').waitFor();
        const coreItems = coreClass.getByTestId('strategy-items-class-core');
        expect(await coreItems.locator('[data-testid^="strategy-item-"][data-testid$="-zh"]').count()).toBe(3);
        // The notice of the last save would cover the form in the screenshots.
        await page.locator('.ant-message-notice', { hasText: '已保存为 default 第 5 版' }).waitFor({ state: 'detached' });
        await coreItems.getByTestId('strategy-add-item').click();
        // A new item is empty: the Chinese is required, shown inline, on its section and on the tab.
        await coreItems.getByTestId('strategy-item-3-error').getByText('请填写中文').waitFor();
        await page.getByTestId('strategy-problems').getByText('核心类：个性化服务项目第 4 项的中文为空').waitFor();
        await page.getByTestId('strategy-tab-problems').waitFor();
        await screenshot(page, 'zh-schemes-strategies-error');
        await coreItems.getByTestId('strategy-item-3-zh').fill('季度经营座谈会');
        await page.getByTestId('strategy-problems').waitFor({ state: 'detached' });
        expect(await page.getByTestId('strategy-tab-problems').count()).toBe(0);
        expect(await coreItems.getByTestId('strategy-item-3-en').inputValue()).toBe('');
        await coreItems.getByTestId('strategy-item-3-up').click();
        expect(await coreItems.getByTestId('strategy-item-2-zh').inputValue()).toBe('季度经营座谈会');
        expect(await coreItems.getByTestId('strategy-item-3-zh').inputValue()).toBe('增值服务优先（陈列升级、培训）');
        await coreItems.getByTestId('strategy-items-count').getByText('4 / 30 项').waitFor();
        const importantItems = page.getByTestId('strategy-class-important').getByTestId('strategy-items-class-important');
        expect(await importantItems.getByTestId('strategy-item-1-zh').inputValue()).toBe('品类结构优化建议');
        await importantItems.getByTestId('strategy-item-1-remove').click();
        await importantItems.getByTestId('strategy-item-1-zh').waitFor({ state: 'detached' });
        await screenshot(page, 'zh-schemes-strategies');
        await page.getByTestId('scheme-save').click();
        await page.getByRole('dialog').getByRole('button', { name: '保 存' }).click();
        await page.getByText('已保存为 default 第 6 版').waitFor();
        await page.getByTestId('scheme-info').getByText('default 第 6 版').waitFor();
        // Version 6 as reloaded from the server: in the editor, and the stored document with the Chinese as the new item's English.
        await coreClass.getByTestId('strategy-visit-frequency').getByText('每两周一次').waitFor();
        expect(await coreItems.getByTestId('strategy-item-2-zh').inputValue()).toBe('季度经营座谈会');
        expect(await importantItems.getByTestId('strategy-item-1-zh').count()).toBe(0);
        const stored = await page.request.get(`${server.url}/api/schemes/default?version=6`);
        expect(stored.ok()).toBe(true);
        const { document: version6 } = (await stored.json()) as { document: { strategies: { classes: Record<string, { visitFrequency: string; personalItems: { 'zh-CN': string; en: string }[] }> } } };
        expect(version6.strategies.classes.core?.visitFrequency).toBe('biweekly');
        expect(version6.strategies.classes.core?.personalItems.map((item) => item['zh-CN'])).toEqual(['月度经营分析指导书', '品牌培育与新品首发', '季度经营座谈会', '增值服务优先（陈列升级、培训）']);
        expect(version6.strategies.classes.core?.personalItems[2]).toEqual({ 'zh-CN': '季度经营座谈会', en: '季度经营座谈会' });
        expect(version6.strategies.classes.important?.personalItems).toEqual([{ 'zh-CN': '销售数据分析与订货建议', en: 'sales data analysis and ordering advice' }]);
        await page.getByTestId('strategy-sections').getByText('生命周期').click();
        await page.getByTestId('strategy-stage-decline').getByTestId('strategy-items-stage-decline').waitFor();
        await page.locator('.ant-message-notice', { hasText: '已保存为 default 第 6 版' }).waitFor({ state: 'detached' });
        await screenshot(page, 'zh-schemes-strategies-lifecycle');
        // The lifecycle part is optional: removed (confirmed), it can be added back from the default scheme's (this edit is not saved).
        await page.getByTestId('strategy-lifecycle-remove').click();
        await page.getByRole('button', { name: '移 除' }).click();
        await page.getByTestId('strategy-lifecycle-add').waitFor();
        expect(await page.getByTestId('strategy-stage-decline').count()).toBe(0);
        await page.getByTestId('scheme-info').getByText('已修改，尚未保存').waitFor();
        await screenshot(page, 'zh-schemes-strategies-no-lifecycle');
        await page.getByTestId('strategy-lifecycle-add').click();
        await page.getByTestId('strategy-stage-decline').getByTestId('strategy-items-stage-decline').waitFor();
        // The default scheme's stage strategies are what version 6 has, so the draft is unchanged again.
        await page.getByTestId('scheme-info').getByText('已修改，尚未保存').waitFor({ state: 'detached' });
        await page.getByRole('tab', { name: '指标与权重' }).click();

        // Removing is confirmed, and the last indicator of a dimension stays (this edit is not saved).
        await page.getByTestId('indicator-remove-violation_count').click();
        await page.getByRole('button', { name: '删 除' }).click();
        await page.getByText('已删除“违规次数”').waitFor();
        await page.getByTestId('indicator-remove-credit_grade').click();
        await page.getByText('“信用等级”是信用度的最后一个指标，不能删除').waitFor();
        expect(await page.getByTestId('indicator-remove-credit_grade').count()).toBe(1);

        // English.
        await page.getByTestId('language-switch').click();
        await menuItem(page, 'Overview').click();
        await page.getByTestId('dashboard-run-info').getByText('2026Q3-001').waitFor();
        await expectCharts(page, ['value-matrix-chart', 'lifecycle-funnel', 'breakdown-district']);
        await screenshot(page, 'en-dashboard-run');
        await menuItem(page, 'Evaluations').click();
        await page.getByTestId('run-table').getByText('2026Q3-001').waitFor();
        await screenshot(page, 'en-runs-list');
        await page.getByRole('tab', { name: 'Compare' }).click();
        await page.getByTestId('transition-cells').waitFor();
        await page.getByTestId('movers-table').locator('tr.ant-table-row').first().waitFor();
        await screenshot(page, 'en-runs-compare');
        await menuItem(page, 'Schemes').click();
        await page.getByTestId('ahp-editor').waitFor();
        await screenshot(page, 'en-schemes');
        // The edit form of the custom indicator in English (closed without a change).
        await page.getByTestId('edit-custom-profit_per_visit').click();
        await custom.getByTestId('custom-formula').waitFor();
        await page.getByRole('dialog').getByText('Edit custom indicator: Gross profit per visit').waitFor();
        expect(await custom.getByTestId('custom-formula').inputValue()).toBe('gross_profit / max(order_count, 1)');
        await custom.getByText('The dimension cannot change; to move the indicator to another dimension, remove it and create it again').waitFor();
        await screenshot(page, 'en-schemes-custom-indicator-edit');
        await custom.getByRole('button', { name: 'Cancel' }).click();
        await custom.waitFor({ state: 'detached' });
        await page.getByRole('tab', { name: 'Thresholds and class rules' }).click();
        await page.getByTestId('class-rules').waitFor();
        await screenshot(page, 'en-schemes-rules');
        await page.getByRole('tab', { name: /^Service strategies/ }).click();
        await page.getByTestId('strategy-class-core').getByText('Core', { exact: true }).waitFor();
        await page.getByTestId('strategy-sections').getByText('Value cells').click();
        await page.getByTestId('strategy-cell-value').waitFor();
        await screenshot(page, 'en-schemes-strategies');
        await page.getByTestId('strategy-sections').getByText('Common items').click();
        await page.getByTestId('strategy-common').getByTestId('strategy-item-3-en').waitFor();
        await screenshot(page, 'en-schemes-strategies-common');
        await page.getByTestId('language-switch').click();
        await page.getByRole('tab', { name: '阈值与分类规则' }).click();
        await page.getByTestId('class-rules').waitFor();
        await screenshot(page, 'zh-schemes-rules');
        await page.getByTestId('logout').click();
        await page.waitForURL(`${server.url}/login`);

        // A district head sees their district only and cannot start evaluations.
        await signIn(page, 'district', 'district123', '登 录');
        await heading(page, '总览');
        await page.getByTestId('scope').getByText(/^区县“.+”的客户$/).waitFor();
        await expectCharts(page, ['value-matrix-chart', 'breakdown-market', 'breakdown-format']);
        // One district needs no chart by district.
        expect(await page.getByTestId('breakdown-district').count()).toBe(0);
        await screenshot(page, 'zh-dashboard-district');
        await menuItem(page, '评价').click();
        await page.getByTestId('run-table').getByText('2026Q3-001').waitFor();
        expect(await page.getByTestId('start-evaluation').count()).toBe(0);
        expect(await page.locator('[data-testid^="run-delete-"]').count()).toBe(0);
        await page.getByTestId('logout').click();
        await page.waitForURL(`${server.url}/login`);

        // An administrator deletes a run after a confirmation that says what goes with it.
        await signIn(page, 'admin', 'admin123', '登 录');
        await heading(page, '总览');
        await menuItem(page, '评价').click();
        await page.getByTestId('run-table').getByText('2026Q3-001').waitFor();
        await page.getByTestId('run-delete-2026Q3-001').click();
        const confirm = page.locator('.ant-popconfirm');
        await confirm.getByText('删除评价批次 2026Q3-001？').waitFor();
        await confirm.getByText(/评价结果与评优记录将一并删除/).waitFor();
        await screenshot(page, 'zh-runs-delete');
        await confirm.getByRole('button', { name: '删 除' }).click();
        await page.getByText('已删除评价批次 2026Q3-001').waitFor();
        await page.getByTestId('run-table').getByText('2026Q3-001').waitFor({ state: 'detached' });
        await page.getByTestId('run-table').getByText('2026Q2-001').waitFor();
        await page.getByTestId('logout').click();
        await page.waitForURL(`${server.url}/login`);

      },
    );
  }, 300_000);
});
