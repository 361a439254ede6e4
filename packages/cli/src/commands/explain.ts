import type { Command } from 'commander';
import { lifecycleReason, t, type Locale } from '@retail-value/core';
import { explainCustomer, type CustomerExplanation } from '@retail-value/engine';
import { localeOption } from '../context.js';
import { withDatabase } from '../db-option.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

const n = (value: number | null, digits = 2): string => (value === null || !Number.isFinite(value) ? '—' : value.toFixed(digits));

/** Renders an explanation as text, top-down from the indicators to the class and strategy. */
export function renderExplanation(found: CustomerExplanation, locale: Locale): string {
  const en = locale === 'en';
  const lines: string[] = [];
  const c = found.customer;
  lines.push(`${en ? 'customer' : '客户'} ${c.customerId} ${c.name ?? ''}  ${t(locale, `market.${c.market}`)} · ${t(locale, `format.${c.format}`)} · ${en ? 'credit' : '信用'} ${c.creditGrade ?? '—'} · ${en ? 'manager' : '客户经理'} ${c.managerId ?? '—'}`);
  lines.push(`${en ? 'run' : '评价批次'} ${found.run.runId} (${found.run.windowStart} – ${found.run.asOf}), ${en ? 'weight set' : '权重集'} ${found.segment}`);
  lines.push('');
  const headers = en
    ? ['dimension', 'indicator', 'raw', 'score', 'weight', 'in composite', 'points']
    : ['维度', '指标', '原始值', '得分', '权重', '综合权重', '贡献分'];
  const rows = found.indicators.map((indicator) => [
    found.dimensions.find((dimension) => dimension.code === indicator.dimension)?.name[locale] ?? indicator.dimension,
    `${indicator.name[locale]}${indicator.direction === 'cost' ? (en ? ' (cost)' : '（成本型）') : ''}`,
    n(indicator.raw, 4),
    n(indicator.score),
    n(indicator.weight, 4),
    n(indicator.compositeWeight, 4),
    n(indicator.contribution),
  ]);
  lines.push(formatTextTable(headers, rows, [false, false, true, true, true, true, true]));
  lines.push('');
  const dimensionRows = found.dimensions.map((dimension) => [
    dimension.name[locale],
    t(locale, dimension.side === 'current' ? 'cell.side.current' : 'cell.side.potential'),
    n(dimension.score),
    n(dimension.weight, 4),
  ]);
  lines.push(formatTextTable(en ? ['dimension', 'side', 'score', 'weight in side'] : ['维度', '价值侧', '得分', '侧内权重'], dimensionRows, [false, false, true, true]));
  lines.push('');
  lines.push(`${en ? 'current value' : '当前价值'} ${n(found.currentValue)} (${en ? 'threshold' : '阈值'} ${n(found.thresholds.current)})  ×${n(found.sideWeights.current, 3)}`);
  lines.push(`${en ? 'potential value' : '潜在价值'} ${n(found.potentialValue)} (${en ? 'threshold' : '阈值'} ${n(found.thresholds.potential)})  ×${n(found.sideWeights.potential, 3)}`);
  lines.push(`${en ? 'composite score' : '综合得分'} ${n(found.compositeScore)}, ${en ? 'rank' : '排名'} ${found.rank} / ${found.customers}`);
  lines.push(`${en ? 'value cell' : '价值类别'}: ${t(locale, `cell.${found.valueCell}`)}`);
  const gate = found.creditGate.passed
    ? ''
    : en
      ? ` (the score alone gives ${found.classByScore}; credit ${c.creditGrade ?? '—'} is below the gate ${found.creditGate.minGrade ?? ''})`
      : `（按得分应为 ${found.classByScore}，信用等级 ${c.creditGrade ?? '—'} 未达到门槛 ${found.creditGate.minGrade ?? ''}）`;
  lines.push(`${en ? 'service class' : '服务类别'}: ${found.serviceClassName[locale]}${gate}`);
  const stage = found.lifecycle;
  lines.push(`${en ? 'lifecycle stage' : '生命周期'}: ${t(locale, `stage.${stage.stage}`)} — ${lifecycleReason(stage, stage.rules, locale)}`);
  if (stage.deemedClosed) lines.push(en ? '  deemed closed (视同歇业): no trade within the first weeks after the licence was issued' : '  视同歇业：许可证核发后规定期限内无交易');
  if (stage.strategy !== null) lines.push(`  ${en ? 'management' : '管理策略'}: ${stage.strategy[locale]} — ${stage.items.map((item) => item[locale]).join('; ')}`);
  const reasons = found.churn.reasons.map((reason) => t(locale, `reason.${reason}`)).join(en ? '; ' : '；');
  lines.push(`${en ? 'churn risk' : '流失风险'}: ${t(locale, `churn.${found.churn.risk}`)} (${n(found.churn.score, 0)})${reasons === '' ? '' : ` — ${reasons}`}`);
  const value = found.lifetimeValue;
  lines.push(
    `${en ? 'lifetime value' : '客户终生价值'} (${value.model}, ${value.horizonWeeks} ${en ? 'weeks' : '周'}): ${n(value.clv)} ${en ? 'yuan' : '元'}, P(alive) ${n(value.pAlive, 3)}, ${en ? 'expected order weeks' : '预计订货周数'} ${n(value.expectedTransactions, 1)}`,
  );
  lines.push('');
  lines.push(`${en ? 'strategy' : '服务策略'}:`);
  for (const goal of found.strategy.goals) lines.push(`  ${en ? 'goal' : '目标'}: ${goal[locale]}`);
  lines.push(`  ${en ? 'visits' : '拜访频次'}: ${t(locale, `visit.${found.strategy.visitFrequency}`)}`);
  lines.push(`  ${en ? 'common items' : '共性项目'}: ${found.strategy.commonItems.map((item) => item[locale]).join('; ')}`);
  lines.push(`  ${en ? 'personalised items' : '个性项目'}: ${found.strategy.personalItems.map((item) => item[locale]).join('; ')}`);
  return lines.join('\n');
}

/** `retail-value explain`: why a customer got its result. */
export const explainCommand: CommandModule = (program, context) => {
  program
    .command('explain')
    .description("explain a customer's result: each indicator's raw value, score, weight and contribution, up to the class and strategy")
    .requiredOption('--db <file>', 'DuckDB database file')
    .requiredOption('--customer <id>', 'customer id')
    .option('--run <id>', 'run id (default: the latest run)')
    .option('--json', 'print the explanation as JSON')
    .action(async (flags: { db: string; customer: string; run?: string; json?: boolean }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const found = await withDatabase(flags.db, (db) => explainCustomer(db, flags.customer, flags.run));
      if (flags.json === true) {
        const { run, ...rest } = found;
        context.json({ runId: run.runId, ...rest });
        return;
      }
      context.out(renderExplanation(found, locale));
    });
};
