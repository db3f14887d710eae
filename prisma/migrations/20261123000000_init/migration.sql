-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "TrafficSource" AS ENUM ('search', 'recommendation', 'ads', 'direct', 'social');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded');

-- CreateEnum
CREATE TYPE "RefundKind" AS ENUM ('refund_only', 'return_and_refund');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('requested', 'approved', 'rejected', 'completed');

-- CreateEnum
CREATE TYPE "PromotionPhaseKind" AS ENUM ('preheat', 'launch', 'peak', 'tail');

-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('open', 'pending', 'resolved');

-- CreateTable
CREATE TABLE "shops" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "platform" TEXT NOT NULL DEFAULT 'simulated',
    "currency" TEXT NOT NULL DEFAULT 'CNY',
    "time_zone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shops_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warehouses" (
    "shop_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,

    CONSTRAINT "warehouses_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "products" (
    "shop_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "products_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "skus" (
    "shop_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "product_id" INTEGER NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "price_cents" INTEGER NOT NULL,
    "cost_cents" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "skus_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "sku_price_changes" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "effective_at" TIMESTAMPTZ(3) NOT NULL,
    "old_price_cents" INTEGER NOT NULL,
    "new_price_cents" INTEGER NOT NULL,

    CONSTRAINT "sku_price_changes_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "inventory" (
    "shop_id" INTEGER NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "warehouse_id" INTEGER NOT NULL,
    "on_hand" INTEGER NOT NULL,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "inbound" INTEGER NOT NULL DEFAULT 0,
    "lead_time_days" INTEGER NOT NULL DEFAULT 7,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inventory_pkey" PRIMARY KEY ("shop_id","sku_id","warehouse_id")
);

-- CreateTable
CREATE TABLE "inventory_daily" (
    "shop_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "warehouse_id" INTEGER NOT NULL,
    "on_hand_end" INTEGER NOT NULL,
    "units_sold" INTEGER NOT NULL,

    CONSTRAINT "inventory_daily_pkey" PRIMARY KEY ("shop_id","day","sku_id","warehouse_id")
);

-- CreateTable
CREATE TABLE "customers" (
    "shop_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "city" TEXT,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "orders" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "customer_id" INTEGER,
    "status" "OrderStatus" NOT NULL,
    "placed_at" TIMESTAMPTZ(3) NOT NULL,
    "paid_at" TIMESTAMPTZ(3),
    "shipped_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "total_cents" INTEGER NOT NULL,
    "discount_cents" INTEGER NOT NULL DEFAULT 0,
    "shipping_cents" INTEGER NOT NULL DEFAULT 0,
    "traffic_source" "TrafficSource",
    "coupon_code" TEXT,
    "warehouse_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "order_lines" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "order_id" BIGINT NOT NULL,
    "line_no" INTEGER NOT NULL,
    "sku_id" INTEGER,
    "quantity" INTEGER NOT NULL,
    "unit_price_cents" INTEGER NOT NULL,
    "discount_cents" INTEGER NOT NULL DEFAULT 0,
    "total_cents" INTEGER NOT NULL,

    CONSTRAINT "order_lines_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "refunds" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "order_id" BIGINT NOT NULL,
    "sku_id" INTEGER,
    "kind" "RefundKind" NOT NULL,
    "status" "RefundStatus" NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "amount_cents" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "refunds_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "order_id" BIGINT,
    "sku_id" INTEGER,
    "customer_id" INTEGER,
    "rating" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "traffic_hourly" (
    "shop_id" INTEGER NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "source" "TrafficSource" NOT NULL,
    "visitors" INTEGER NOT NULL,
    "page_views" INTEGER NOT NULL,

    CONSTRAINT "traffic_hourly_pkey" PRIMARY KEY ("shop_id","hour","source")
);

-- CreateTable
CREATE TABLE "sku_traffic_daily" (
    "shop_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "source" "TrafficSource" NOT NULL,
    "impressions" INTEGER NOT NULL,
    "visits" INTEGER NOT NULL,
    "add_to_cart" INTEGER NOT NULL,
    "orders" INTEGER NOT NULL,

    CONSTRAINT "sku_traffic_daily_pkey" PRIMARY KEY ("shop_id","day","sku_id","source")
);

-- CreateTable
CREATE TABLE "ad_campaigns" (
    "shop_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "daily_budget_cents" INTEGER NOT NULL,
    "sku_id" INTEGER,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE,

    CONSTRAINT "ad_campaigns_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "ad_campaign_daily" (
    "shop_id" INTEGER NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "budget_cents" INTEGER NOT NULL,
    "spend_cents" INTEGER NOT NULL,
    "impressions" INTEGER NOT NULL,
    "clicks" INTEGER NOT NULL,
    "conversions" INTEGER NOT NULL,
    "revenue_cents" BIGINT NOT NULL,

    CONSTRAINT "ad_campaign_daily_pkey" PRIMARY KEY ("shop_id","campaign_id","day")
);

-- CreateTable
CREATE TABLE "ad_campaign_hourly" (
    "shop_id" INTEGER NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "spend_cents" INTEGER NOT NULL,
    "impressions" INTEGER NOT NULL,
    "clicks" INTEGER NOT NULL,
    "conversions" INTEGER NOT NULL,
    "revenue_cents" BIGINT NOT NULL,

    CONSTRAINT "ad_campaign_hourly_pkey" PRIMARY KEY ("shop_id","campaign_id","hour")
);

-- CreateTable
CREATE TABLE "creatives" (
    "shop_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "external_id" TEXT NOT NULL,
    "campaign_id" INTEGER,
    "sku_id" INTEGER,
    "name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "launched_on" DATE NOT NULL,

    CONSTRAINT "creatives_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "creative_daily" (
    "shop_id" INTEGER NOT NULL,
    "creative_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "impressions" INTEGER NOT NULL,
    "clicks" INTEGER NOT NULL,

    CONSTRAINT "creative_daily_pkey" PRIMARY KEY ("shop_id","creative_id","day")
);

-- CreateTable
CREATE TABLE "promotions" (
    "shop_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "gmv_target_cents" BIGINT NOT NULL,

    CONSTRAINT "promotions_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "promotion_phases" (
    "shop_id" INTEGER NOT NULL,
    "promotion_id" INTEGER NOT NULL,
    "phase" "PromotionPhaseKind" NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "gmv_target_cents" BIGINT NOT NULL,

    CONSTRAINT "promotion_phases_pkey" PRIMARY KEY ("shop_id","promotion_id","phase")
);

-- CreateTable
CREATE TABLE "shipments" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "order_id" BIGINT NOT NULL,
    "warehouse_id" INTEGER NOT NULL,
    "carrier" TEXT NOT NULL,
    "promised_at" TIMESTAMPTZ(3) NOT NULL,
    "shipped_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "shipments_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "tickets" (
    "shop_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "order_id" BIGINT,
    "customer_id" INTEGER,
    "sku_id" INTEGER,
    "channel" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "status" "TicketStatus" NOT NULL,
    "subject" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "first_response_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "tickets_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "shop_hourly_rollup" (
    "shop_id" INTEGER NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "gmv_cents" BIGINT NOT NULL,
    "paid_orders" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "refund_cents" BIGINT NOT NULL,
    "refunded_orders" INTEGER NOT NULL,

    CONSTRAINT "shop_hourly_rollup_pkey" PRIMARY KEY ("shop_id","hour")
);

-- CreateTable
CREATE TABLE "sku_hourly_rollup" (
    "shop_id" INTEGER NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "gmv_cents" BIGINT NOT NULL,
    "paid_orders" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,

    CONSTRAINT "sku_hourly_rollup_pkey" PRIMARY KEY ("shop_id","sku_id","hour")
);

-- CreateTable
CREATE TABLE "simulation_runs" (
    "shop_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "seed" INTEGER NOT NULL,
    "scale" TEXT NOT NULL,
    "preset" TEXT NOT NULL,
    "manifest" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "simulation_runs_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "shops_slug_key" ON "shops"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "warehouses_shop_id_code_key" ON "warehouses"("shop_id", "code");

-- CreateIndex
CREATE INDEX "products_shop_id_category_idx" ON "products"("shop_id", "category");

-- CreateIndex
CREATE UNIQUE INDEX "products_shop_id_external_id_key" ON "products"("shop_id", "external_id");

-- CreateIndex
CREATE INDEX "skus_shop_id_product_id_idx" ON "skus"("shop_id", "product_id");

-- CreateIndex
CREATE UNIQUE INDEX "skus_shop_id_external_id_key" ON "skus"("shop_id", "external_id");

-- CreateIndex
CREATE INDEX "sku_price_changes_shop_id_sku_id_effective_at_idx" ON "sku_price_changes"("shop_id", "sku_id", "effective_at");

-- CreateIndex
CREATE INDEX "inventory_shop_id_warehouse_id_idx" ON "inventory"("shop_id", "warehouse_id");

-- CreateIndex
CREATE INDEX "inventory_daily_shop_id_sku_id_day_idx" ON "inventory_daily"("shop_id", "sku_id", "day");

-- CreateIndex
CREATE UNIQUE INDEX "customers_shop_id_external_id_key" ON "customers"("shop_id", "external_id");

-- CreateIndex
CREATE INDEX "orders_shop_id_placed_at_idx" ON "orders"("shop_id", "placed_at");

-- CreateIndex
CREATE INDEX "orders_shop_id_customer_id_placed_at_idx" ON "orders"("shop_id", "customer_id", "placed_at");

-- CreateIndex
CREATE UNIQUE INDEX "orders_shop_id_external_id_key" ON "orders"("shop_id", "external_id");

-- CreateIndex
CREATE INDEX "order_lines_shop_id_sku_id_idx" ON "order_lines"("shop_id", "sku_id");

-- CreateIndex
CREATE UNIQUE INDEX "order_lines_shop_id_order_id_line_no_key" ON "order_lines"("shop_id", "order_id", "line_no");

-- CreateIndex
CREATE INDEX "refunds_shop_id_order_id_idx" ON "refunds"("shop_id", "order_id");

-- CreateIndex
CREATE INDEX "refunds_shop_id_sku_id_requested_at_idx" ON "refunds"("shop_id", "sku_id", "requested_at");

-- CreateIndex
CREATE UNIQUE INDEX "refunds_shop_id_external_id_key" ON "refunds"("shop_id", "external_id");

-- CreateIndex
CREATE INDEX "reviews_shop_id_sku_id_created_at_idx" ON "reviews"("shop_id", "sku_id", "created_at");

-- CreateIndex
CREATE INDEX "reviews_shop_id_created_at_idx" ON "reviews"("shop_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "reviews_shop_id_external_id_key" ON "reviews"("shop_id", "external_id");

-- CreateIndex
CREATE INDEX "sku_traffic_daily_shop_id_sku_id_day_idx" ON "sku_traffic_daily"("shop_id", "sku_id", "day");

-- CreateIndex
CREATE UNIQUE INDEX "ad_campaigns_shop_id_external_id_key" ON "ad_campaigns"("shop_id", "external_id");

-- CreateIndex
CREATE INDEX "ad_campaign_daily_shop_id_day_idx" ON "ad_campaign_daily"("shop_id", "day");

-- CreateIndex
CREATE INDEX "ad_campaign_hourly_shop_id_hour_idx" ON "ad_campaign_hourly"("shop_id", "hour");

-- CreateIndex
CREATE UNIQUE INDEX "creatives_shop_id_external_id_key" ON "creatives"("shop_id", "external_id");

-- CreateIndex
CREATE INDEX "promotions_shop_id_starts_at_idx" ON "promotions"("shop_id", "starts_at");

-- CreateIndex
CREATE INDEX "shipments_shop_id_warehouse_id_promised_at_idx" ON "shipments"("shop_id", "warehouse_id", "promised_at");

-- CreateIndex
CREATE UNIQUE INDEX "shipments_shop_id_order_id_key" ON "shipments"("shop_id", "order_id");

-- CreateIndex
CREATE INDEX "tickets_shop_id_opened_at_idx" ON "tickets"("shop_id", "opened_at");

-- CreateIndex
CREATE INDEX "sku_hourly_rollup_shop_id_hour_idx" ON "sku_hourly_rollup"("shop_id", "hour");

-- AddForeignKey
ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "products" ADD CONSTRAINT "products_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "skus" ADD CONSTRAINT "skus_shop_id_product_id_fkey" FOREIGN KEY ("shop_id", "product_id") REFERENCES "products"("shop_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_shop_id_order_id_fkey" FOREIGN KEY ("shop_id", "order_id") REFERENCES "orders"("shop_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ad_campaigns" ADD CONSTRAINT "ad_campaigns_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_phases" ADD CONSTRAINT "promotion_phases_shop_id_promotion_id_fkey" FOREIGN KEY ("shop_id", "promotion_id") REFERENCES "promotions"("shop_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "simulation_runs" ADD CONSTRAINT "simulation_runs_shop_id_fkey" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

