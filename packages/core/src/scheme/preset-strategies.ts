import type { LocalizedText } from '../i18n/localized.js';
import type { StrategyCatalog } from './scheme-schema.js';

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** Common items every customer gets (共性服务项目), shared by the presets. */
export const COMMON_ITEMS: readonly LocalizedText[] = [
  t('按订货周期提供订货提醒与货源信息', 'order reminders and supply information every ordering cycle'),
  t('价格公示与明码标价检查', 'price display and labelling checks'),
  t('依法经营宣传与许可证年审提醒', 'lawful-operation guidance and licence renewal reminders'),
  t('卷烟真伪鉴别与投诉受理', 'counterfeit identification help and complaint handling'),
];

/** Value-matrix cells: goal and approach (DOMAIN §4, after the textbook's four strategies). */
export const CELL_STRATEGIES: StrategyCatalog['cells'] = {
  value: {
    goal: t('一对一保持，提供最好的资源与定制化服务', 'one-to-one retention with the best resources and tailored service'),
    items: [
      t('客户经理一对一专属服务', 'a dedicated one-to-one customer manager'),
      t('优先参与新品投放和品牌培育活动', 'first access to new products and brand cultivation activities'),
      t('灵活的订货与结算安排', 'flexible ordering and settlement arrangements'),
    ],
  },
  sub_value: {
    goal: t('持续投入、加强监督，提高配合度', 'keep investing, supervise, and raise cooperation'),
    items: [
      t('订货与信息反馈配合度跟踪', 'tracking of ordering and feedback cooperation'),
      t('陈列与终端形象维护', 'display and storefront upkeep'),
    ],
  },
  potential_value: {
    goal: t('重建关系：增进感情、增加拜访、个性化经营指导', 'rebuild the relationship: closer ties, more visits, personal operating guidance'),
    items: [
      t('增加拜访频次与亲情化服务', 'more frequent visits and personal care'),
      t('个性化经营指导（定位、品类、库存）', 'personal operating guidance (positioning, category mix, inventory)'),
      t('成长计划与阶段目标跟踪', 'a growth plan with milestones'),
    ],
  },
  low_value: {
    goal: t('培育为次价值或潜在价值客户，否则调整服务投入', 'develop into sub-value or potential-value customers, otherwise adjust the service investment'),
    items: [
      t('基础经营规范指导', 'basic operating standards guidance'),
      t('订货习惯培养', 'building regular ordering habits'),
    ],
  },
};

/** Lifecycle stages and their management strategies (after seed 000's stage strategies). */
export const LIFECYCLE_STRATEGIES: NonNullable<StrategyCatalog['lifecycle']> = {
  introduction: {
    strategy: t('新客户管理', 'new-customer management'),
    items: [
      t('入网后前 8 周每周拜访', 'a weekly visit in the first 8 weeks'),
      t('手拉手帮扶与经营入门指导', 'hand-in-hand support and first operating guidance'),
      t('亲情化服务，建立客户档案', 'personal care and a complete customer archive'),
    ],
  },
  growth: {
    strategy: t('满意客户管理', 'satisfied-customer management'),
    items: [t('需求预测与货源组织', 'demand forecasting and supply planning'), t('品牌培育', 'brand cultivation'), t('及时拜访、快速反馈', 'timely visits and fast feedback')],
  },
  maturity: {
    strategy: t('满意客户管理', 'satisfied-customer management'),
    items: [t('统一服务标准', 'one service standard'), t('创新服务形式', 'new forms of service'), t('完善客户档案', 'a complete customer archive')],
  },
  decline: {
    strategy: t('不满意客户管理与预防客户解约管理', 'dissatisfied-customer management and churn prevention'),
    items: [
      t('一个订货周期内上门挽留拜访', 'a retention visit within one ordering cycle'),
      t('满意度回访，收集不满意事项并查找原因', 'a satisfaction follow-up: collect dissatisfied items and find the causes'),
      t('经营指导：定位、品类、库存与消费者管理', 'operating guidance: positioning, category, inventory and consumer management'),
    ],
  },
  termination: {
    strategy: t('预防客户解约管理', 'churn prevention'),
    items: [t('核实经营状态与许可证状态', 'check the trading and licence status'), t('了解停止订货原因，能挽回的制定挽回措施', 'learn why ordering stopped and plan a win-back where possible')],
  },
};
