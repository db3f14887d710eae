// The simulated catalogue's categories: the search keywords best sellers carry in their titles, the
// words a weak title uses instead, price ranges, variants and category-specific return reasons.

export interface Category {
  name: string;
  /** Search keywords; a good title carries the first (the head noun) and some of the others. */
  keywords: string[];
  modifiers: string[];
  /** What a weak title calls the product instead of its searchable name. */
  vagueNoun: string;
  priceYuan: [number, number];
  variant: { label: 'size' | 'spec'; values: string[] };
  colors: string[];
  /** Size runs small, wrong shade, …: the reason a return spike on this category has. */
  spikeReason: string;
  /** Share of the category's orders among all (before SKU popularity). */
  weight: number;
}

export const CATEGORIES: Category[] = [
  {
    name: '羽绒服',
    keywords: ['羽绒服', '白鸭绒', '加厚', '保暖'],
    modifiers: ['2026新款', '女', '男', '短款', '长款', '连帽', '冬季', '轻薄', '宽松', '面包服'],
    vagueNoun: '冬日外套',
    priceYuan: [299, 1299],
    variant: { label: 'size', values: ['S', 'M', 'L', 'XL', 'XXL'] },
    colors: ['黑色', '米白', '燕麦色', '藏青'],
    spikeReason: '尺码偏小',
    weight: 1.4,
  },
  {
    name: '毛衣',
    keywords: ['毛衣', '针织衫', '羊毛', '高领'],
    modifiers: ['2026新款', '女', '男', '套头', '慵懒风', '秋冬', '打底', '软糯'],
    vagueNoun: '上衣',
    priceYuan: [129, 599],
    variant: { label: 'size', values: ['S', 'M', 'L', 'XL'] },
    colors: ['奶白', '焦糖色', '灰色', '酒红'],
    spikeReason: '尺码偏小',
    weight: 1.2,
  },
  {
    name: '运动鞋',
    keywords: ['运动鞋', '跑步鞋', '透气', '减震'],
    modifiers: ['男', '女', '轻便', '网面', '防滑', '休闲', '情侣款', '厚底'],
    vagueNoun: '鞋子',
    priceYuan: [199, 899],
    variant: { label: 'size', values: ['36', '37', '38', '39', '40', '41', '42', '43', '44'] },
    colors: ['白色', '黑色', '灰蓝'],
    spikeReason: '尺码偏小',
    weight: 1.1,
  },
  {
    name: '保温杯',
    keywords: ['保温杯', '316不锈钢', '大容量', '便携'],
    modifiers: ['男女', '学生', '办公室', '车载', '高颜值', '带茶隔'],
    vagueNoun: '水杯',
    priceYuan: [49, 259],
    variant: { label: 'spec', values: ['350ml', '500ml', '750ml'] },
    colors: ['雾霾蓝', '奶油白', '曜石黑'],
    spikeReason: '保温效果差',
    weight: 0.8,
  },
  {
    name: '面霜',
    keywords: ['面霜', '保湿', '补水', '修护'],
    modifiers: ['敏感肌', '秋冬', '滋润', '清爽', '女', '正品'],
    vagueNoun: '护肤单品',
    priceYuan: [89, 699],
    variant: { label: 'spec', values: ['30ml', '50ml', '100ml'] },
    colors: [],
    spikeReason: '使用后过敏',
    weight: 0.9,
  },
  {
    name: '蓝牙耳机',
    keywords: ['蓝牙耳机', '降噪', '无线', '长续航'],
    modifiers: ['入耳式', '运动', '游戏', '2026新款', '超长待机', '苹果华为通用'],
    vagueNoun: '数码好物',
    priceYuan: [99, 999],
    variant: { label: 'spec', values: ['标准版', '降噪版', 'Pro版'] },
    colors: ['白色', '黑色', '星空蓝'],
    spikeReason: '连接不稳定',
    weight: 1,
  },
  {
    name: '坚果礼盒',
    keywords: ['坚果', '每日坚果', '零食', '礼盒'],
    modifiers: ['混合果仁', '孕妇', '儿童', '健康', '年货', '独立小包装'],
    vagueNoun: '伴手礼',
    priceYuan: [39, 199],
    variant: { label: 'spec', values: ['30包', '60包', '1.2kg'] },
    colors: [],
    spikeReason: '临期/口感不好',
    weight: 0.9,
  },
  {
    name: '四件套',
    keywords: ['四件套', '纯棉', '床上用品', '被套'],
    modifiers: ['全棉', '磨毛', '北欧风', '简约', '冬季', '加厚'],
    vagueNoun: '家居好物',
    priceYuan: [159, 899],
    variant: { label: 'size', values: ['1.5m床', '1.8m床', '2.0m床'] },
    colors: ['燕麦色', '雾蓝', '灰粉'],
    spikeReason: '起球掉色',
    weight: 0.7,
  },
];

/** Words a weak, brand-speak title uses; none of them is a search keyword of any category. */
export const VAGUE_WORDS = ['小众设计感', 'ins风', '氛围感', '高级感', '百搭单品', '法式', '复古', '气质款'];

export const BRANDS = ['掌柜优选', '云栖', '北纬', '木槿', '拾光', '知味', '青禾', '暖屿'];

/** Return reasons and their usual weights, before any spike. */
export const RETURN_REASONS: { reason: string; weight: number; sizedOnly?: boolean }[] = [
  { reason: '尺码偏大', weight: 10, sizedOnly: true },
  { reason: '尺码偏小', weight: 10, sizedOnly: true },
  { reason: '不喜欢/不想要了', weight: 22 },
  { reason: '与描述不符', weight: 12 },
  { reason: '质量问题', weight: 12 },
  { reason: '颜色与图片不符', weight: 8 },
  { reason: '发错货/漏发', weight: 5 },
  { reason: '物流太慢', weight: 6 },
  { reason: '拍错/多拍', weight: 10 },
];
