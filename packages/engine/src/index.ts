export * from './db/database.js';
export * from './db/dialect.js';
export * from './db/open.js';
export * from './dialects/duckdb/duckdb-database.js';
export * from './schema/tables.js';
export * from './schema/migrate.js';
