#!/usr/bin/env node
// Entry point: the only module that reads process.argv and env, listens for signals and sets the exit code.
import { readFileSync } from 'node:fs';
import { main } from './app/main.js';
import { packageFile } from './package-files.js';

const pkg = JSON.parse(readFileSync(packageFile(import.meta.url, 'package.json'), 'utf8')) as { version: string };

// `goleak-run profile …` and `goleak-run merge …` are commands of their own; their code loads only when asked for.
const command = process.argv[2];
const run =
  command === 'profile'
    ? (await import('./app/profile-command.js')).runProfileCommand
    : command === 'merge'
      ? (await import('./app/merge-command.js')).runMergeCommand
      : main;
const code = await run({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
  version: pkg.version,
  go: 'go',
  pid: process.pid,
  platform: process.platform,
  isRunning: (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it runs, under another user.
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
  onInterrupt: (handler) => {
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
    const listeners = signals.map((signal) => [signal, () => handler(signal)] as const);
    for (const [signal, listener] of listeners) process.on(signal, listener);
    return () => {
      for (const [signal, listener] of listeners) process.off(signal, listener);
    };
  },
});
process.exitCode = code;
