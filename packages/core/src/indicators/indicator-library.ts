import type { LocalizedText } from '../i18n/localized.js';
import type { DimensionCode } from './dimensions.js';

export type Direction = 'benefit' | 'cost';

/** One indicator of the library: a formula over measures, with its meaning. */
export interface IndicatorDefinition {
  readonly code: string;
  readonly name: LocalizedText;
  readonly dimension: DimensionCode;
  readonly unit: LocalizedText;
  readonly direction: Direction;
  /** In the formula grammar (parseFormula) over measure codes. */
  readonly formula: string;
  readonly definition: LocalizedText;
}

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const CARTON = t('条', 'cartons');
const YUAN = t('元', 'yuan');
const RATIO = t('比例', 'ratio');
const POINTS = t('分', 'points');
const COUNT = t('次', 'count');

function ind(
  code: string,
  name: LocalizedText,
  dimension: DimensionCode,
  unit: LocalizedText,
  direction: Direction,
  formula: string,
  definition: LocalizedText,
): IndicatorDefinition {
  return Object.freeze({ code, name, dimension, unit, direction, formula, definition });
}

/**
 * The built-in indicator library (DOMAIN §3). docs/indicators.md is written
 * from this list by `retail-value indicators --markdown`, so the two cannot
 * drift apart.
 */
export const INDICATOR_LIBRARY: readonly IndicatorDefinition[] = Object.freeze([
  // 贡献度 contribution
  ind('sales_volume', t('销量', 'sales volume'), 'contribution', CARTON, 'benefit', 'qty',
    t('评价期内订购的卷烟条数。', 'Cartons ordered in the evaluation window.')),
  ind('sales_amount', t('销售额', 'sales amount'), 'contribution', YUAN, 'benefit', 'amount',
    t('评价期内订购金额。', 'Order amount in the window.')),
  ind('gross_profit', t('商业毛利', 'gross profit'), 'contribution', YUAN, 'benefit', 'gross_profit',
    t('Σ 订购量 ×（批发价 − 调拨价）。', 'Σ quantity × (wholesale price − cost price).')),
  ind('avg_carton_price', t('条均价（单条值）', 'average price per carton'), 'contribution', YUAN, 'benefit', 'amount / qty',
    t('销售额 ÷ 销量，反映订货结构。', 'Amount ÷ cartons; reflects the order structure.')),
  ind('class12_share', t('一二类烟占比', 'class 1–2 share'), 'contribution', RATIO, 'benefit', 'qty_class12 / qty',
    t('一类、二类烟销量占总销量的比例。', 'Share of price classes 1 and 2 in the volume.')),
  ind('profit_per_order', t('单次订货毛利', 'gross profit per order'), 'contribution', YUAN, 'benefit', 'gross_profit / order_count',
    t('商业毛利 ÷ 订单数。', 'Gross profit ÷ number of orders.')),
  // 支持度 support / cooperation
  ind('order_rate', t('订货率', 'ordering rate'), 'support', RATIO, 'benefit', 'order_cycles / eligible_cycles',
    t('有订货的订货周期 ÷ 应订货周期（按客户自己的订货周期计）。', "Cycles with an order ÷ eligible cycles, counted in the customer's own ordering cycle.")),
  ind('fill_rate', t('订足率', 'fill rate'), 'support', RATIO, 'benefit', 'qty_limited / qty_limit',
    t('限量品规的订购量 ÷ 限量。', 'Ordered volume of limited lines ÷ their allocation limit.')),
  ind('demand_fulfilment', t('需求满足率', 'demand fulfilment'), 'support', RATIO, 'benefit', 'qty_with_demand / qty_demand',
    t('有需求记录品规的订购量 ÷ 需求量。', 'Ordered volume ÷ demanded volume on lines that report demand.')),
  ind('feedback_timeliness', t('信息反馈及时率', 'feedback timeliness'), 'support', RATIO, 'benefit', 'feedback_on_time / feedback_due',
    t('按时提交的信息反馈 ÷ 应反馈条数。', 'Feedback items submitted on time ÷ items due.')),
  ind('feedback_accuracy', t('信息反馈准确率', 'feedback accuracy'), 'support', RATIO, 'benefit', 'feedback_accurate / feedback_submitted',
    t('核实准确的反馈 ÷ 已提交反馈。', 'Items verified accurate ÷ items submitted.')),
  ind('promotion_participation', t('促销参与率', 'promotion participation'), 'support', RATIO, 'benefit', 'promotions_joined / promotions_invited',
    t('参与的促销活动 ÷ 受邀活动。', 'Activities joined ÷ activities invited to.')),
  ind('promotion_execution', t('促销执行率', 'promotion execution'), 'support', RATIO, 'benefit', 'promotions_executed / promotions_joined',
    t('按约定执行的活动 ÷ 参与的活动。', 'Activities executed as agreed ÷ activities joined.')),
  ind('new_product_display_rate', t('新品出样率', 'new-product display rate'), 'support', RATIO, 'benefit', 'new_products_displayed / new_products_available',
    t('出样的新品规格 ÷ 可订新品规格。', 'New SKUs on display ÷ new SKUs available.')),
  ind('new_product_order_rate', t('新品订购率', 'new-product order rate'), 'support', RATIO, 'benefit', 'new_skus_ordered / new_products_available',
    t('订购过的新品规格 ÷ 可订新品规格。', 'New SKUs ordered ÷ new SKUs available.')),
  // 信用度 credit
  ind('credit_grade', t('信用等级', 'credit grade'), 'credit', POINTS, 'benefit', 'credit_grade_score',
    t('信用等级折算分：AAA 100、AA 90、A 80、B 60、C 40、D 20。', 'Credit grade as points: AAA 100, AA 90, A 80, B 60, C 40, D 20.')),
  ind('violation_count', t('违规次数', 'violations'), 'credit', COUNT, 'cost', 'violations',
    t('近一年违法、违规事件次数（成本型）。', 'Law and rule violations in the last year (a cost indicator).')),
  ind('default_count', t('违约次数', 'defaults'), 'credit', COUNT, 'cost', 'defaults',
    t('近一年违约次数（成本型）。', 'Defaults in the last year (a cost indicator).')),
  ind('credit_points_change', t('信用积分变动', 'credit points change'), 'credit', POINTS, 'benefit', 'credit_points',
    t('近一年信用事件积分之和（扣分为负、激励为正）。', 'Sum of credit event points in the last year (penalties negative, incentives positive).')),
  // 忠诚度 / 依存度 loyalty, dependence
  ind('order_stability', t('订货稳定性', 'ordering stability'), 'loyalty', RATIO, 'benefit', '1 - cycle_volume_sd / cycle_volume_mean',
    t('1 − 周期销量变异系数。', '1 − coefficient of variation of the volume per ordering cycle.')),
  ind('tenure', t('入网时长', 'tenure'), 'loyalty', t('年', 'years'), 'benefit', 'tenure_years',
    t('入网日期至评价期末的年数。', 'Years from the licence date to the end of the window.')),
  ind('sku_breadth', t('经营品规数', 'SKU breadth'), 'loyalty', t('个', 'SKUs'), 'benefit', 'sku_count',
    t('评价期内订购过的不同规格数。', 'Distinct SKUs ordered in the window.')),
  ind('satisfaction', t('满意度', 'satisfaction'), 'loyalty', POINTS, 'benefit', 'satisfaction',
    t('近一年满意度问卷平均分（1–5）。', 'Mean satisfaction survey score over the last year (1–5).')),
  // 影响力 influence
  ind('trade_area_level', t('商圈等级', 'trade area level'), 'influence', POINTS, 'benefit', 'trade_area_level',
    t('商圈类型折算分：核心 100、次级 70、一般 40。', 'Trade area type as points: core 100, secondary 70, ordinary 40.')),
  ind('social_influence', t('社会影响力', 'social influence'), 'influence', POINTS, 'benefit', 'social_influence',
    t('客户经理对社会影响力的人工评分（0–100）。', "Manager's score of social influence (0–100).")),
  ind('trade_area_maturity', t('商圈成熟度', 'trade area maturity'), 'influence', POINTS, 'benefit', 'trade_area_maturity',
    t('客户经理对商圈成熟度的人工评分（0–100）。', "Manager's score of trade area maturity (0–100).")),
  ind('modern_terminal', t('现代终端', 'modern terminal'), 'influence', POINTS, 'benefit', 'modern_terminal',
    t('现代终端为 100，普通终端为 0。', '100 for a modern terminal, 0 for an ordinary one.')),
  ind('business_area', t('经营面积', 'business area'), 'influence', t('平方米', 'm²'), 'benefit', 'business_area',
    t('经营场所面积。', 'Floor area of the shop.')),
  // 成长度 growth
  ind('volume_growth', t('销量增长率', 'volume growth'), 'growth', RATIO, 'benefit', '(qty - qty_prev) / qty_prev',
    t('与上一等长期间相比的销量增长率。', 'Volume growth against the previous window of equal length.')),
  ind('amount_growth', t('金额增长率', 'amount growth'), 'growth', RATIO, 'benefit', '(amount - amount_prev) / amount_prev',
    t('与上一等长期间相比的金额增长率。', 'Amount growth against the previous window.')),
  ind('structure_upgrade', t('结构提升', 'structure upgrade'), 'growth', YUAN, 'benefit', 'amount / qty - amount_prev / qty_prev',
    t('条均价较上期的变化（元/条）。', 'Change of the average price per carton against the previous window.')),
  ind('volume_trend', t('销量趋势', 'volume trend'), 'growth', RATIO, 'benefit', 'weekly_trend * weeks / qty',
    t('周销量回归斜率 ÷ 平均周销量。', 'Slope of weekly volume ÷ mean weekly volume.')),
  ind('lifetime_value', t('客户终生价值', 'lifetime value'), 'growth', YUAN, 'benefit', 'clv',
    t('按方案选定的模型预测、折现后的未来商业毛利。', "Discounted future gross profit predicted by the scheme's lifetime-value model.")),
  ind('operating_skill', t('经营能力', 'operating skill'), 'growth', POINTS, 'benefit', 'operating_skill',
    t('客户经理对经营能力的人工评分（0–100）。', "Manager's score of operating skill (0–100).")),
]);

export function indicatorByCode(code: string): IndicatorDefinition | undefined {
  return INDICATOR_LIBRARY.find((indicator) => indicator.code === code);
}
