-- DropIndex
DROP INDEX "order_lines_shop_id_order_id_line_no_key";

-- AlterTable
ALTER TABLE "order_lines" DROP CONSTRAINT "order_lines_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "order_lines_pkey" PRIMARY KEY ("shop_id", "order_id", "line_no");

