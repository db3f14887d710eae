// Creating a shop: its currency and time zone decide how every imported amount and time is read,
// so both are checked here, once, for the New shop form, the shop.create procedure and the CLI.
import { z } from 'zod';
import { ShopSlugSchema } from './shop.js';

/** Platforms a merchant can create a shop for; simulated shops come only from the simulator. */
export const NEW_SHOP_PLATFORMS = ['shopify', 'taobao', 'other'] as const;
export type NewShopPlatform = (typeof NEW_SHOP_PLATFORMS)[number];

const KNOWN_CURRENCIES: ReadonlySet<string> | null =
  typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : null;

/** An ISO 4217 code in any case, stored upper-case: "eur" -> "EUR". */
export const CurrencyCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'Use a three-letter currency code like CNY or EUR.')
  .transform((raw, ctx) => {
    const code = raw.toUpperCase();
    if (KNOWN_CURRENCIES === null || KNOWN_CURRENCIES.has(code)) return code;
    ctx.addIssue({
      code: 'custom',
      message: `${code} is not an ISO 4217 currency; use a code like CNY, EUR or USD.`,
    });
    return z.NEVER;
  });

/** The IANA name of the zone, in its canonical spelling ("asia/shanghai" -> "Asia/Shanghai"). */
export function canonicalTimeZone(zone: string): string | null {
  if (!zone.includes('/') && zone.toUpperCase() !== 'UTC') return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const TimeZoneSchema = z
  .string()
  .trim()
  .transform((zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (canonical) return canonical;
    ctx.addIssue({
      code: 'custom',
      message: `"${zone}" is not an IANA time zone; use one like Asia/Shanghai or Europe/Paris.`,
    });
    return z.NEVER;
  });

export const CreateShopInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the shop a name.').max(100, 'Keep the name under 100 characters.'),
  slug: ShopSlugSchema,
  platform: z.enum(NEW_SHOP_PLATFORMS),
  currency: CurrencyCodeSchema,
  timeZone: TimeZoneSchema,
});
export type CreateShopInput = z.infer<typeof CreateShopInputSchema>;
