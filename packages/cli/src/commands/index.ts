import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { rankCommand } from './rank.js';
import { evaluateCommand } from './evaluate.js';
import { startCommand } from './start.js';
import { warningsCommand } from './warnings.js';
import { importCommand } from './import.js';
import { demoCommand } from './demo.js';
import { statusCommand } from './status.js';
import { explainCommand } from './explain.js';
import { resultsCommand } from './results.js';
import { exportCommand } from './export.js';
import { compareCommand } from './compare.js';
import { awardsCommand } from './awards.js';
import { runsCommand } from './runs.js';
import { schemeCommand } from './scheme.js';
import { indicatorsCommand } from './indicators.js';
import { weightsCommand } from './weights.js';
import { clvCommand } from './clv.js';
import { userCommand } from './user.js';
import { serveCommand } from './serve.js';

/** A command module adds its subcommand(s) to the program. */
export type CommandModule = (program: Command, context: CliContext) => void;

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandModule[] = [
  startCommand,
  importCommand,
  demoCommand,
  statusCommand,
  evaluateCommand,
  explainCommand,
  resultsCommand,
  runsCommand,
  warningsCommand,
  exportCommand,
  compareCommand,
  awardsCommand,
  schemeCommand,
  indicatorsCommand,
  weightsCommand, rankCommand,
  clvCommand,
  userCommand,
  serveCommand];
