// Schema migrations, in order: entry k takes the store from user_version k to k + 1.
// Never edit a released entry; add a new one.
// The extract tables (cohort, reoffences, participants) are created by the import itself,
// inside its transaction, because the cohort's extra columns depend on the file.
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  `,
  // Column mappings saved by name on the import screen, one per file kind (db/import/savedMappings.ts).
  `
  CREATE TABLE mappings (
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('cohort', 'reoffences', 'participants')),
    mapping TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (name, kind)
  );
  `,
];
