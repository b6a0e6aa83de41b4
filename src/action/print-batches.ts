/**
 * Lines printed in one turn of the event loop go to stdout in one write. The toolkit writes each
 * line on its own, and a run prints a mask per value and a line per secret: for 100 secrets, over
 * 200 writes into the runner's pipe within a few milliseconds, a tenth of an offline dry run.
 * Corked until the turn ends, the lines keep their order and reach the pipe in one `writev`
 * (or one per 64 KB, so that a burst of thousands of lines is not all held in memory).
 * The log stays live: every turn ends with a flush (a run waiting on the network has printed
 * everything before the wait), and so does the process, however it exits.
 */
import type { Writable } from "node:stream";

const flushedAtExit = new WeakSet<Writable>();
/** Bytes held at most: a burst of thousands of lines (a mask per value) goes out in parts. */
const MOST_HELD = 64 * 1024;

export function holdUntilTurnEnds(stream: Writable): void {
  if (!flushedAtExit.has(stream)) {
    flushedAtExit.add(stream);
    process.once("exit", () => {
      while (stream.writableCorked > 0) stream.uncork();
    });
  }
  if (stream.writableCorked > 0) {
    if (stream.writableLength >= MOST_HELD) {
      stream.uncork();
      stream.cork();
    }
    return;
  }
  stream.cork();
  process.nextTick(() => {
    stream.uncork();
  });
}
