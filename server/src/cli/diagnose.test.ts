import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DiagnosisSchema } from '@zhanggui/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { createShop, plusDays } from '../analysis/shared/test-shop-factory.js';
import { addCampaign, addCampaignDays } from '../analysis/shared/test-shop-operations.js';
import { REPO_ROOT } from '../env.js';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { formatDiagnosisTable } from './diagnose-table.js';

const run = promisify(execFile);
let db: TestDb;

/** `pnpm diagnose …` as a person types it, against this file's test database. */
async function pnpmDiagnose(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const pnpm = process.env.npm_execpath?.includes('pnpm') ? [process.env.npm_execpath] : null;
  const [command, prefix] = pnpm ? [process.execPath, pnpm] : ['npx', ['-y', 'pnpm@10']];
  try {
    const { stdout, stderr } = await run(command, [...prefix, '--silent', 'diagnose', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  db = await createTestDb();
  const shopId = await createShop(db.pool, 'cli-diag');
  // Two idle campaigns: the ads specialist must say "no spend", not crash or divide by zero.
  for (const name of ['a', 'b']) {
    const id = await addCampaign(db.pool, shopId, { name, dailyBudgetCents: 10_000, startsOn: '2026-11-01' });
    await addCampaignDays(
      db.pool,
      shopId,
      id,
      Array.from({ length: 10 }, (_, d) => ({
        day: plusDays('2026-11-01', d),
        budgetCents: 10_000,
        spendCents: 0,
        clicks: 0,
        conversions: 0,
        revenueCents: 0,
      })),
    );
  }
});

describe('pnpm diagnose', () => {
  it('prints the Diagnosis contract as JSON with --json, gaps included, for a shop without sales', async () => {
    const result = await pnpmDiagnose(['--shop', 'cli-diag', '--at', '2026-11-11T00:00:00+08:00', '--json']);
    expect(result.code).toBe(0);
    const diagnosis = DiagnosisSchema.parse(JSON.parse(result.stdout));
    expect(diagnosis).toMatchObject({ shop: 'cli-diag', at: '2026-11-10T16:00:00.000Z', findings: [] });
    expect(diagnosis.gaps.map((g) => `${g.specialist}/${g.check}`)).toEqual(
      expect.arrayContaining(['analytics/shop-data', 'ads/ad-spend', 'inventory/stock']),
    );
  }, 60_000);

  it('says in one sentence that the shop is unknown and exits with 1', async () => {
    const result = await pnpmDiagnose(['--shop', 'no-such-shop']);
    expect(result.code).toBe(1);
    // npx may add its own warnings; what the command says is the rest.
    const said = result.stderr
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('npm warn'));
    expect(said).toEqual(['No shop with slug "no-such-shop". Known shops: cli-diag.']);
  }, 60_000);

  it('rejects an unreadable --at with the expected format', async () => {
    const result = await pnpmDiagnose(['--shop', 'cli-diag', '--at', 'yesterday']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid --at: use an ISO time like 2026-11-11T20:00:00+08:00.');
  }, 60_000);
});

describe('formatDiagnosisTable', () => {
  it('ranks findings with their best strategy and lists the gaps', () => {
    const text = formatDiagnosisTable(
      {
        shop: 'demo',
        at: '2026-11-20T16:00:00.000Z',
        findings: [
          {
            id: 'ads:roas-collapse:campaign-1',
            specialist: 'ads',
            type: 'roas-collapse',
            severity: 'high',
            title: 'Campaign A: ROAS fell to 0.5 from 4',
            summary: '…',
            entities: [{ kind: 'campaign', id: '1', label: 'A' }],
            window: { from: '2026-11-01T16:00:00.000Z', to: '2026-11-07T16:00:00.000Z' },
            evidence: { figures: [], series: [] },
            confidence: 0.9,
            strategies: [
              {
                kind: 'pause-campaign',
                title: 'Pause A',
                params: {},
                expectedImpact: { gmvCents: { low: -2000, expected: -1000, high: 0 }, profitCents: null },
                risk: { level: 'medium', note: '' },
              },
              {
                kind: 'shift-ad-budget',
                title: 'Shift ¥300 from A to B',
                params: {},
                expectedImpact: {
                  gmvCents: { low: 50_000, expected: 100_000, high: 150_000 },
                  profitCents: null,
                },
                risk: { level: 'low', note: '' },
              },
            ],
          },
        ],
        gaps: [{ specialist: 'inventory', check: 'stock', reason: 'No stock records.' }],
      },
      'CNY',
    );
    expect(text.split('\n')).toEqual([
      'Diagnosis of "demo" as of 2026-11-20T16:00:00.000Z: 1 finding(s), 1 check(s) without enough data',
      '',
      `  1. !!! ads         ${'roas-collapse'.padEnd(30)} Campaign A: ROAS fell to 0.5 from 4`,
      '       window 2026-11-01T16:00 → 2026-11-07T16:00 UTC · id ads:roas-collapse:campaign-1',
      '       → Shift ¥300 from A to B (GMV ¥500 … ¥1,500, risk low)',
      '',
      'Not enough data:',
      '  - inventory/stock: No stock records.',
    ]);
  });
});
