#!/usr/bin/env node
import { main } from '../dist/main.js';

// Output piped into `head` and the like: a closed pipe ends the command quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
