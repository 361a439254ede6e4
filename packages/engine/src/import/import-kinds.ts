import type { CodeValue, ColumnSpec, KindSpec, TextPattern } from './column-spec.js';
import {
  ASSESSMENT_INDICATOR_CODES,
  BOOLEAN_CODES,
  CREDIT_CATEGORY_CODES,
  CREDIT_GRADE_CODES,
  FEEDBACK_KIND_CODES,
  FORMAT_CODES,
  MARKET_CODES,
  ORDER_CYCLE_CODES,
  ORIGIN_CODES,
  PRICE_CLASS_CODES,
  SCALE_CODES,
  STATUS_CODES,
  SURVEY_DIMENSION_CODES,
  TERMINAL_TYPE_CODES,
  TRADE_AREA_CODES,
} from './code-sets.js';

/** The kinds of file `retail-value import --kind` reads, in the order they are usually loaded. */
export const IMPORT_KINDS = [
  'customers',
  'products',
  'orders',
  'visits',
  'feedback',
  'promotions',
  'displays',
  'credit-events',
  'assessments',
  'surveys',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/* Column builders, so that the table below reads like the documentation. */
function text(name: string, aliases: readonly string[], required = false, pattern?: TextPattern): ColumnSpec {
  return { name, aliases, required, value: pattern === undefined ? { type: 'text' } : { type: 'text', pattern } };
}

function date(name: string, aliases: readonly string[], required = false): ColumnSpec {
  return { name, aliases, required, value: { type: 'date' } };
}

function number(name: string, aliases: readonly string[], required: boolean, min?: number, max?: number): ColumnSpec {
  return { name, aliases, required, value: { type: 'number', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) } };
}

function integer(name: string, aliases: readonly string[], required: boolean, min: number, max: number): ColumnSpec {
  return { name, aliases, required, value: { type: 'integer', min, max } };
}

function code(name: string, aliases: readonly string[], required: boolean, values: readonly CodeValue[]): ColumnSpec {
  return { name, aliases, required, value: { type: 'code', values } };
}

const customerRef = { column: 'customer_id', table: 'customers', targetColumn: 'customer_id', code: 'import.value.unknown_customer' } as const;
const productRef = { column: 'sku', table: 'products', targetColumn: 'sku', code: 'import.value.unknown_product' } as const;
const customerId = text('customer_id', ['客户编码', '客户代码', '客户编号'], true);
const sku = text('sku', ['卷烟编码', '卷烟代码', '商品编码'], true);

/**
 * Evaluation periods as the evaluation reads them (engine/evaluation/period.ts):
 * 2026, 2026Q3, 2026M07 or 2026-07.
 */
const PERIOD = { regex: '\\d{4}([Qq][1-4]|[Mm](0[1-9]|1[0-2])|-(0[1-9]|1[0-2]))?', example: '2026Q3', upperCase: true };

/**
 * Every kind's columns: canonical name (the table column), Chinese header
 * aliases, type, whether required, codes and ranges. docs/data-formats.md
 * documents the same table for users.
 */
export const KIND_SPECS: Readonly<Record<ImportKind, KindSpec>> = {
  customers: {
    kind: 'customers',
    table: 'customers',
    columns: [
      customerId,
      text('license_no', ['许可证号', '专卖许可证号', '许可证编号']),
      text('name', ['客户名称', '名称', '店名'], true),
      text('address', ['地址', '经营地址']),
      code('format', ['业态'], true, FORMAT_CODES),
      code('market', ['市场类型'], true, MARKET_CODES),
      code('scale', ['经营规模', '规模'], false, SCALE_CODES),
      code('trade_area', ['商圈类型', '商圈'], false, TRADE_AREA_CODES),
      code('terminal_type', ['终端类型'], false, TERMINAL_TYPE_CODES),
      text('district', ['区县', '市场部', '区县/市场部'], true),
      text('route', ['营销线路', '线路']),
      text('manager_id', ['客户经理', '客户经理编码']),
      date('license_date', ['入网日期', '发证日期']),
      code('status', ['状态', '经营状态'], true, STATUS_CODES),
      date('status_date', ['状态日期']),
      code('credit_grade', ['信用等级'], false, CREDIT_GRADE_CODES),
      code('order_cycle', ['订货周期'], true, ORDER_CYCLE_CODES),
      text('integrity_group', ['诚信互助小组']),
      number('business_area', ['经营面积'], false, 0),
      number('longitude', ['经度'], false, -180, 180),
      number('latitude', ['纬度'], false, -90, 90),
    ],
    key: ['customer_id'],
    references: [],
    dateOrder: [],
    upsert: 'merge',
  },
  products: {
    kind: 'products',
    table: 'products',
    columns: [
      sku,
      text('name', ['卷烟名称', '规格名称', '名称'], true),
      text('brand', ['品牌']),
      code('price_class', ['价类'], true, PRICE_CLASS_CODES),
      number('cost_price', ['调拨价', '不含税调拨价'], true, 0),
      number('wholesale_price', ['批发价'], true, 0),
      number('retail_price', ['建议零售价', '零售价'], false, 0),
      code('origin', ['产地'], false, ORIGIN_CODES),
      date('launch_date', ['上市日期']),
      code('low_tar', ['低焦油'], false, BOOLEAN_CODES),
      code('scarce', ['紧俏', '是否紧俏'], false, BOOLEAN_CODES),
    ],
    key: ['sku'],
    references: [],
    dateOrder: [],
    upsert: 'merge',
  },
  orders: {
    kind: 'orders',
    table: 'order_lines',
    columns: [
      text('order_id', ['订单号', '订单编号'], true),
      customerId,
      date('order_date', ['订货日期', '订单日期'], true),
      sku,
      number('qty', ['订购量', '数量', '订货量', '供货量'], true, 0),
      number('amount', ['金额', '订单金额'], true, 0),
      number('qty_demand', ['需求量'], false, 0),
      number('qty_limit', ['限量'], false, 0),
    ],
    key: ['order_id', 'sku'],
    references: [customerRef, productRef],
    dateOrder: [],
    upsert: 'replace',
  },
  visits: {
    kind: 'visits',
    table: 'visits',
    columns: [
      text('visit_id', ['拜访编号', '拜访单号'], true),
      customerId,
      text('manager_id', ['客户经理', '客户经理编码']),
      date('planned_date', ['计划日期', '计划拜访日期']),
      date('actual_date', ['实际日期', '实际拜访日期', '拜访日期']),
      number('duration_minutes', ['拜访时长', '时长(分钟)'], false, 0),
      text('items', ['服务项目']),
    ],
    key: ['visit_id'],
    references: [customerRef],
    dateOrder: [],
    upsert: 'merge',
  },
  feedback: {
    kind: 'feedback',
    table: 'feedback',
    columns: [
      text('feedback_id', ['反馈编号', '信息编号'], true),
      customerId,
      code('kind', ['反馈类型', '信息类别'], true, FEEDBACK_KIND_CODES),
      date('due_date', ['应报日期', '截止日期'], true),
      date('submitted_date', ['提交日期', '反馈日期']),
      code('accurate', ['是否准确', '核实准确'], false, BOOLEAN_CODES),
    ],
    key: ['feedback_id'],
    references: [customerRef],
    dateOrder: [],
    upsert: 'merge',
  },
  promotions: {
    kind: 'promotions',
    table: 'promotions',
    columns: [
      text('promotion_id', ['活动编号', '促销活动编号'], true),
      customerId,
      date('activity_date', ['活动日期'], true),
      code('invited', ['是否邀请', '邀请'], true, BOOLEAN_CODES),
      code('joined', ['是否参与', '参与'], true, BOOLEAN_CODES),
      code('executed', ['是否执行', '执行'], true, BOOLEAN_CODES),
    ],
    key: ['promotion_id', 'customer_id'],
    references: [customerRef],
    dateOrder: [],
    upsert: 'merge',
  },
  displays: {
    kind: 'displays',
    table: 'displays',
    columns: [customerId, sku, date('start_date', ['出样日期', '开始日期'], true), date('end_date', ['结束日期', '撤样日期'])],
    key: ['customer_id', 'sku', 'start_date'],
    references: [customerRef, productRef],
    dateOrder: [{ start: 'start_date', end: 'end_date' }],
    upsert: 'merge',
  },
  'credit-events': {
    kind: 'credit-events',
    table: 'credit_events',
    columns: [
      text('event_id', ['事件编号'], true),
      customerId,
      date('event_date', ['事件日期', '发生日期'], true),
      code('category', ['类别', '事件类别'], true, CREDIT_CATEGORY_CODES),
      number('points', ['分值', '积分变动', '积分'], true),
      code('grade_after', ['变动后等级', '调整后等级'], false, CREDIT_GRADE_CODES),
    ],
    key: ['event_id'],
    references: [customerRef],
    dateOrder: [],
    upsert: 'merge',
  },
  assessments: {
    kind: 'assessments',
    table: 'assessments',
    columns: [
      customerId,
      text('period', ['评价期间', '期间'], true, PERIOD),
      code('indicator', ['评价指标', '指标'], true, ASSESSMENT_INDICATOR_CODES),
      number('score', ['分数', '评分', '得分'], true, 0, 100),
      text('assessor', ['评价人']),
    ],
    key: ['customer_id', 'period', 'indicator'],
    references: [customerRef],
    dateOrder: [],
    upsert: 'merge',
  },
  surveys: {
    kind: 'surveys',
    table: 'survey_responses',
    columns: [
      text('survey_id', ['问卷编号'], true),
      customerId,
      date('response_date', ['答卷日期', '调查日期', '填写日期'], true),
      text('item', ['题目', '问题', '评价项目'], true),
      code('dimension', ['维度'], true, SURVEY_DIMENSION_CODES),
      integer('score', ['分数', '评分', '得分'], true, 1, 5),
      text('comment', ['意见', '意见建议', '备注']),
    ],
    key: ['survey_id', 'customer_id', 'item'],
    references: [customerRef],
    dateOrder: [],
    upsert: 'merge',
  },
};
