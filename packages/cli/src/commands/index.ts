import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** A command module adds its subcommand(s) to the program. */
export type CommandModule = (program: Command, context: CliContext) => void;

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandModule[] = [];
