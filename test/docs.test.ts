import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-harness.js';

const root = join(import.meta.dirname, '..');

describe('documentation', () => {
  it('docs/indicators.md is what the library writes (regenerate with: retail-value indicators --markdown > docs/indicators.md)', async () => {
    const written = await cli('indicators', '--markdown');
    expect(readFileSync(join(root, 'docs', 'indicators.md'), 'utf8')).toBe(written.stdout);
  });

  it('the README gives the two commands', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
    expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toContain('npm test');
  });

  it('every command has --help', async () => {
    for (const command of ['start', 'evaluate', 'explain', 'results', 'export', 'scheme', 'indicators', 'weights', 'rank', 'clv', 'user', 'serve', 'compare', 'awards', 'warnings', 'demo', 'import', 'status']) {
      const result = await cli(command, '--help');
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).toContain('Usage: retail-value');
    }
  });
});
