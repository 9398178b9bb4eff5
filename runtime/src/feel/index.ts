export * from './bounded-feel-evaluator.ts';
export * from './feel-budget-conflict.ts';
