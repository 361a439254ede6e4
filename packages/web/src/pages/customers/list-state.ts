import { CUSTOMER_SORT_KEYS, type CustomerSortKey, type RouteQueryInput, type customerRoutes } from '@retail-value/core';

export type ListQuery = NonNullable<RouteQueryInput<typeof customerRoutes.list>>;

/** The filters kept in the address as comma-separated code lists. */
export const CODE_FILTERS = ['format', 'market', 'valueCell', 'serviceClass', 'lifecycleStage', 'churnRisk'] as const;
export type CodeFilter = (typeof CODE_FILTERS)[number];

/** The filters kept in the address as one text each. */
export const TEXT_FILTERS = ['run', 'search', 'district', 'route', 'manager'] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

export const PAGE_SIZES = [20, 50, 100, 200] as const;

/**
 * A customer list's filters, sort and page as they stand in the address
 * (`?valueCell=value,sub_value&sort=compositeScore&order=desc&page=3`), so
 * going back from a customer, reloading or sharing the link shows the same list.
 */
export interface ListState {
  readonly text: Readonly<Partial<Record<TextFilter, string>>>;
  readonly codes: Readonly<Partial<Record<CodeFilter, readonly string[]>>>;
  readonly sort: CustomerSortKey;
  readonly order: 'asc' | 'desc';
  readonly page: number;
  readonly pageSize: number;
}

function isSortKey(value: string | null): value is CustomerSortKey {
  return value !== null && (CUSTOMER_SORT_KEYS as readonly string[]).includes(value);
}

export function readListState(search: URLSearchParams): ListState {
  const text: Partial<Record<TextFilter, string>> = {};
  for (const name of TEXT_FILTERS) {
    const value = search.get(name);
    if (value !== null && value.trim() !== '') text[name] = value;
  }
  const codes: Partial<Record<CodeFilter, string[]>> = {};
  for (const name of CODE_FILTERS) {
    const values = (search.get(name) ?? '').split(',').filter((value) => value !== '');
    if (values.length > 0) codes[name] = values;
  }
  const sort = search.get('sort');
  const page = Number.parseInt(search.get('page') ?? '', 10);
  const pageSize = Number.parseInt(search.get('pageSize') ?? '', 10);
  return {
    text,
    codes,
    sort: isSortKey(sort) ? sort : 'rank',
    order: search.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : PAGE_SIZES[0],
  };
}

/** The address for `state`, leaving out what is at its default. */
export function writeListState(state: ListState, keep: URLSearchParams): URLSearchParams {
  const search = new URLSearchParams();
  const tab = keep.get('tab');
  if (tab !== null) search.set('tab', tab);
  for (const name of TEXT_FILTERS) {
    const value = state.text[name];
    if (value !== undefined && value !== '') search.set(name, value);
  }
  for (const name of CODE_FILTERS) {
    const values = state.codes[name];
    if (values !== undefined && values.length > 0) search.set(name, values.join(','));
  }
  if (state.sort !== 'rank') search.set('sort', state.sort);
  if (state.order !== 'asc') search.set('order', state.order);
  if (state.page !== 1) search.set('page', String(state.page));
  if (state.pageSize !== PAGE_SIZES[0]) search.set('pageSize', String(state.pageSize));
  return search;
}

/** The filters of `state` as the list and export routes take them. */
export function filterQuery(state: ListState): Omit<ListQuery, 'page' | 'pageSize'> {
  const codes = Object.fromEntries(Object.entries(state.codes).map(([name, values]) => [name, values.join(',')]));
  return { ...state.text, ...codes, sort: state.sort, order: state.order };
}

export function hasFilters(state: ListState): boolean {
  return Object.keys(state.codes).length > 0 || TEXT_FILTERS.some((name) => name !== 'run' && state.text[name] !== undefined);
}
