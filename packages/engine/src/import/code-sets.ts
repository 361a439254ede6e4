import type { CodeValue } from './column-spec.js';

/**
 * The coded fields of the fact files: the stored (canonical) code and the
 * spellings users write. Chinese names follow DOMAIN.md §2 and the industry
 * codes of 中烟销网[2008]52号 as reported (业态 Z B S N Y F Q, 市场类型 C X).
 * The code itself is always accepted too.
 */
function value(code: string | number | boolean, ...spellings: string[]): CodeValue {
  return Object.freeze({ code, spellings: Object.freeze([String(code), ...spellings]) });
}

export const FORMAT_CODES: readonly CodeValue[] = [
  value('Z', '食杂店'),
  value('B', '便利店'),
  value('S', '超市'),
  value('N', '商场'),
  value('Y', '烟酒商店', '烟酒店'),
  value('F', '娱乐服务类', '娱乐服务'),
  value('Q', '其他'),
];

export const MARKET_CODES: readonly CodeValue[] = [value('urban', '城镇', 'C', '城市'), value('rural', '乡村', 'X', '农村')];

/** 经营规模 大/中/小 = 1/2/3 (DOMAIN.md §2). */
export const SCALE_CODES: readonly CodeValue[] = [value('large', '大', '1'), value('medium', '中', '2'), value('small', '小', '3')];

export const TRADE_AREA_CODES: readonly CodeValue[] = [
  value('core', '核心', '核心商圈'),
  value('secondary', '次级', '次级商圈'),
  value('ordinary', '普通', '普通商圈'),
];

export const TERMINAL_TYPE_CODES: readonly CodeValue[] = [value('ordinary', '普通', '普通终端'), value('modern', '现代', '现代终端')];

export const STATUS_CODES: readonly CodeValue[] = [
  value('normal', '正常'),
  value('suspended', '停业'),
  value('cancelled', '注销'),
  value('closed', '歇业'),
];

export const CREDIT_GRADE_CODES: readonly CodeValue[] = ['AAA', 'AA', 'A', 'B', 'C', 'D'].map((grade) => value(grade));

export const ORDER_CYCLE_CODES: readonly CodeValue[] = [value('weekly', '每周', '周', '一周'), value('biweekly', '两周', '双周', '隔周', '每两周')];

/** 价类: 一类…五类 and 无价类 (stored 1…5 and 0). */
export const PRICE_CLASS_CODES: readonly CodeValue[] = [
  value(1, '一类', '1类', '一类烟'),
  value(2, '二类', '2类', '二类烟'),
  value(3, '三类', '3类', '三类烟'),
  value(4, '四类', '4类', '四类烟'),
  value(5, '五类', '5类', '五类烟'),
  value(0, '无价类'),
];

export const ORIGIN_CODES: readonly CodeValue[] = [value('in_province', '省内'), value('out_of_province', '省外'), value('import', '进口')];

export const BOOLEAN_CODES: readonly CodeValue[] = [value(true, '是', '1', 'y', 'yes', 't'), value(false, '否', '0', 'n', 'no', 'f')];

/** 信息反馈 kinds (DOMAIN.md §2): price, stock, competitor, consumer demand, market anomaly. */
export const FEEDBACK_KIND_CODES: readonly CodeValue[] = [
  value('price', '价格'),
  value('stock', '库存'),
  value('competitor', '竞品'),
  value('demand', '消费需求', '需求'),
  value('anomaly', '市场异常', '异常'),
];

export const CREDIT_CATEGORY_CODES: readonly CodeValue[] = [
  value('violation_law', '违法'),
  value('violation_rule', '违规'),
  value('default', '违约'),
  value('incentive', '修复激励', '激励'),
];

/** The qualitative indicators a manager scores by hand (DOMAIN.md §3, 影响力 and 成长度). */
export const ASSESSMENT_INDICATOR_CODES: readonly CodeValue[] = [
  value('social_influence', '社会影响力'),
  value('trade_area_maturity', '商圈成熟度'),
  value('operating_skill', '经营能力'),
];

export const SURVEY_DIMENSION_CODES: readonly CodeValue[] = [
  value('supply', '卷烟供应'),
  value('service', '客户服务'),
  value('market', '市场管理'),
  value('profit', '盈利水平'),
];
