// The New shop form's values: what it starts with, the slug it suggests from the name, and which
// field each problem belongs to (checked with the same schema as shop.create before it is sent).
import {
  type CreateShopInput,
  CreateShopInputSchema,
  type ImportFormat,
  NEW_SHOP_PLATFORMS,
  type NewShopPlatform,
} from '@zhanggui/shared';

export interface NewShopValues {
  name: string;
  slug: string;
  platform: NewShopPlatform;
  currency: string;
  timeZone: string;
}

export type NewShopField = keyof NewShopValues;

/** What the form may be opened with: ?newShop&currency=EUR&platform=shopify. */
export interface NewShopPrefill {
  currency?: string | null;
  platform?: string | null;
}

export function platformOfFormat(format: ImportFormat | null): NewShopPlatform {
  if (format === 'shopify-orders' || format === 'shopify-products') return 'shopify';
  if (format === 'taobao-orders') return 'taobao';
  return 'other';
}

export function initialNewShopValues(
  prefill: NewShopPrefill,
  fallback: { currency: string; timeZone: string },
): NewShopValues {
  const platform = NEW_SHOP_PLATFORMS.find((p) => p === prefill.platform) ?? 'shopify';
  const currency = /^[A-Za-z]{3}$/.test(prefill.currency ?? '') ? prefill.currency!.toUpperCase() : null;
  return {
    name: '',
    slug: '',
    platform,
    currency: currency ?? fallback.currency,
    timeZone: fallback.timeZone,
  };
}

/** "Berlin Store 2" -> "berlin-store-2"; letters outside a–z (e.g. Chinese) drop out, so it may be empty. */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

export type NewShopCheck =
  | { ok: true; input: CreateShopInput }
  | { ok: false; problems: Partial<Record<NewShopField, true>> };

/** The fields that would be refused; each has its own sentence in the UI's language. */
export function checkNewShop(values: NewShopValues): NewShopCheck {
  const parsed = CreateShopInputSchema.safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };
  const problems: Partial<Record<NewShopField, true>> = {};
  for (const issue of parsed.error.issues) problems[issue.path[0] as NewShopField] = true;
  return { ok: false, problems };
}

/** Every ISO 4217 currency the browser knows, for the currency list. */
export function knownCurrencies(): string[] {
  return typeof Intl.supportedValuesOf === 'function'
    ? Intl.supportedValuesOf('currency')
    : ['CNY', 'EUR', 'USD'];
}

export function knownTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** The browser's own zone, the likeliest answer for a merchant creating a shop. */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
