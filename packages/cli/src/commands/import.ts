import { Option, type Command } from 'commander';
import { formatIssue, IssuesError, t, type Issue, type Locale } from '@retail-value/core';
import { IMPORT_KINDS, importFile, importRejection, previewImport, type ImportPreview, type ImportReport } from '@retail-value/engine';
import { localeOption, type CliContext } from '../context.js';
import { withDatabase } from '../db-option.js';
import type { CommandModule } from './index.js';

interface ImportFlags {
  readonly db: string;
  readonly kind: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

function issueJson(item: Issue, locale: Locale): Record<string, unknown> {
  return { ...item, message: formatIssue(item, locale) };
}

function ignoredColumns(preview: ImportPreview, locale: Locale): string | undefined {
  const ignored = preview.columns.filter((column) => column.column === null && column.header !== '').map((column) => column.header);
  return ignored.length === 0 ? undefined : t(locale, 'import.columns.ignored', { columns: ignored.join(', ') });
}

function reportFailure(context: CliContext, error: IssuesError, locale: Locale, json: boolean): void {
  if (json) {
    context.json({ ok: false, issues: error.issues.map((item) => issueJson(item, locale)) });
    context.exitCode = 1;
    return;
  }
  context.reportIssues(error, locale);
}

/** `retail-value import`: loads one file of one kind, all rows or none. */
export const importCommand: CommandModule = (program, context) => {
  program
    .command('import')
    .description('import a CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX file of one kind of data; a file with any bad row is rejected whole')
    .argument('<file>', 'the CSV or XLSX file (header in row 1; see docs/data-formats.md)')
    .requiredOption('--db <file>', 'DuckDB database file (created if absent)')
    .addOption(new Option('--kind <kind>', 'what the file holds').choices(IMPORT_KINDS).makeOptionMandatory())
    .option('--dry-run', 'check the file and report its issues without writing anything')
    .option('--json', 'print the report (or the issues) as JSON')
    .action(async (file: string, flags: ImportFlags, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const json = flags.json === true;
      const request = { kind: flags.kind, path: file, locale };
      try {
        const report = await withDatabase<ImportReport | ImportPreview>(flags.db, async (db) => {
          if (flags.dryRun !== true) return importFile(db, request);
          const preview = await previewImport(db, request);
          if (preview.totalIssues > 0) throw importRejection(preview);
          return preview;
        });
        if (json) {
          const { issues, messages, ...summary } = report;
          context.json({ ok: true, ...summary });
          return;
        }
        const label = t(locale, `import.kind.${report.kind}`);
        if ('loadId' in report) context.out(t(locale, 'import.done', { label, file: report.file, rows: report.rows, inserted: report.inserted, updated: report.updated, loadId: report.loadId }));
        else context.out(t(locale, 'import.checked', { label, file: report.file, rows: report.rows }));
        const ignored = ignoredColumns(report, locale);
        if (ignored !== undefined) context.out(ignored);
      } catch (error) {
        if (!(error instanceof IssuesError)) throw error;
        reportFailure(context, error, locale, json);
      }
    });
};
