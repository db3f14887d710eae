-- DropIndex
DROP INDEX "orders_shop_id_customer_id_placed_at_idx";

-- CreateTable
CREATE TABLE "sku_daily_rollup" (
    "shop_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "gmv_cents" BIGINT NOT NULL,
    "paid_orders" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,

    CONSTRAINT "sku_daily_rollup_pkey" PRIMARY KEY ("shop_id","day","sku_id")
);

-- CreateIndex
CREATE INDEX "orders_shop_id_customer_id_placed_at_status_total_cents_idx" ON "orders"("shop_id", "customer_id", "placed_at", "status", "total_cents");

