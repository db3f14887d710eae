-- Per-SKU figures come from the SKU rollups; this index was kept current on every line written
-- (half the cost of loading lines) and no query of the app read it.
-- DropIndex
DROP INDEX "order_lines_shop_id_sku_id_idx";

