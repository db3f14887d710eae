export * from './finding.js';
export * from './kpi.js';
export * from './shop.js';
export * from './simulation.js';
export * from './import.js';
