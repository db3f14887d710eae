-- Reads of a few hours across a shop's SKUs (today so far) skip-scan the primary key
-- (shop_id, sku_id, hour) in milliseconds; this second index made every rollup refresh, the tail of
-- each import, a third slower.
-- DropIndex
DROP INDEX "sku_hourly_rollup_shop_id_hour_idx";
