import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const PACKAGE_IMPORT = /from\s+'(@retail-value\/[a-z]+)'|import\('(@retail-value\/[a-z]+)'\)/g;
const NODE_IMPORT = /from\s+'node:|from\s+'(fs|path|crypto|os)'/;

/** Which workspace packages each package may import: core ← engine ← cli/server, core ← web. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  engine: ['@retail-value/core'],
  server: ['@retail-value/core', '@retail-value/engine'],
  cli: ['@retail-value/core', '@retail-value/engine', '@retail-value/server'],
  web: ['@retail-value/core'],
};

describe('import direction', () => {
  for (const [name, allowed] of Object.entries(ALLOWED)) {
    it(`${name} imports only ${allowed.join(', ') || 'nothing of ours'}`, () => {
      const offending: string[] = [];
      for (const file of sourceFiles(join(root, 'packages', name, 'src'))) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(PACKAGE_IMPORT)) {
          const target = match[1] ?? match[2];
          if (target !== undefined && !allowed.includes(target)) offending.push(`${relative(root, file)} → ${target}`);
        }
        if (/from\s+'(\.\.\/)+(core|engine|cli|server|web)\//.test(text)) offending.push(`${relative(root, file)} reaches into another package`);
      }
      expect(offending).toEqual([]);
    });
  }

  it('the core does no I/O', () => {
    const offending = sourceFiles(join(root, 'packages', 'core', 'src'))
      .filter((file) => !file.endsWith('.test.ts'))
      .filter((file) => NODE_IMPORT.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offending).toEqual([]);
  });
});
