import type { Env } from "../env.ts";
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";

/**
 * Where `env-file` may read: regular files inside the workspace or the runner's temporary
 * directory, judged after every symlink is resolved. Without this, `env-file` read any path the
 * runner user can: `/proc/self/environ` synced the action's own environment (the runner's
 * token-request token included) as one secret, and `../` or a symlink reached outside the
 * checkout. There is deliberately no input to widen it: a file from elsewhere can be copied
 * into RUNNER_TEMP by an earlier step, where the workflow says so in plain sight.
 */
export interface FileRoots {
  /** GITHUB_WORKSPACE, else the working directory. */
  workspace: string;
  /** RUNNER_TEMP, when set. */
  temp: string | undefined;
  /** How refusals name the roots; the Action's default names GITHUB_WORKSPACE and RUNNER_TEMP. */
  described?: string;
}

/** A path the rules refuse; `rule` says which rule, without any of the file's content. */
export class FileRefusedError extends Error {
  readonly rule: string;

  constructor(rule: string) {
    super(rule);
    this.name = "FileRefusedError";
    this.rule = rule;
  }
}

/** Kernel and device file systems: never a dotenv file, whatever the roots. */
const SPECIAL_ROOTS = ["/proc", "/sys", "/dev"];

/** The roots from the runner's environment, falling back to the working directory. */
export function listFileRoots(env: Env, cwd: string): FileRoots {
  const workspace = env["GITHUB_WORKSPACE"]?.trim();
  const temp = env["RUNNER_TEMP"]?.trim();
  return { workspace: workspace === undefined || workspace === "" ? cwd : workspace, temp: temp === "" ? undefined : temp };
}

/**
 * Reads a file's bytes if the rules allow it; throws FileRefusedError otherwise, or the file
 * system's own error (with its `code`) when the path cannot be resolved or read. The calls are
 * synchronous: a run reads a few small files before anything else can happen, and each
 * asynchronous call cost a trip through the thread pool.
 */
export function readEnvFile(path: string, roots: FileRoots): Promise<Uint8Array> {
  // A throw inside the executor rejects the promise with the same error.
  return new Promise((resolve) => {
    resolve(readConfined(path, roots));
  });
}

function readConfined(path: string, roots: FileRoots): Uint8Array {
  const real = realpathSync.native(path);
  if (SPECIAL_ROOTS.some((root) => isInside(real, root))) {
    throw new FileRefusedError("resolves into /proc, /sys or /dev; env-file reads only regular files in the workspace or RUNNER_TEMP");
  }
  const allowed = resolveRoots(roots);
  if (!allowed.some((root) => isInside(real, root))) {
    const where = roots.described ?? "the workspace (GITHUB_WORKSPACE) and the runner's temporary directory (RUNNER_TEMP)";
    throw new FileRefusedError(`resolves (after following symlinks) to a file outside ${where}; env-file reads only files inside them`);
  }
  // O_NONBLOCK: opening a FIFO must not hang the step; O_NOFOLLOW: the resolved path must not
  // have become a symlink since. The type is checked on the open handle, not on the path.
  const fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile())
      throw new FileRefusedError("is not a regular file (a directory, device, pipe or socket); env-file reads only regular files");
    return new Uint8Array(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

function resolveRoots(roots: FileRoots): string[] {
  const candidates = [roots.workspace, roots.temp].filter((root): root is string => root !== undefined);
  const resolved = candidates.map((root) => {
    try {
      return realpathSync.native(root);
    } catch {
      return undefined;
    }
  });
  return resolved.filter((root): root is string => root !== undefined && !SPECIAL_ROOTS.some((special) => isInside(root, special)));
}

/** Whether `path` is `root` itself or below it (both absolute and resolved). */
function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`));
}
