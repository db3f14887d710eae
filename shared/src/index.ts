export * from './kpi.js';
export * from './shop.js';
