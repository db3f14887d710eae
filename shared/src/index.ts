export * from './finding.js';
export * from './import.js';
export * from './import-currency.js';
export * from './import-reasons.js';
export * from './kpi.js';
export * from './new-shop.js';
export * from './shop.js';
export * from './simulation.js';
