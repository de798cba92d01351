// What a passphrase must be. Shared so that the store screen can say it before the service refuses.
// Length counts code points (what a person sees as characters), not UTF-16 units: "🔑🔑🔑🔑" is 4,
// not 8. A NUL would cut the passphrase short inside SQLite, and a passphrase of spaces alone is
// too easily typed by accident (or guessed).

export const MIN_PASSPHRASE_CHARACTERS = 8;

/** Why a passphrase cannot be used for a new store (or a change of passphrase); null when it can. */
export function newPassphraseProblem(passphrase: string): string | null {
  return passphraseTextProblem(passphrase) ??
    ([...passphrase].length < MIN_PASSPHRASE_CHARACTERS
      ? `A new passphrase needs at least ${MIN_PASSPHRASE_CHARACTERS} characters`
      : /^\s*$/u.test(passphrase)
        ? 'A passphrase cannot be spaces alone'
        : null);
}

/** Why a string cannot be a passphrase at all (also when opening a store); null when it can be. */
export function passphraseTextProblem(passphrase: string): string | null {
  if (passphrase.length === 0) return 'A passphrase is needed';
  if (passphrase.includes('\u0000')) return 'A passphrase cannot contain a NUL character';
  return null;
}

/** The same, for a new passphrase typed twice (the store screen, the change of passphrase). */
export function newPassphrasePairProblem(passphrase: string, again: string): string | null {
  return passphrase !== again ? 'The two passphrases differ.' : newPassphraseProblem(passphrase);
}
