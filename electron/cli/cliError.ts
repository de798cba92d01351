/** A command line mistake (a flag, the environment): reported in one line, never with a stack. */
export class CliError extends Error {}
