-- AlterTable
ALTER TABLE "webhook_events" ADD COLUMN     "order_name" TEXT,
ADD COLUMN     "order_updated_at" TIMESTAMPTZ(3),
ADD COLUMN     "outcome" TEXT NOT NULL DEFAULT 'applied';

-- CreateIndex
CREATE INDEX "webhook_events_shop_id_order_name_order_updated_at_idx" ON "webhook_events"("shop_id", "order_name", "order_updated_at");

