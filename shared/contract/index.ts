export * from './methods';
export * from './roles';
export * from './accounts';
export * from './beneficiaries';
