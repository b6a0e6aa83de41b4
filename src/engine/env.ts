/** Environment variables as the engine reads them: passed in, never read from process.env directly. */
export type Env = Readonly<Record<string, string | undefined>>;
