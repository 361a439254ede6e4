import type { Command } from 'commander';
import { DIMENSION_INFO, formatIssue, INDICATOR_LIBRARY, IssuesError, MEASURE_CODES, MEASURES, parseFormula, SIDE_NAMES, type Locale } from '@retail-value/core';
import { localeOption } from '../context.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

/** The indicator library as Markdown: the source of docs/indicators.md. */
export function indicatorsMarkdown(): string {
  const lines = [
    '# Indicator library (指标库)',
    '',
    'Written by `retail-value indicators --markdown` from the library in `packages/core/src/indicators/`; do not edit by hand.',
    'An indicator is a formula over measures (below). Direction `cost` means lower is better: its score is reversed.',
    'Division by zero gives a missing value, scored by the scheme\'s `missing` rule.',
    '',
    '| code | 名称 | name | dimension | side | unit | direction | formula | definition |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const indicator of INDICATOR_LIBRARY) {
    const dimension = DIMENSION_INFO[indicator.dimension];
    lines.push(
      `| \`${indicator.code}\` | ${indicator.name['zh-CN']} | ${indicator.name.en} | ${dimension.name['zh-CN']} ${dimension.code} | ${SIDE_NAMES[dimension.side].en} | ${indicator.unit.en} | ${indicator.direction} | \`${indicator.formula}\` | ${indicator.definition.en} ${indicator.definition['zh-CN']} |`,
    );
  }
  lines.push('', '## Measures (度量)', '', 'Per customer, aggregated by the engine from the facts of the evaluation window.', '', '| measure | 名称 | name | unit | source | definition |', '|---|---|---|---|---|---|');
  for (const measure of MEASURES) {
    lines.push(`| \`${measure.code}\` | ${measure.name['zh-CN']} | ${measure.name.en} | ${measure.unit.en} | ${measure.source} | ${measure.definition} |`);
  }
  lines.push(
    '',
    '## Formulas of user-defined indicators',
    '',
    'A scheme may add indicators in `customIndicators`, each with a formula over the measures above, parsed by the product\'s own grammar (never pasted into SQL):',
    '',
    '```',
    "expression := term (('+' | '-') term)*",
    "term       := unary (('*' | '/') unary)*",
    "unary      := '-' unary | primary",
    "primary    := number | measure | function '(' expression (',' expression)* ')' | '(' expression ')'",
    'function   := abs | sqrt | ln | min | max | coalesce',
    '```',
    '',
    'Example: `gross_profit / order_count` (gross profit per order). `retail-value indicators check "…"` checks a formula and reports the position of an error.',
    '',
  );
  return lines.join('\n');
}

function table(locale: Locale): string {
  return formatTextTable(
    ['code', locale === 'en' ? 'name' : '名称', locale === 'en' ? 'dimension' : '维度', locale === 'en' ? 'direction' : '方向', locale === 'en' ? 'formula' : '公式'],
    INDICATOR_LIBRARY.map((indicator) => [indicator.code, indicator.name[locale], DIMENSION_INFO[indicator.dimension].name[locale], indicator.direction, indicator.formula]),
  );
}

/** `retail-value indicators`: the indicator library, and a formula checker. */
export const indicatorsCommand: CommandModule = (program, context) => {
  const indicators = program
    .command('indicators')
    .description('list the indicator library (or write it as Markdown)')
    .option('--json', 'print the library and measures as JSON')
    .option('--markdown', 'print docs/indicators.md')
    .action((flags: { json?: boolean; markdown?: boolean }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      if (flags.json === true) context.json({ indicators: INDICATOR_LIBRARY, measures: MEASURES });
      else if (flags.markdown === true) context.out(indicatorsMarkdown());
      else context.out(table(locale));
    });

  indicators
    .command('check')
    .description('check a user-defined indicator formula over the library\'s measures')
    .argument('<formula>', 'e.g. "gross_profit / order_count"')
    .option('--json', 'print {valid, issues} as JSON')
    .action((formula: string, flags: { json?: boolean }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      try {
        parseFormula(formula, MEASURE_CODES);
        if (flags.json === true) context.json({ valid: true, issues: [] });
        else context.out(locale === 'en' ? 'valid' : '公式有效');
      } catch (error) {
        if (!(error instanceof IssuesError)) throw error;
        if (flags.json === true) context.json({ valid: false, issues: error.issues.map((found) => ({ ...found, message: formatIssue(found, locale) })) });
        else for (const found of error.issues) context.err(formatIssue(found, locale));
        context.exitCode = 1;
      }
    });
};
