import { describe, expect, it } from 'vitest';
import { suggestReply } from './review-replies.js';

describe('suggestReply', () => {
  it('names the aspect and the coupon in Chinese', () => {
    expect(suggestReply('zh', 'fit', '¥20')).toBe(
      '亲，非常抱歉关于尺码的问题给您带来困扰。我们已核对尺码表并更新了详情页的尺码建议，您可以联系客服免费换码。为表歉意，我们为您准备了一张¥20无门槛优惠券。',
    );
  });

  it('falls back to a general apology in English when no aspect was recognised', () => {
    expect(suggestReply('en', null, '$5')).toBe(
      "We're sorry about your experience. A specialist will contact you within 24 hours. As an apology, here is a $5 coupon for your next order.",
    );
  });
});
