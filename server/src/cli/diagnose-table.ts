// The readable form of a diagnosis for a terminal: one line per finding, ranked, with its best
// strategy and expected GMV impact, then the checks that lacked data.
import type { Diagnosis } from '@zhanggui/shared';

const SEVERITY_MARK = { high: '!!!', medium: '!! ', low: '!  ' } as const;

function money(cents: number, currency: string): string {
  return new Intl.NumberFormat('zh-CN', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    cents / 100,
  );
}

function clip(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

export function formatDiagnosisTable(diagnosis: Diagnosis, currency: string): string {
  const lines: string[] = [];
  lines.push(
    `Diagnosis of "${diagnosis.shop}" as of ${diagnosis.at}: ${diagnosis.findings.length} finding(s), ${diagnosis.gaps.length} check(s) without enough data`,
  );
  if (diagnosis.findings.length > 0) lines.push('');
  diagnosis.findings.forEach((f, i) => {
    const best = [...f.strategies].sort(
      (a, b) => b.expectedImpact.gmvCents.expected - a.expectedImpact.gmvCents.expected,
    )[0];
    lines.push(
      `${String(i + 1).padStart(3)}. ${SEVERITY_MARK[f.severity]} ${f.specialist.padEnd(11)} ${f.type.padEnd(30)} ${clip(f.title, 90)}`,
    );
    lines.push(`       window ${f.window.from.slice(0, 16)} → ${f.window.to.slice(0, 16)} UTC · id ${f.id}`);
    if (best) {
      const impact = best.expectedImpact.gmvCents;
      lines.push(
        `       → ${clip(best.title, 90)} (GMV ${money(impact.low, currency)} … ${money(impact.high, currency)}, risk ${best.risk.level})`,
      );
    }
  });
  if (diagnosis.gaps.length > 0) {
    lines.push('', 'Not enough data:');
    for (const gap of diagnosis.gaps) lines.push(`  - ${gap.specialist}/${gap.check}: ${gap.reason}`);
  }
  return lines.join('\n');
}
