-- CreateTable
CREATE TABLE "traffic_source_daily" (
    "shop_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "source" "TrafficSource" NOT NULL,
    "impressions" BIGINT NOT NULL,
    "visits" BIGINT NOT NULL,
    "add_to_cart" BIGINT NOT NULL,
    "orders" BIGINT NOT NULL,

    CONSTRAINT "traffic_source_daily_pkey" PRIMARY KEY ("shop_id","day","source")
);

