export * from './finding.js';
export * from './kpi.js';
export * from './shop.js';
export * from './import.js';
