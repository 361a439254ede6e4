import { describe, expect, it } from 'vitest';
import { CORE_GENERAL_PROBLEM_SCHEME, DEFAULT_SCHEME, formatIssue, validateScheme, type Scheme } from '@retail-value/core';
import {
  addItem,
  englishInput,
  itemsOf,
  localizedFrom,
  MAX_STRATEGY_ITEMS,
  moveItem,
  problemSection,
  removeItem,
  strategyProblems,
  textAt,
  trimmedText,
  withClassStrategy,
  withLifecycle,
  withoutLifecycle,
  withText,
  withVisitFrequency,
  type StrategyList,
} from './strategy-edit.js';

function valid(input: unknown): Scheme {
  const validation = validateScheme(input);
  if (!validation.ok) throw new Error(`invalid scheme: ${validation.issues.map((found) => formatIssue(found, 'en')).join('; ')}`);
  return validation.scheme;
}

function edited(outcome: ReturnType<typeof addItem>): Scheme {
  if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
  return outcome.scheme;
}

const core: StrategyList = { kind: 'class', code: 'core' };
const zh = (scheme: Scheme, list: StrategyList): string[] => (itemsOf(scheme, list) ?? []).map((item) => item['zh-CN']);

describe('English fallback', () => {
  it('stores the Chinese text as the English one when the English is left empty or blank', () => {
    expect(localizedFrom('新品陈列指导', '')).toEqual({ 'zh-CN': '新品陈列指导', en: '新品陈列指导' });
    expect(localizedFrom('新品陈列指导', '   ')).toEqual({ 'zh-CN': '新品陈列指导', en: '新品陈列指导' });
    expect(localizedFrom('新品陈列指导', 'new-product display advice')).toEqual({ 'zh-CN': '新品陈列指导', en: 'new-product display advice' });
  });

  it('shows a fallback English as empty, so the Chinese keeps filling it as it is typed', () => {
    let text = localizedFrom('新品', '');
    expect(englishInput(text)).toBe('');
    text = localizedFrom('新品陈列', englishInput(text));
    expect(text).toEqual({ 'zh-CN': '新品陈列', en: '新品陈列' });
    text = localizedFrom(text['zh-CN'], 'display');
    expect(englishInput(text)).toBe('display');
    // A typed English stays when the Chinese changes.
    expect(localizedFrom('新品陈列指导', englishInput(text))).toEqual({ 'zh-CN': '新品陈列指导', en: 'display' });
  });

  it('trims both languages and keeps a fallback a fallback', () => {
    expect(trimmedText({ 'zh-CN': ' 订货提醒 ', en: ' order reminders ' })).toEqual({ 'zh-CN': '订货提醒', en: 'order reminders' });
    expect(trimmedText({ 'zh-CN': '订货提醒 ', en: '订货提醒 ' })).toEqual({ 'zh-CN': '订货提醒', en: '订货提醒' });
    expect(trimmedText({ 'zh-CN': '订货提醒', en: '   ' })).toEqual({ 'zh-CN': '订货提醒', en: '订货提醒' });
  });
});

describe('editing item lists', () => {
  it('adds an item typed in Chinese only at the end of a class’s personalised items and still validates', () => {
    const original = valid(DEFAULT_SCHEME);
    const added = edited(addItem(original, core));
    expect(itemsOf(added, core)).toHaveLength(4);
    expect(strategyProblems(added)).toEqual([{ kind: 'empty', text: { list: core, at: 3 } }]);
    // The empty item fails the schema until it is typed in.
    expect(validateScheme(added).ok).toBe(false);
    const typed = withText(added, { list: core, at: 3 }, localizedFrom('季度经营座谈会', ''));
    const scheme = valid(typed);
    expect(scheme.strategies.classes.core?.personalItems.at(-1)).toEqual({ 'zh-CN': '季度经营座谈会', en: '季度经营座谈会' });
    expect(strategyProblems(scheme)).toEqual([]);
    // Nothing else changed, and the original is untouched.
    expect(removeItem(scheme, core, 3)).toEqual(original);
    expect(itemsOf(original, core)).toHaveLength(3);
  });

  it('moves items up and down, and leaves the ends alone', () => {
    const original = valid(DEFAULT_SCHEME);
    const list: StrategyList = { kind: 'common' };
    const before = zh(original, list);
    const down = moveItem(original, list, 0, 1);
    expect(zh(down, list)).toEqual([before[1], before[0], before[2], before[3]]);
    const up = moveItem(down, list, 3, -1);
    expect(zh(up, list)).toEqual([before[1], before[0], before[3], before[2]]);
    expect(moveItem(original, list, 0, -1)).toBe(original);
    expect(moveItem(original, list, before.length - 1, 1)).toBe(original);
    expect(moveItem(original, list, 9, -1)).toBe(original);
    expect(moveItem(moveItem(up, list, 2, 1), list, 0, 1)).toEqual(original);
    valid(up);
  });

  it('removes an item of a value cell and of a lifecycle stage', () => {
    const original = valid(DEFAULT_SCHEME);
    const cell: StrategyList = { kind: 'cell', cell: 'potential_value' };
    const stage: StrategyList = { kind: 'stage', stage: 'decline' };
    const [first, , third] = zh(original, cell);
    const scheme = removeItem(removeItem(original, cell, 1), stage, 0);
    expect(zh(scheme, cell)).toEqual([first, third]);
    expect(zh(scheme, stage)).toEqual(zh(original, stage).slice(1));
    expect(removeItem(original, cell, 3)).toBe(original);
    valid(scheme);
    // An empty list is allowed by the schema.
    const emptied = [2, 1, 0].reduce((current, index) => removeItem(current, cell, index), original);
    expect(itemsOf(valid(emptied), cell)).toEqual([]);
  });

  it(`stops at ${MAX_STRATEGY_ITEMS} items, which the schema accepts, and the schema refuses one more`, () => {
    let scheme = valid(DEFAULT_SCHEME);
    const list: StrategyList = { kind: 'common' };
    while ((itemsOf(scheme, list)?.length ?? 0) < MAX_STRATEGY_ITEMS) {
      scheme = edited(addItem(scheme, list, localizedFrom(`项目 ${itemsOf(scheme, list)?.length ?? 0}`, '')));
    }
    valid(scheme);
    expect(addItem(scheme, list, localizedFrom('再来一项', ''))).toEqual({ ok: false, reason: 'limit' });
    const overLimit = structuredClone(scheme);
    overLimit.strategies.commonItems.push({ 'zh-CN': '再来一项', en: 'one more' });
    expect(validateScheme(overLimit).ok).toBe(false);
  });

  it('edits goals and stage strategies with the fallback, and marks a blank Chinese text as a problem', () => {
    const original = valid(DEFAULT_SCHEME);
    const value: StrategyList = { kind: 'cell', cell: 'value' };
    const goal = { list: value, at: 'goal' } as const;
    const blank = withText(original, goal, localizedFrom('  ', ''));
    expect(strategyProblems(blank)).toEqual([{ kind: 'empty', text: goal }]);
    expect(problemSection({ kind: 'empty', text: goal })).toBe('cells');
    const scheme = valid(withText(blank, goal, localizedFrom('一对一保持', '')));
    expect(textAt(scheme, goal)).toEqual({ 'zh-CN': '一对一保持', en: '一对一保持' });
    const stageGoal = { list: { kind: 'stage', stage: 'growth' }, at: 'goal' } as const;
    expect(textAt(valid(withText(scheme, stageGoal, localizedFrom('成长客户管理', 'growth management'))), stageGoal)).toEqual({ 'zh-CN': '成长客户管理', en: 'growth management' });
    // A text that does not exist is not made up.
    expect(withText(original, { list: core, at: 7 }, localizedFrom('x', ''))).toBe(original);
  });
});

describe('classes and lifecycle', () => {
  it('changes a class’s visit frequency', () => {
    const scheme = valid(withVisitFrequency(valid(DEFAULT_SCHEME), 'core', 'biweekly'));
    expect(scheme.strategies.classes.core?.visitFrequency).toBe('biweekly');
    expect(withVisitFrequency(scheme, 'no_such_class', 'weekly')).toBe(scheme);
  });

  it('points at a class without a strategy, as validateScheme does, and adds one to be filled in', () => {
    const original = valid(CORE_GENERAL_PROBLEM_SCHEME);
    const input = structuredClone(original);
    delete input.strategies.classes.problem;
    const validation = validateScheme(input);
    expect(validation.ok ? [] : validation.issues.map((found) => found.code)).toEqual(['scheme.strategy_missing']);
    expect(strategyProblems(input)).toEqual([{ kind: 'missing_class', code: 'problem' }]);
    expect(addItem(input, { kind: 'class', code: 'problem' })).toEqual({ ok: false, reason: 'missing' });
    const added = withClassStrategy(input, 'problem');
    expect(added.strategies.classes.problem).toEqual({ goal: { 'zh-CN': '', en: '' }, personalItems: [], visitFrequency: 'monthly' });
    expect(strategyProblems(added)).toEqual([{ kind: 'empty', text: { list: { kind: 'class', code: 'problem' }, at: 'goal' } }]);
    const scheme = valid(withText(added, { list: { kind: 'class', code: 'problem' }, at: 'goal' }, localizedFrom('规范经营', 'bring operations into line')));
    expect(withClassStrategy(scheme, 'problem')).toBe(scheme);
  });

  it('adds lifecycle strategies from the default scheme when a scheme has none, and removes them again', () => {
    const original = valid(DEFAULT_SCHEME);
    const without = valid(withoutLifecycle(original));
    expect(without.strategies.lifecycle).toBeUndefined();
    expect(itemsOf(without, { kind: 'stage', stage: 'growth' })).toBeUndefined();
    expect(addItem(without, { kind: 'stage', stage: 'growth' })).toEqual({ ok: false, reason: 'missing' });
    const added = valid(withLifecycle(without));
    expect(added).toEqual(original);
    expect(Object.keys(added.strategies.lifecycle ?? {})).toEqual(['introduction', 'growth', 'maturity', 'decline', 'termination']);
    expect(withLifecycle(original)).toBe(original);
    // The copy is the scheme's own: editing it leaves the built-in default alone.
    const changed = withText(added, { list: { kind: 'stage', stage: 'growth' }, at: 0 }, localizedFrom('改过的项目', ''));
    expect(zh(changed, { kind: 'stage', stage: 'growth' })[0]).toBe('改过的项目');
    expect(DEFAULT_SCHEME.strategies.lifecycle?.growth.items[0]?.['zh-CN']).not.toBe('改过的项目');
  });
});
