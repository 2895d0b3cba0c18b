export * from './methods';
export * from './roles';
export * from './accounts';
export * from './beneficiaries';
export * from './card';
export * from './identity';
export * from './imports';
export * from './exports';
