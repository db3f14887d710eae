-- CreateTable
CREATE TABLE "import_jobs" (
    "shop_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "format" TEXT NOT NULL,
    "mapping" JSONB,
    "file_name" TEXT NOT NULL,
    "file_path" TEXT NOT NULL,
    "file_bytes" BIGINT NOT NULL,
    "encoding" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "phase" TEXT NOT NULL DEFAULT 'validate',
    "import_valid_rows" BOOLEAN NOT NULL DEFAULT false,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "bytes_read" BIGINT NOT NULL DEFAULT 0,
    "rows_read" INTEGER NOT NULL DEFAULT 0,
    "rows_rejected" INTEGER NOT NULL DEFAULT 0,
    "record_kind" TEXT,
    "records_inserted" INTEGER NOT NULL DEFAULT 0,
    "records_updated" INTEGER NOT NULL DEFAULT 0,
    "records_unchanged" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("shop_id","id")
);

-- CreateTable
CREATE TABLE "import_errors" (
    "shop_id" INTEGER NOT NULL,
    "job_id" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "column" TEXT,
    "value" TEXT,
    "reason" TEXT NOT NULL,

    CONSTRAINT "import_errors_pkey" PRIMARY KEY ("shop_id","job_id","seq")
);

-- CreateTable
CREATE TABLE "webhook_events" (
    "shop_id" INTEGER NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("shop_id","webhook_id")
);

-- CreateIndex
CREATE INDEX "import_jobs_status_created_at_idx" ON "import_jobs"("status", "created_at");

