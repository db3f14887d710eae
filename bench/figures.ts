// Every benchmark figure, in run order. Add yours here.
import type { BenchFigure } from './harness.js';
import { importLinesPerSecond, importVersusCopyRatio } from './import.js';
import { hourlyGmvP95, kpiQueryP95 } from './kpi.js';

export const FIGURES: BenchFigure[] = [kpiQueryP95, hourlyGmvP95, importLinesPerSecond, importVersusCopyRatio];
