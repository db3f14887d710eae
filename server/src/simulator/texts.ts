// Text templates: review texts in Chinese and English by rating, customer-service ticket subjects,
// customer names and cities. `{p}` in a template is replaced by the product's category noun.

export const REVIEWS_ZH: Record<'good' | 'mixed' | 'bad', string[]> = {
  good: [
    '{p}质量很好，做工精细，和描述一致，好评！',
    '物流很快，{p}包装完好，双十一价格很划算。',
    '第二次回购了，{p}一如既往的好用。',
    '颜值很高，{p}比想象中还要好，推荐购买。',
    '客服态度很好，{p}很满意，会继续关注店铺。',
    '性价比很高的{p}，家人都说好。',
  ],
  mixed: [
    '{p}还可以，就是发货有点慢。',
    '整体一般，{p}和图片有一点色差。',
    '{p}凑合用吧，活动价还行，原价就不值了。',
  ],
  bad: [
    '{p}质量太差了，用了两天就坏了，非常失望。',
    '和描述完全不一样，{p}做工粗糙，差评！',
    '{p}有异味，申请退货了，不推荐。',
    '收到的{p}有瑕疵，客服也不处理，太糟糕了。',
    '买了就后悔，{p}根本不值这个价，大家别买。',
  ],
};

export const REVIEWS_EN: Record<'good' | 'mixed' | 'bad', string[]> = {
  good: [
    'Great quality, exactly as described. Fast delivery!',
    'Bought it during Double 11, great value. Would buy again.',
    'Looks even better than the photos. Very happy.',
  ],
  mixed: ['It is okay, but shipping took a while.', 'Decent for the sale price, not at full price.'],
  bad: [
    'Terrible quality, it broke after two days. Very disappointed.',
    'Nothing like the pictures. Cheap material, do not buy.',
    'Arrived damaged and customer service ignored me.',
    'Waste of money. Returning it.',
  ],
};

export function reviewTone(rating: number): 'good' | 'mixed' | 'bad' {
  return rating >= 4 ? 'good' : rating === 3 ? 'mixed' : 'bad';
}

export const TICKET_TOPICS: { category: string; subjects: string[]; weight: number }[] = [
  { category: '物流', subjects: ['什么时候发货？', '物流一直没有更新', '快递显示签收但没收到'], weight: 30 },
  { category: '售后', subjects: ['申请退货怎么操作', '退款什么时候到账', '换货尺码'], weight: 25 },
  { category: '商品咨询', subjects: ['尺码怎么选', '有没有现货', '和上一代有什么区别'], weight: 25 },
  { category: '优惠', subjects: ['双11优惠券怎么用', '能不能保价', '满减没有生效'], weight: 15 },
  { category: '发票', subjects: ['开具电子发票', '发票抬头填错了'], weight: 5 },
];

export const LATE_SHIPMENT_SUBJECTS = ['已经超过48小时还没发货', '催发货：下单好几天了', '为什么还不发货？'];

export const TICKET_CHANNELS = ['在线客服', '在线客服', '在线客服', '电话', '售后工单'];

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
export const GIVEN_NAME_CHARS = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
  '刚',
  '桂',
  '英',
  '华',
  '玲',
  '婷',
  '宇',
  '浩',
  '欣',
  '琪',
];

/** Cities and the region whose warehouse usually serves them. */
export const CITIES: { city: string; region: string }[] = [
  { city: '上海', region: '华东' },
  { city: '杭州', region: '华东' },
  { city: '南京', region: '华东' },
  { city: '苏州', region: '华东' },
  { city: '广州', region: '华南' },
  { city: '深圳', region: '华南' },
  { city: '北京', region: '华北' },
  { city: '天津', region: '华北' },
  { city: '成都', region: '西南' },
  { city: '重庆', region: '西南' },
  { city: '武汉', region: '华中' },
  { city: '长沙', region: '华中' },
];

export const WAREHOUSES: { code: string; name: string; region: string }[] = [
  { code: 'WH-HZ', name: '华东仓（杭州）', region: '华东' },
  { code: 'WH-GZ', name: '华南仓（广州）', region: '华南' },
  { code: 'WH-TJ', name: '华北仓（天津）', region: '华北' },
  { code: 'WH-WH', name: '华中仓（武汉）', region: '华中' },
  { code: 'WH-CD', name: '西南仓（成都）', region: '西南' },
];

export const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '京东物流'];

export const CAMPAIGN_CHANNELS = ['搜索推广', '信息流推广', '全站推广'];
export const CREATIVE_FORMATS = ['image', 'video', 'carousel'];
export const CREATIVE_HOOKS = ['双11到手价', '限时直降', '爆款回归', '买一送一', '前1小时半价', '明星同款'];
