import type { LocalizedText } from '../i18n/localized.js';

/**
 * Measures are the per-customer base quantities the engine aggregates from the
 * facts, reading each fact row once. Indicators (built-in or user-defined) are
 * formulas over measures. The engine owns the SQL for each measure; the core
 * owns their meaning.
 */
export type MeasureSource =
  | 'orders'
  | 'archive'
  | 'feedback'
  | 'promotions'
  | 'displays'
  | 'credit'
  | 'assessments'
  | 'surveys'
  | 'clv';

export interface Measure {
  readonly code: string;
  readonly name: LocalizedText;
  readonly unit: LocalizedText;
  readonly source: MeasureSource;
  readonly definition: string;
}

const u = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const CARTON = u('条', 'cartons');
const YUAN = u('元', 'yuan');
const COUNT = u('次', 'count');

function m(code: string, zh: string, en: string, unit: LocalizedText, source: MeasureSource, definition: string): Measure {
  return Object.freeze({ code, name: u(zh, en), unit, source, definition });
}

export const MEASURES: readonly Measure[] = Object.freeze([
  m('qty', '销量', 'sales volume', CARTON, 'orders', 'Σ qty of order lines in the evaluation window'),
  m('amount', '销售额', 'sales amount', YUAN, 'orders', 'Σ amount of order lines in the window'),
  m('gross_profit', '商业毛利', 'gross profit', YUAN, 'orders', 'Σ qty × (wholesale price − cost price) in the window'),
  m('qty_prev', '上期销量', 'previous-window volume', CARTON, 'orders', 'Σ qty in the window of equal length before the evaluation window'),
  m('amount_prev', '上期销售额', 'previous-window amount', YUAN, 'orders', 'Σ amount in the previous window'),
  m('qty_class12', '一二类烟销量', 'class 1–2 volume', CARTON, 'orders', 'Σ qty of price classes 1 and 2 in the window'),
  m('qty_new_product', '新品销量', 'new-product volume', CARTON, 'orders', 'Σ qty of SKUs launched within 365 days before the window end'),
  m('qty_limited', '限量品规订购量', 'ordered volume of limited lines', CARTON, 'orders', 'Σ qty of lines that carry an allocation limit'),
  m('qty_limit', '限量', 'allocation limit', CARTON, 'orders', 'Σ qty_limit of lines that carry an allocation limit'),
  m('qty_demand', '需求量', 'demanded volume', CARTON, 'orders', 'Σ qty_demand of lines that report demand'),
  m('qty_with_demand', '有需求记录的订购量', 'ordered volume of lines with demand', CARTON, 'orders', 'Σ qty of lines that report demand'),
  m('order_count', '订单数', 'orders', COUNT, 'orders', 'count of distinct order ids in the window'),
  m('order_cycles', '有订货周期数', 'cycles with an order', COUNT, 'orders', "count of the customer's own ordering cycles (weeks, or two-week slots for biweekly orderers) in the window with an order"),
  m('eligible_cycles', '应订货周期数', 'eligible cycles', COUNT, 'orders', 'ordering cycles in the window after the licence date'),
  m('sku_count', '经营品规数', 'SKUs ordered', COUNT, 'orders', 'count of distinct SKUs ordered in the window'),
  m('new_skus_ordered', '订购新品数', 'new SKUs ordered', COUNT, 'orders', 'distinct new SKUs (launched within 365 days) ordered in the window'),
  m('cycle_volume_mean', '周期平均销量', 'mean volume per cycle', CARTON, 'orders', 'mean volume per eligible ordering cycle'),
  m('cycle_volume_sd', '周期销量标准差', 'sd of cycle volume', CARTON, 'orders', 'population standard deviation of the volume per eligible ordering cycle'),
  m('weekly_trend', '周销量趋势', 'weekly volume trend', u('条/周', 'cartons/week'), 'orders', 'least-squares slope of weekly volume on week number in the window'),
  m('weeks', '评价期周数', 'weeks in the window', u('周', 'weeks'), 'orders', 'length of the evaluation window in weeks'),
  m('cycles_since_order', '连续未订货周期数', 'cycles since last order', COUNT, 'orders', 'whole ordering cycles between the last order and the window end'),
  m('new_products_available', '可订新品数', 'new SKUs available', COUNT, 'displays', 'SKUs launched within 365 days before the window end'),
  m('new_products_displayed', '出样新品数', 'new SKUs displayed', COUNT, 'displays', 'distinct new SKUs with a display active in the window'),
  m('feedback_due', '应反馈信息数', 'feedback due', COUNT, 'feedback', 'information feedback items due in the window'),
  m('feedback_on_time', '按时反馈数', 'feedback on time', COUNT, 'feedback', 'items submitted on or before their due date'),
  m('feedback_submitted', '已反馈数', 'feedback submitted', COUNT, 'feedback', 'items submitted'),
  m('feedback_accurate', '准确反馈数', 'accurate feedback', COUNT, 'feedback', 'submitted items verified accurate'),
  m('promotions_invited', '受邀促销数', 'promotions invited', COUNT, 'promotions', 'promotion activities in the window the customer was invited to'),
  m('promotions_joined', '参与促销数', 'promotions joined', COUNT, 'promotions', 'activities joined'),
  m('promotions_executed', '执行促销数', 'promotions executed', COUNT, 'promotions', 'activities executed as agreed'),
  m('credit_grade_score', '信用等级分', 'credit grade score', u('分', 'points'), 'archive', 'AAA 100, AA 90, A 80, B 60, C 40, D 20, none 60'),
  m('violations', '违法违规次数', 'violations', COUNT, 'credit', 'violation_law and violation_rule events in the 365 days before the window end'),
  m('defaults', '违约次数', 'defaults', COUNT, 'credit', 'default events in the 365 days before the window end'),
  m('credit_points', '信用积分变动', 'credit points change', u('分', 'points'), 'credit', 'Σ points of credit events in the 365 days before the window end'),
  m('trade_area_level', '商圈等级分', 'trade area level', u('分', 'points'), 'archive', 'core 100, secondary 70, ordinary 40, unknown 50'),
  m('modern_terminal', '现代终端', 'modern terminal', u('分', 'points'), 'archive', '100 for a modern terminal, 0 otherwise'),
  m('business_area', '经营面积', 'business area', u('平方米', 'm²'), 'archive', 'business area in square metres'),
  m('tenure_years', '入网时长', 'tenure', u('年', 'years'), 'archive', 'years from the licence date to the window end'),
  m('social_influence', '社会影响力', 'social influence', u('分', 'points'), 'assessments', "manager's assessment for the period, 0–100"),
  m('trade_area_maturity', '商圈成熟度', 'trade area maturity', u('分', 'points'), 'assessments', "manager's assessment for the period, 0–100"),
  m('operating_skill', '经营能力', 'operating skill', u('分', 'points'), 'assessments', "manager's assessment for the period, 0–100"),
  m('clv', '客户终生价值', 'lifetime value', YUAN, 'clv', "discounted gross profit expected over the scheme's CLV horizon, from the scheme's CLV model (see docs/methods/clv.md)"),
  m('satisfaction', '满意度', 'satisfaction', u('分', 'points'), 'surveys', 'mean survey score (1–5) of responses in the 365 days before the window end'),
]);

export const MEASURE_CODES: ReadonlySet<string> = new Set(MEASURES.map((measure) => measure.code));

export function measureByCode(code: string): Measure | undefined {
  return MEASURES.find((measure) => measure.code === code);
}
