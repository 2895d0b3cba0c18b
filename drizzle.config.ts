import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./main/core/database/tables.ts', './main/*/tables.ts', './main/registry/admin-unit-tables.ts', './main/identity/duplicates-tables.ts'],
  out: './migrations',
});
