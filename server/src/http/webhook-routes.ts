// POST /webhooks/shopify/:shop/orders — Shopify's orders/create and orders/updated webhooks.
// 401 for a missing or wrong signature; a replayed X-Shopify-Webhook-Id answers 200 and changes
// nothing (Shopify retries deliveries it thinks failed, so a replay must not look like an error), and
// so does a delivery older than one already applied to its order: 200 with {"status":"stale"}.
import express from 'express';
import type { Db } from '../db/client.js';
import { parseEnv } from '../env.js';
import { AppError } from '../errors.js';
import {
  applyOrderWebhook,
  isValidShopifyHmac,
  ORDER_WEBHOOK_TOPICS,
} from '../services/imports/shopify-webhook.js';
import { findShopBySlug } from '../services/shops/find-shop.js';
import { sendError } from './send-error.js';

export interface WebhookDeps {
  db: Db;
  /** SHOPIFY_WEBHOOK_SECRET by default; when there is none the endpoint answers 503. */
  secret?: string | undefined;
}

export function mountWebhookRoutes(app: express.Express, deps: WebhookDeps): void {
  const secret = 'secret' in deps ? deps.secret : parseEnv().SHOPIFY_WEBHOOK_SECRET;
  app.post(
    '/webhooks/shopify/:shop/orders',
    express.raw({ type: () => true, limit: '5mb' }),
    async (req: express.Request<{ shop: string }>, res) => {
      try {
        if (!secret) {
          res
            .status(503)
            .json({ error: 'Shopify webhooks are not set up: set SHOPIFY_WEBHOOK_SECRET and restart.' });
          return;
        }
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        if (!isValidShopifyHmac(raw, req.get('X-Shopify-Hmac-Sha256'), secret)) {
          res.status(401).json({ error: 'The webhook signature (X-Shopify-Hmac-Sha256) does not match.' });
          return;
        }
        const topic = req.get('X-Shopify-Topic') ?? '';
        if (!(ORDER_WEBHOOK_TOPICS as readonly string[]).includes(topic)) {
          throw new AppError('INVALID_INPUT', {
            message: `Topic "${topic}" is not handled here; subscribe this URL to orders/create and orders/updated.`,
          });
        }
        const webhookId = req.get('X-Shopify-Webhook-Id');
        if (!webhookId) throw new AppError('INVALID_INPUT', { message: 'X-Shopify-Webhook-Id is missing.' });
        let body: unknown;
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          throw new AppError('INVALID_INPUT', { message: 'The webhook body is not JSON.' });
        }
        const shop = await findShopBySlug(deps.db.prisma, req.params.shop);
        const result = await applyOrderWebhook(deps.db.pool, { shopId: shop.id, webhookId, topic, body });
        res.status(200).json(result);
      } catch (error) {
        sendError(res, error);
      }
    },
  );
}
