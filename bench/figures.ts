// Every benchmark figure, in run order. Add yours here.
import type { BenchFigure } from './harness.js';

export const FIGURES: BenchFigure[] = [];
