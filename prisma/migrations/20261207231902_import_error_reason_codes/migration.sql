-- AlterTable
ALTER TABLE "import_errors" ADD COLUMN     "code" TEXT,
ADD COLUMN     "params" JSONB;

