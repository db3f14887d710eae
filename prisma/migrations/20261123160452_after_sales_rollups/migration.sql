-- CreateTable
CREATE TABLE "shipment_daily" (
    "shop_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "warehouse_id" INTEGER NOT NULL,
    "due" INTEGER NOT NULL,
    "shipped_late" INTEGER NOT NULL,
    "unshipped" INTEGER NOT NULL,

    CONSTRAINT "shipment_daily_pkey" PRIMARY KEY ("shop_id","day","warehouse_id")
);

-- CreateTable
CREATE TABLE "sku_review_daily" (
    "shop_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "sku_id" INTEGER NOT NULL,
    "reviews" INTEGER NOT NULL,
    "low_rated" INTEGER NOT NULL,

    CONSTRAINT "sku_review_daily_pkey" PRIMARY KEY ("shop_id","day","sku_id")
);

