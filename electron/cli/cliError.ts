/** A command line mistake (a flag, the environment): reported in one line, never with a stack. */
export class CliError extends Error {
  /** What the command still prints on stdout before failing (e.g. `info` on a damaged store). */
  constructor(
    message: string,
    readonly output?: string,
  ) {
    super(message);
  }
}
