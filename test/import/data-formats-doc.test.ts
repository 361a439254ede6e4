import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS, KIND_SPECS } from '@retail-value/engine';

describe('docs/data-formats.md', () => {
  it('documents every column of every kind with its aliases, requiredness and key', async () => {
    const doc = await readFile(new URL('../../docs/data-formats.md', import.meta.url), 'utf8');
    for (const kind of IMPORT_KINDS) {
      const spec = KIND_SPECS[kind];
      const start = doc.indexOf(`### ${kind} → \`${spec.table}\``);
      expect(start, kind).toBeGreaterThan(-1);
      const end = doc.indexOf('\n#', start + 4);
      const section = doc.slice(start, end < 0 ? undefined : end);
      for (const column of spec.columns) {
        const row = section.split('\n').find((line) => line.startsWith(`| \`${column.name}\` |`));
        expect(row, `${kind}.${column.name}`).toBeDefined();
        const cells = row!.split('|').map((cell) => cell.trim());
        expect(cells[2], `${kind}.${column.name} aliases`).toBe(column.aliases.join('、'));
        expect(cells[4], `${kind}.${column.name} required`).toBe(column.required ? 'yes' : '');
      }
      expect(section, kind).toContain(`Key: ${spec.key.map((name) => `\`${name}\``).join(' + ')}.`);
    }
  });
});
