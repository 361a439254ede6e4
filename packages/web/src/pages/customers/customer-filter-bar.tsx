import { useEffect, useState } from 'react';
import { Button, Flex, Input, Select } from 'antd';
import type { CustomerFacets } from '@retail-value/core';
import { useI18n } from '../../i18n/i18n-context.js';
import { hasFilters, type ListState, type TextFilter } from './list-state.js';

/**
 * Search and the archive filters above a customer list. The search runs on
 * Enter (not on every key), so typing a name costs one request.
 */
export function CustomerFilterBar({
  state,
  onChange,
  facets,
  fields = ['district', 'route', 'manager'],
}: {
  readonly state: ListState;
  readonly onChange: (next: ListState) => void;
  readonly facets: CustomerFacets | undefined;
  readonly fields?: readonly ('district' | 'route' | 'manager')[];
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState(state.text.search ?? '');
  useEffect(() => setSearch(state.text.search ?? ''), [state.text.search]);

  const setText = (name: TextFilter, value: string | undefined) =>
    onChange({ ...state, text: { ...state.text, [name]: value === undefined || value.trim() === '' ? undefined : value.trim() }, page: 1 });
  const options = (values: readonly string[] | undefined) => (values ?? []).map((value) => ({ value, label: value }));
  const select = (name: 'district' | 'route' | 'manager', values: readonly string[] | undefined, placeholder: string, width: number) => (
    <Select
      key={name}
      allowClear
      showSearch
      placeholder={placeholder}
      value={state.text[name]}
      options={options(values)}
      onChange={(value: string | undefined) => setText(name, value)}
      style={{ width }}
      data-testid={`filter-${name}`}
    />
  );

  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('customers.filter.search')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onSearch={(value) => setText('search', value)}
        style={{ width: 260 }}
        data-testid="customer-search"
      />
      {fields.includes('district') ? select('district', facets?.districts, t('customers.filter.district'), 130) : null}
      {fields.includes('route') ? select('route', facets?.routes, t('customers.filter.route'), 130) : null}
      {fields.includes('manager') ? select('manager', facets?.managers, t('customers.filter.manager'), 130) : null}
      <Select
        placeholder={t('customers.filter.run')}
        value={state.text.run ?? facets?.run?.runId}
        options={(facets?.runs ?? []).map((run) => ({ value: run.runId, label: t('customers.filter.run_option', { period: run.period, runId: run.runId }) }))}
        onChange={(value: string) => setText('run', value === facets?.runs[0]?.runId ? undefined : value)}
        style={{ width: 200 }}
        data-testid="filter-run"
      />
      {hasFilters(state) ? (
        <Button type="link" onClick={() => onChange({ ...state, text: { run: state.text.run }, codes: {}, page: 1 })}>
          {t('customers.filter.reset')}
        </Button>
      ) : null}
    </Flex>
  );
}
