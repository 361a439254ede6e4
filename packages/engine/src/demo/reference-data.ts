/**
 * The demo company's fixed vocabulary: an invented prefecture-level city
 * (administrative prefix 9901, which no real province uses), invented
 * cigarette brands, and the Chinese words shop names and addresses are built
 * from. These are program constants; the generator turns them into SQL
 * VALUES lists.
 */

export interface DistrictSeed {
  /** 6-digit administrative code; licence numbers start with it. */
  readonly code: string;
  readonly name: string;
  /** Share of the district's customers in the urban market. */
  readonly urbanShare: number;
  /** Relative number of customers. */
  readonly weight: number;
  readonly longitude: number;
  readonly latitude: number;
}

/**
 * In the order districts are taken: a company with few customers gets the
 * first eight. Urban districts hold fewer but denser customers, counties more;
 * any prefix of eight or more keeps the urban share near 45 %.
 */
export const DISTRICTS: readonly DistrictSeed[] = [
  { code: '990102', name: '东城区', urbanShare: 0.92, weight: 0.09, longitude: 113.68, latitude: 34.76 },
  { code: '990103', name: '西城区', urbanShare: 0.9, weight: 0.09, longitude: 113.58, latitude: 34.75 },
  { code: '990104', name: '南湖区', urbanShare: 0.88, weight: 0.09, longitude: 113.63, latitude: 34.69 },
  { code: '990111', name: '高新区', urbanShare: 0.9, weight: 0.09, longitude: 113.55, latitude: 34.81 },
  { code: '990121', name: '清河县', urbanShare: 0.2, weight: 0.16, longitude: 113.92, latitude: 34.55 },
  { code: '990122', name: '临江县', urbanShare: 0.22, weight: 0.16, longitude: 113.31, latitude: 34.98 },
  { code: '990123', name: '安平县', urbanShare: 0.18, weight: 0.16, longitude: 114.08, latitude: 34.86 },
  { code: '990124', name: '永丰县', urbanShare: 0.2, weight: 0.16, longitude: 113.42, latitude: 34.42 },
  { code: '990181', name: '石桥市', urbanShare: 0.45, weight: 0.1, longitude: 113.86, latitude: 35.08 },
  { code: '990125', name: '长宁县', urbanShare: 0.2, weight: 0.1, longitude: 114.21, latitude: 34.61 },
  { code: '990105', name: '北山区', urbanShare: 0.9, weight: 0.06, longitude: 113.66, latitude: 34.88 },
  { code: '990126', name: '白水县', urbanShare: 0.18, weight: 0.1, longitude: 113.12, latitude: 34.67 },
];

export const SURNAMES: readonly string[] = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡',
  '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹',
  '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏',
  '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
];

/** Place words: neighbourhoods in shop names, villages in rural addresses. */
export const PLACES: readonly string[] = [
  '东关', '西关', '南街', '北街', '城南', '城北', '新华', '建设', '人民', '解放',
  '光明', '幸福', '和平', '胜利', '文化', '东风', '红星', '向阳', '前进', '长安',
  '兴华', '富民', '振兴', '团结', '南关', '北关', '河西', '河东', '桥头', '站前',
  '万安', '福寿', '太平', '新村', '龙泉', '凤凰', '柳林', '杨庄', '李庄', '王庄',
];

/** Auspicious words shopkeepers put on their signs. */
export const SHOP_WORDS: readonly string[] = [
  '好运', '万家', '鑫源', '福满多', '惠民', '佳佳', '顺发', '兴隆', '聚福', '旺旺',
  '百姓', '乐购', '便民', '家家乐', '天天', '鸿运', '金叶', '恒达', '宏达', '诚信',
  '富源', '永兴', '合家欢', '喜洋洋', '众信', '利民', '新时代', '嘉和', '瑞丰', '源丰',
  '晨光', '金鼎', '四季', '悦来', '同兴', '万福', '吉祥', '德顺', '祥和', '盛世',
];

export const STREETS: readonly string[] = [
  '人民路', '建设路', '解放路', '中山路', '和平街', '文化路', '新华街', '胜利路', '光明路', '幸福路',
  '长江路', '黄河路', '工业路', '车站路', '学府路', '花园路', '青年路', '东风路', '迎宾大道', '朝阳路',
  '滨河路', '南环路', '北环路', '健康路', '体育路', '红旗路', '农业路', '商业街', '府前街', '百花路',
  '金水路', '友谊路', '育才路', '铁路街', '交通路', '纬一路', '经二路', '振兴路', '开发大道', '世纪大道',
];

export const TOWNS: readonly string[] = [
  '城关镇', '柳河镇', '石门镇', '白沙镇', '马集镇', '黄庄镇', '新集镇', '双桥镇', '三河镇', '太平镇',
  '龙门镇', '清水镇', '大营镇', '高庙镇', '杨楼镇', '李集镇', '王店镇', '张湾镇', '刘集乡', '陈庄乡',
  '孙铺乡', '赵楼乡', '周寨乡', '吴庄乡', '郑集乡', '沙河乡', '桃园乡', '梨园乡', '红庙乡', '古城乡',
];

/**
 * Shop-name templates per format (业态). Placeholders: {surname}, {place},
 * {word}, {street}.
 */
export const SHOP_NAME_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  Z: ['{surname}记食杂店', '{place}便民商店', '{surname}家小卖部', '{word}副食店', '{place}综合商店', '{surname}氏便民店'],
  B: ['{word}便利店', '{surname}记便利店', '{word}便利店（{street}店）', '{place}便利店'],
  Y: ['{place}烟酒商行', '{word}名烟名酒', '{surname}记烟酒店', '{word}烟酒批零'],
  S: ['{word}超市', '{place}平价超市', '{word}生活超市', '{word}购物超市（{street}店）'],
  N: ['{place}百货大楼', '{word}购物中心', '{word}商厦'],
  F: ['{word}KTV', '{word}台球俱乐部', '{word}宾馆', '{word}棋牌室', '{word}洗浴中心'],
  Q: ['{place}书报亭', '{word}加油站便利店', '{place}景区商店', '{surname}记水果店'],
};

/** Brand tiers decide which price classes a brand's SKUs fall in. */
export type BrandTier = 'premium' | 'upper' | 'middle' | 'economy' | 'budget';

export interface BrandSeed {
  readonly name: string;
  readonly tier: BrandTier;
  readonly origin: 'in_province' | 'out_of_province' | 'import';
}

/** Invented brand names; the province's own brands sell best locally. */
export const BRANDS: readonly BrandSeed[] = [
  { name: '金樽', tier: 'premium', origin: 'in_province' },
  { name: '瑞龙', tier: 'premium', origin: 'out_of_province' },
  { name: '御苑', tier: 'premium', origin: 'out_of_province' },
  { name: '君悦', tier: 'premium', origin: 'out_of_province' },
  { name: '天禧', tier: 'upper', origin: 'out_of_province' },
  { name: '紫云', tier: 'upper', origin: 'in_province' },
  { name: '华章', tier: 'upper', origin: 'out_of_province' },
  { name: '锦绣', tier: 'upper', origin: 'in_province' },
  { name: '凌云', tier: 'upper', origin: 'out_of_province' },
  { name: '凤鸣', tier: 'upper', origin: 'in_province' },
  { name: '岚山', tier: 'upper', origin: 'in_province' },
  { name: '威尔斯', tier: 'upper', origin: 'import' },
  { name: '江城', tier: 'middle', origin: 'in_province' },
  { name: '龙腾', tier: 'middle', origin: 'in_province' },
  { name: '碧泉', tier: 'middle', origin: 'out_of_province' },
  { name: '松鹤', tier: 'middle', origin: 'in_province' },
  { name: '长乐', tier: 'middle', origin: 'out_of_province' },
  { name: '飞鸿', tier: 'middle', origin: 'out_of_province' },
  { name: '青峰', tier: 'middle', origin: 'in_province' },
  { name: '鸿福', tier: 'middle', origin: 'in_province' },
  { name: '星辰', tier: 'middle', origin: 'out_of_province' },
  { name: '鹏程', tier: 'middle', origin: 'out_of_province' },
  { name: '伦顿', tier: 'middle', origin: 'import' },
  { name: '金桥', tier: 'economy', origin: 'in_province' },
  { name: '丰收', tier: 'economy', origin: 'in_province' },
  { name: '春晖', tier: 'economy', origin: 'out_of_province' },
  { name: '翠竹', tier: 'economy', origin: 'out_of_province' },
  { name: '星河', tier: 'economy', origin: 'in_province' },
  { name: '远航', tier: 'economy', origin: 'out_of_province' },
  { name: '红枫', tier: 'economy', origin: 'in_province' },
  { name: '玉兰', tier: 'economy', origin: 'out_of_province' },
  { name: '清风', tier: 'economy', origin: 'in_province' },
  { name: '雪域', tier: 'economy', origin: 'out_of_province' },
  { name: '绿洲', tier: 'budget', origin: 'in_province' },
  { name: '大丰', tier: 'budget', origin: 'in_province' },
  { name: '田园', tier: 'budget', origin: 'out_of_province' },
  { name: '银河', tier: 'budget', origin: 'out_of_province' },
  { name: '东方', tier: 'budget', origin: 'in_province' },
  { name: '麦浪', tier: 'budget', origin: 'in_province' },
  { name: '山泉', tier: 'budget', origin: 'out_of_province' },
];

/** Pack variants a brand's SKUs are named by; slim and mid-slim ones are more often low-tar. */
export const VARIANTS: readonly { readonly name: string; readonly slim: boolean }[] = [
  { name: '(硬)', slim: false },
  { name: '(软)', slim: false },
  { name: '(硬红)', slim: false },
  { name: '(软蓝)', slim: false },
  { name: '(细支)', slim: true },
  { name: '(中支)', slim: true },
  { name: '(精品)', slim: false },
  { name: '(金)', slim: false },
  { name: '(银)', slim: false },
  { name: '(红)', slim: false },
  { name: '(蓝)', slim: false },
  { name: '(白)', slim: false },
  { name: '(新版)', slim: false },
  { name: '(经典)', slim: false },
  { name: '(珍品)', slim: false },
  { name: '(典藏)', slim: false },
  { name: '(硬金)', slim: false },
  { name: '(细支金)', slim: true },
  { name: '(爆珠)', slim: true },
  { name: '(和韵)', slim: false },
  { name: '(清香)', slim: true },
  { name: '(国际)', slim: false },
  { name: '(记忆)', slim: false },
  { name: '(峰)', slim: false },
];

/** Lunar New Year's Day (春节); the weeks before it are the year's peak. */
export const SPRING_FESTIVALS: readonly string[] = [
  '2020-01-25', '2021-02-12', '2022-02-01', '2023-01-22', '2024-02-10', '2025-01-29',
  '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03',
];

/** Service items a visit can cover (recorded as codes, joined by ';'). */
export const SERVICE_ITEMS: readonly string[] = [
  'order_guidance', 'display_check', 'policy_briefing', 'sales_analysis', 'inventory_check', 'brand_cultivation', 'complaint_handling',
];

export const SURVEY_ITEMS: readonly { readonly item: string; readonly dimension: string; readonly bias: number }[] = [
  { item: 'supply_sufficiency', dimension: 'supply', bias: -0.35 },
  { item: 'supply_fairness', dimension: 'supply', bias: -0.2 },
  { item: 'supply_delivery', dimension: 'supply', bias: 0.25 },
  { item: 'service_visits', dimension: 'service', bias: 0.2 },
  { item: 'service_guidance', dimension: 'service', bias: 0 },
  { item: 'service_ordering', dimension: 'service', bias: 0.3 },
  { item: 'service_complaints', dimension: 'service', bias: -0.05 },
  { item: 'market_order', dimension: 'market', bias: 0.05 },
  { item: 'market_enforcement', dimension: 'market', bias: 0.1 },
  { item: 'market_counterfeits', dimension: 'market', bias: -0.1 },
  { item: 'profit_margin', dimension: 'profit', bias: -0.4 },
  { item: 'profit_price_stability', dimension: 'profit', bias: -0.15 },
];

/** What a dissatisfied retailer writes under a low score, per survey dimension. */
export const COMPLAINTS: Readonly<Record<string, readonly string[]>> = {
  supply: ['紧俏烟货源太少，经常订不到', '希望增加畅销品规的投放量', '送货时间不固定，影响经营'],
  service: ['客户经理来得太少', '希望多给一些经营指导', '网上订货系统有时登录不上'],
  market: ['周边有无证经营，希望加强管理', '附近有低价窜货，冲击价格', '希望严厉打击假烟'],
  profit: ['卷烟利润太薄', '价格波动大，不敢多进货', '高档烟周转慢，占用资金'],
};

/** What a satisfied retailer writes under a top score. */
export const PRAISES: readonly string[] = ['服务很周到', '客户经理很负责', '送货及时，很满意'];
