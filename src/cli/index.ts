#!/usr/bin/env node
import { main } from "./main.ts";

/** Node leaves isTTY undefined on a stream that is not a terminal. */
const isTerminal = (stream: { isTTY?: boolean }): boolean => stream.isTTY === true;

process.exitCode = await main(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: isTerminal(process.stdout),
  stderrIsTTY: isTerminal(process.stderr),
  cwd: process.cwd(),
});
