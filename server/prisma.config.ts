// Prisma CLI config: the JS engine with a pg driver adapter, so the CLI never downloads a binary.
import { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaConfig } from 'prisma';

export default {
  schema: '../prisma/schema.prisma',
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://localhost/none' }),
} satisfies PrismaConfig;
