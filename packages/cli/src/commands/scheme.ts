import type { Command } from 'commander';
import { formatIssue, PRESET_SCHEMES, validateScheme } from '@retail-value/core';
import { latestScheme, listSchemes, saveScheme, schemeVersion } from '@retail-value/engine';
import { localeOption } from '../context.js';
import { withDatabase } from '../db-option.js';
import { readSchemeFile } from '../read-scheme-file.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

/** `retail-value scheme …`: presets, validation and stored versions of evaluation schemes. */
export const schemeCommand: CommandModule = (program, context) => {
  const scheme = program.command('scheme').description('evaluation schemes: presets, validation, stored versions');

  scheme
    .command('presets')
    .description('list the built-in preset schemes')
    .option('--json', 'print as JSON')
    .action((flags: { json?: boolean }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      if (flags.json === true) {
        context.json(PRESET_SCHEMES.map((preset) => ({ id: preset.id, name: preset.name })));
        return;
      }
      context.out(formatTextTable(['id', locale === 'en' ? 'name' : '名称'], PRESET_SCHEMES.map((preset) => [preset.id, preset.name[locale]])));
    });

  scheme
    .command('show')
    .description('print a scheme document as JSON: a preset, or a version stored in the database')
    .argument('[id]', 'preset or stored scheme id', 'default')
    .option('--db <file>', 'read the stored version from this database')
    .option('--version <n>', 'stored version (default: the latest)')
    .action(async (id: string, flags: { db?: string; version?: string }) => {
      if (flags.db === undefined) {
        context.json(await readSchemeFile(id));
        return;
      }
      const stored = await withDatabase(flags.db, async (db) =>
        flags.version === undefined ? await latestScheme(db, id) : await schemeVersion(db, id, Number(flags.version)),
      );
      context.json(stored?.document ?? (await readSchemeFile(id)));
    });

  scheme
    .command('validate')
    .description('validate a scheme JSON file: shape, indicators, formulas, weights (AHP CR < 0.1), classes and strategies')
    .argument('<file>', 'scheme JSON file or preset id')
    .option('--json', 'print {valid, issues} as JSON')
    .action(async (file: string, flags: { json?: boolean }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const result = validateScheme(await readSchemeFile(file));
      const issues = result.ok ? [] : result.issues;
      if (flags.json === true) {
        context.json({ valid: result.ok, issues: issues.map((found) => ({ ...found, message: formatIssue(found, locale) })) });
      } else if (result.ok) {
        context.out(locale === 'en' ? `${file}: valid (${result.plan.indicators.length} indicators)` : `${file}：方案有效（${result.plan.indicators.length} 个指标）`);
      } else {
        for (const found of issues) context.err(formatIssue(found, locale));
      }
      if (!result.ok) context.exitCode = 1;
    });

  scheme
    .command('save')
    .description('validate a scheme and store it in the database as a new version of its id')
    .requiredOption('--db <file>', 'DuckDB database file')
    .argument('<file>', 'scheme JSON file or preset id')
    .option('--json', 'print {schemeId, version} as JSON')
    .action(async (file: string, flags: { db: string; json?: boolean }) => {
      const document = await readSchemeFile(file);
      const stored = await withDatabase(flags.db, (db) => saveScheme(db, document));
      if (flags.json === true) context.json({ schemeId: stored.schemeId, version: stored.version, contentHash: stored.contentHash });
      else context.out(`${stored.schemeId} v${stored.version}`);
    });

  scheme
    .command('list')
    .description('list the scheme versions stored in the database')
    .requiredOption('--db <file>', 'DuckDB database file')
    .option('--json', 'print as JSON')
    .action(async (flags: { db: string; json?: boolean }) => {
      const stored = await withDatabase(flags.db, (db) => listSchemes(db));
      const rows = stored.map((found) => ({ schemeId: found.schemeId, version: found.version, name: found.name, createdAt: found.createdAt }));
      if (flags.json === true) context.json(rows);
      else context.out(formatTextTable(['id', 'version', 'name', 'created'], rows.map((row) => [row.schemeId, String(row.version), row.name, row.createdAt])));
    });
};

