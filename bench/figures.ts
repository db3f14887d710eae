// Every benchmark figure, in run order. Add yours here.
import { diagnosis1m } from './diagnose.js';
import type { BenchFigure } from './harness.js';
import { importLinesPerSecond, importVersusCopyRatio } from './import.js';
import { hourlyGmvP95, kpiQueryP95 } from './kpi.js';
import { simulate1m } from './simulate.js';

export const FIGURES: BenchFigure[] = [
  simulate1m,
  diagnosis1m,
  kpiQueryP95,
  hourlyGmvP95,
  importLinesPerSecond,
  importVersusCopyRatio,
];
