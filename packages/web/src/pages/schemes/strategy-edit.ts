import { DEFAULT_SCHEME, LIFECYCLE_STAGES, VALUE_CELLS, type LifecycleStage, type LocalizedText, type Scheme, type StrategyCatalog, type ValueCell, type VISIT_FREQUENCIES } from '@retail-value/core';

/** Items a list of the strategy catalog may hold (the scheme schema's limit). */
export const MAX_STRATEGY_ITEMS = 30;

export type VisitFrequency = (typeof VISIT_FREQUENCIES)[number];
type ClassStrategy = StrategyCatalog['classes'][string];

/** A list of service items in the catalog: the common items, or the items of a value cell, a service class (personalised) or a lifecycle stage. */
export type StrategyList =
  | { readonly kind: 'common' }
  | { readonly kind: 'cell'; readonly cell: ValueCell }
  | { readonly kind: 'class'; readonly code: string }
  | { readonly kind: 'stage'; readonly stage: LifecycleStage };

/** A list that has a heading text too: the goal of a cell or class, the management strategy of a stage. */
export type StrategyOwner = Exclude<StrategyList, { kind: 'common' }>;

/** One text of the catalog: the heading (`goal`) of an owner, or an item of a list by its position. */
export type StrategyText = { readonly list: StrategyOwner; readonly at: 'goal' } | { readonly list: StrategyList; readonly at: number };

/** The four parts of the editor, each holding lists. */
export type StrategySection = 'classes' | 'common' | 'cells' | 'lifecycle';

export type StrategyProblem =
  /** A Chinese text is empty (or blank): the schema needs both languages non-empty. */
  | { readonly kind: 'empty'; readonly text: StrategyText }
  /** A service class of the scheme without an entry (validateScheme's `scheme.strategy_missing`). */
  | { readonly kind: 'missing_class'; readonly code: string };

export type ItemEdit = { readonly ok: true; readonly scheme: Scheme } | { readonly ok: false; readonly reason: 'limit' | 'missing' };

export const EMPTY_TEXT: LocalizedText = { 'zh-CN': '', en: '' };

/** A stable name of a list, for React keys and test ids: `common`, `cell-value`, `class-core`, `stage-growth`. */
export function listKey(list: StrategyList): string {
  switch (list.kind) {
    case 'common':
      return 'common';
    case 'cell':
      return `cell-${list.cell}`;
    case 'class':
      return `class-${list.code}`;
    case 'stage':
      return `stage-${list.stage}`;
  }
}

export function sectionOf(list: StrategyList): StrategySection {
  return list.kind === 'common' ? 'common' : list.kind === 'cell' ? 'cells' : list.kind === 'class' ? 'classes' : 'lifecycle';
}

/**
 * The stored text for what the analyst typed: Chinese as typed, English as
 * typed or, when left empty, the Chinese text (the schema needs both).
 */
export function localizedFrom(chinese: string, english: string): LocalizedText {
  return { 'zh-CN': chinese, en: english.trim() === '' ? chinese : english };
}

/** What the English input shows for a stored text: empty when it only repeats the Chinese (the fallback). */
export function englishInput(text: LocalizedText): string {
  return text.en === text['zh-CN'] ? '' : text.en;
}

/** The text without surrounding blanks, keeping an English fallback a fallback. */
export function trimmedText(text: LocalizedText): LocalizedText {
  return localizedFrom(text['zh-CN'].trim(), text.en.trim());
}

export function isBlank(text: LocalizedText): boolean {
  return text['zh-CN'].trim() === '';
}

/** The items of a list, or undefined when its owner has no entry (a class without strategy, lifecycle strategies not set). */
export function itemsOf(scheme: Scheme, list: StrategyList): readonly LocalizedText[] | undefined {
  const strategies = scheme.strategies;
  switch (list.kind) {
    case 'common':
      return strategies.commonItems;
    case 'cell':
      return strategies.cells[list.cell]?.items;
    case 'class':
      return strategies.classes[list.code]?.personalItems;
    case 'stage':
      return strategies.lifecycle?.[list.stage]?.items;
  }
}

/** The goal of a cell or class, the strategy of a stage; undefined when the owner has no entry. */
export function goalOf(scheme: Scheme, owner: StrategyOwner): LocalizedText | undefined {
  const strategies = scheme.strategies;
  switch (owner.kind) {
    case 'cell':
      return strategies.cells[owner.cell]?.goal;
    case 'class':
      return strategies.classes[owner.code]?.goal;
    case 'stage':
      return strategies.lifecycle?.[owner.stage]?.strategy;
  }
}

export function textAt(scheme: Scheme, path: StrategyText): LocalizedText | undefined {
  return path.at === 'goal' ? goalOf(scheme, path.list) : itemsOf(scheme, path.list)?.[path.at];
}

/** The mutable entry of an owner in a cloned catalog. */
function entryOf(strategies: StrategyCatalog, owner: StrategyOwner): { goal: LocalizedText; items: LocalizedText[]; setGoal: (text: LocalizedText) => void; setItems: (items: LocalizedText[]) => void } | undefined {
  switch (owner.kind) {
    case 'cell': {
      const entry = strategies.cells[owner.cell];
      return entry && { goal: entry.goal, items: entry.items, setGoal: (text) => void (entry.goal = text), setItems: (items) => void (entry.items = items) };
    }
    case 'class': {
      const entry = strategies.classes[owner.code];
      return entry && { goal: entry.goal, items: entry.personalItems, setGoal: (text) => void (entry.goal = text), setItems: (items) => void (entry.personalItems = items) };
    }
    case 'stage': {
      const entry = strategies.lifecycle?.[owner.stage];
      return entry && { goal: entry.strategy, items: entry.items, setGoal: (text) => void (entry.strategy = text), setItems: (items) => void (entry.items = items) };
    }
  }
}

/** A copy of the scheme with a list's items replaced, or undefined when the list's owner has no entry. */
function withItems(scheme: Scheme, list: StrategyList, change: (items: readonly LocalizedText[]) => LocalizedText[]): Scheme | undefined {
  const current = itemsOf(scheme, list);
  if (current === undefined) return undefined;
  const next = structuredClone(scheme);
  const items = change(current);
  if (list.kind === 'common') next.strategies.commonItems = items;
  else entryOf(next.strategies, list)?.setItems(items);
  return next;
}

/** A copy of the scheme with one text replaced; the scheme itself when the text does not exist. */
export function withText(scheme: Scheme, path: StrategyText, text: LocalizedText): Scheme {
  if (textAt(scheme, path) === undefined) return scheme;
  if (path.at === 'goal') {
    const next = structuredClone(scheme);
    entryOf(next.strategies, path.list)?.setGoal({ ...text });
    return next;
  }
  const at = path.at;
  return withItems(scheme, path.list, (items) => items.map((item, index) => (index === at ? { ...text } : item))) ?? scheme;
}

/** A copy of the scheme with `text` (by default empty, to be typed in) at the end of a list; refused at MAX_STRATEGY_ITEMS or without the list's owner. */
export function addItem(scheme: Scheme, list: StrategyList, text: LocalizedText = EMPTY_TEXT): ItemEdit {
  const items = itemsOf(scheme, list);
  if (items === undefined) return { ok: false, reason: 'missing' };
  if (items.length >= MAX_STRATEGY_ITEMS) return { ok: false, reason: 'limit' };
  return { ok: true, scheme: withItems(scheme, list, (current) => [...current, { ...text }]) as Scheme };
}

/** A copy of the scheme without the item at `index` of a list (the scheme itself when there is none). */
export function removeItem(scheme: Scheme, list: StrategyList, index: number): Scheme {
  const items = itemsOf(scheme, list);
  if (items === undefined || index < 0 || index >= items.length) return scheme;
  return withItems(scheme, list, (current) => current.filter((_, position) => position !== index)) ?? scheme;
}

/** A copy of the scheme with the item at `index` swapped with its neighbour above (-1) or below (+1); the scheme itself at either end. */
export function moveItem(scheme: Scheme, list: StrategyList, index: number, offset: -1 | 1): Scheme {
  const items = itemsOf(scheme, list);
  const target = index + offset;
  if (items === undefined || index < 0 || index >= items.length || target < 0 || target >= items.length) return scheme;
  return (
    withItems(scheme, list, (current) => {
      const moved = [...current];
      [moved[index], moved[target]] = [moved[target] as LocalizedText, moved[index] as LocalizedText];
      return moved;
    }) ?? scheme
  );
}

export function withVisitFrequency(scheme: Scheme, code: string, visitFrequency: VisitFrequency): Scheme {
  if (scheme.strategies.classes[code] === undefined) return scheme;
  const next = structuredClone(scheme);
  (next.strategies.classes[code] as ClassStrategy).visitFrequency = visitFrequency;
  return next;
}

/** A copy of the scheme with an empty strategy for service class `code` (its goal still to be typed), monthly visits; the scheme itself when it has one. */
export function withClassStrategy(scheme: Scheme, code: string): Scheme {
  if (scheme.strategies.classes[code] !== undefined) return scheme;
  const next = structuredClone(scheme);
  next.strategies.classes[code] = { goal: { ...EMPTY_TEXT }, personalItems: [], visitFrequency: 'monthly' };
  return next;
}

/** A copy of the scheme with lifecycle strategies for every stage, starting from the built-in default scheme's; the scheme itself when it has them. */
export function withLifecycle(scheme: Scheme): Scheme {
  if (scheme.strategies.lifecycle !== undefined) return scheme;
  const preset = DEFAULT_SCHEME.strategies.lifecycle;
  const next = structuredClone(scheme);
  next.strategies.lifecycle = Object.fromEntries(
    LIFECYCLE_STAGES.map((stage) => {
      const found = preset?.[stage];
      return [stage, found === undefined ? { strategy: { ...EMPTY_TEXT }, items: [] } : { strategy: { ...found.strategy }, items: found.items.map((item) => ({ ...item })) }];
    }),
  ) as NonNullable<StrategyCatalog['lifecycle']>;
  return next;
}

/** A copy of the scheme without lifecycle strategies (the field is optional). */
export function withoutLifecycle(scheme: Scheme): Scheme {
  if (scheme.strategies.lifecycle === undefined) return scheme;
  const next = structuredClone(scheme);
  delete next.strategies.lifecycle;
  return next;
}

/** The lists of the catalog the scheme's classes, the cells and (when set) the stages give, in the editor's order. */
export function strategyLists(scheme: Scheme): StrategyList[] {
  return [
    ...scheme.serviceClasses.classes.map((serviceClass): StrategyList => ({ kind: 'class', code: serviceClass.code })),
    { kind: 'common' },
    ...VALUE_CELLS.map((cell): StrategyList => ({ kind: 'cell', cell })),
    ...(scheme.strategies.lifecycle === undefined ? [] : LIFECYCLE_STAGES.map((stage): StrategyList => ({ kind: 'stage', stage }))),
  ];
}

/**
 * What keeps the catalog from passing the schema and validateScheme, as the
 * editor can point at it: blank Chinese texts (goals, stage strategies,
 * items), and service classes without a strategy. The server's check on
 * save stays the final word.
 */
export function strategyProblems(scheme: Scheme): StrategyProblem[] {
  const problems: StrategyProblem[] = [];
  for (const list of strategyLists(scheme)) {
    if (list.kind === 'class' && scheme.strategies.classes[list.code] === undefined) {
      problems.push({ kind: 'missing_class', code: list.code });
      continue;
    }
    if (list.kind !== 'common') {
      const goal = goalOf(scheme, list);
      if (goal !== undefined && isBlank(goal)) problems.push({ kind: 'empty', text: { list, at: 'goal' } });
    }
    (itemsOf(scheme, list) ?? []).forEach((item, at) => {
      if (isBlank(item)) problems.push({ kind: 'empty', text: { list, at } });
    });
  }
  return problems;
}

export function problemSection(problem: StrategyProblem): StrategySection {
  return problem.kind === 'missing_class' ? 'classes' : sectionOf(problem.text.list);
}
