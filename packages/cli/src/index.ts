export { main, runCli, buildProgram } from './main.js';
export type { CliIo } from './context.js';
