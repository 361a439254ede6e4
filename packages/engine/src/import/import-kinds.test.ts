import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS, KIND_SPECS } from './import-kinds.js';
import { normalizeHeader } from './header-mapping.js';
import { FACT_TABLES } from '../schema/tables.js';

describe('import kinds', () => {
  it('spell every code and every header unambiguously', () => {
    for (const kind of IMPORT_KINDS) {
      const spec = KIND_SPECS[kind];
      const headers = spec.columns.flatMap((column) => [column.name, ...column.aliases].map(normalizeHeader));
      expect(new Set(headers).size, kind).toBe(headers.length);
      for (const column of spec.columns) {
        if (column.value.type !== 'code') continue;
        const spellings = column.value.values.flatMap((entry) => entry.spellings.map((spelling) => spelling.toLowerCase()));
        expect(new Set(spellings).size, `${kind}.${column.name}`).toBe(spellings.length);
      }
    }
  });

  it('cover every column of their table, with the table key, required where the table says NOT NULL', () => {
    for (const kind of IMPORT_KINDS) {
      const spec = KIND_SPECS[kind];
      const table = FACT_TABLES.find((entry) => entry.name === spec.table);
      expect(table, kind).toBeDefined();
      expect(spec.columns.map((column) => column.name).sort(), kind).toEqual(Object.keys(table!.columns).sort());
      expect(spec.key, kind).toEqual(table!.key);
      for (const column of spec.columns) expect(column.required, `${kind}.${column.name}`).toBe(table!.columns[column.name]!.includes('NOT NULL'));
    }
  });

  it('normalise headers by case, spaces and full-width forms', () => {
    expect(normalizeHeader(' Customer_ID ')).toBe('customer_id');
    expect(normalizeHeader('时长（分钟）')).toBe(normalizeHeader('时长(分钟)'));
    expect(normalizeHeader('客户　编码')).toBe('客户编码');
  });
});
