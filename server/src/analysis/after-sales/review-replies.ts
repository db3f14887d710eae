// Suggested replies to negative reviews, in the review's language, naming what went wrong.
import { ASPECT_LABELS, type Aspect } from '../text/aspects.js';
import type { TextLanguage } from '../text/segment.js';

const ZH_FIX: Record<Aspect, string> = {
  fit: '我们已核对尺码表并更新了详情页的尺码建议，您可以联系客服免费换码',
  quality: '我们已将问题反馈给品控和供应商逐批检查，您可以联系客服退换',
  logistics: '我们已督促仓库和快递加快处理，后续订单会优先发出',
  service: '我们已复盘本次客服处理，专人会在24小时内联系您跟进',
  price: '我们会在活动期间提供价格保护，差价可联系客服申请',
  appearance: '我们已重新校对商品图片的颜色和描述，您可以联系客服退换',
};

const EN_FIX: Record<Aspect, string> = {
  fit: 'we have checked the size chart and updated the sizing advice; contact us for a free exchange',
  quality: "we have reported it to our quality team and supplier, and we'll replace or refund it",
  logistics: 'we have pressed the warehouse and courier to speed up, and your next order ships first',
  service: 'we have reviewed how your request was handled, and a specialist will contact you within 24 hours',
  price: 'we offer price protection during the sale; contact us for the difference',
  appearance: 'we have re-checked the photos and description; contact us for an exchange or refund',
};

/** A reply for a complaint about `aspect` (or a general apology when none was recognised). */
export function suggestReply(language: TextLanguage, aspect: Aspect | null, couponText: string): string {
  if (language === 'zh') {
    const about = aspect ? `关于${ASPECT_LABELS[aspect].zh}的问题` : '这次不好的体验';
    const fix = aspect ? ZH_FIX[aspect] : '专人会在24小时内联系您处理';
    return `亲，非常抱歉${about}给您带来困扰。${fix}。为表歉意，我们为您准备了一张${couponText}无门槛优惠券。`;
  }
  const about = aspect ? `the ${ASPECT_LABELS[aspect].en} problem` : 'your experience';
  const fix = aspect ? EN_FIX[aspect] : 'a specialist will contact you within 24 hours';
  return `We're sorry about ${about}. ${capitalize(fix)}. As an apology, here is a ${couponText} coupon for your next order.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
