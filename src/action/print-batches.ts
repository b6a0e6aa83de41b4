/**
 * Lines printed in one turn of the event loop go to stdout in one write. The toolkit writes each
 * line on its own, and a run prints a mask per value and a line per secret: for 100 secrets, over
 * 200 writes into the runner's pipe within a few milliseconds, a tenth of an offline dry run.
 * Corked until the turn ends, the lines keep their order and reach the pipe in one `writev`.
 * The log stays live: every turn ends with a flush (a run waiting on the network has printed
 * everything before the wait), and so does the process, however it exits.
 */
import type { Writable } from "node:stream";

const flushedAtExit = new WeakSet<Writable>();

export function holdUntilTurnEnds(stream: Writable): void {
  if (stream.writableCorked > 0) return;
  if (!flushedAtExit.has(stream)) {
    flushedAtExit.add(stream);
    process.once("exit", () => {
      while (stream.writableCorked > 0) stream.uncork();
    });
  }
  stream.cork();
  process.nextTick(() => {
    stream.uncork();
  });
}
