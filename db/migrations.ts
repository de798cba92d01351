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
  // The cohort step's results (db/cohort): per-record outcomes, each participant's fate, and the
  // funnel/profile with the settings they were derived under. Rebuilt whole by each derivation.
  `
  CREATE TABLE record_outcomes (
    record_id TEXT PRIMARY KEY,
    age_at_index INTEGER NOT NULL,
    complete_follow_up INTEGER NOT NULL,
    pool_eligible INTEGER NOT NULL,
    reoffended INTEGER NOT NULL,
    reoffences INTEGER NOT NULL,
    days_to_first INTEGER,
    first_court TEXT,
    first_custodial INTEGER NOT NULL,
    n_indictable INTEGER NOT NULL,
    n_either_way INTEGER NOT NULL,
    n_summary INTEGER NOT NULL,
    custodial_sentences INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE participant_status (
    row_no INTEGER PRIMARY KEY,
    participant_ref TEXT NOT NULL,
    person_id TEXT,
    status TEXT NOT NULL,
    record_id TEXT
  );
  CREATE TABLE cohort_derivation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    settings TEXT NOT NULL,
    funnel TEXT NOT NULL,
    profile TEXT NOT NULL,
    derived_at TEXT NOT NULL
  );
  `,
  // Analysis runs (db/runs): the results (aggregates, as results.json) and, per analysis, each
  // record's score and weight as packed arrays (a national pool is hundreds of thousands of rows).
  `
  CREATE TABLE runs (
    run_id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    analyses TEXT NOT NULL,
    results TEXT NOT NULL
  );
  CREATE TABLE run_records (
    run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    analysis TEXT NOT NULL,
    record_ids TEXT NOT NULL,
    treated BLOB NOT NULL,
    score BLOB NOT NULL,
    weight BLOB NOT NULL,
    PRIMARY KEY (run_id, analysis)
  );
  `,
  // The analyst's written justification for publishing an analysis that does not pass the matching-quality
  // gate (METHOD.md section 4a): one per run and analysis; every change is also in the audit log.
  `
  CREATE TABLE run_justifications (
    run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    analysis TEXT NOT NULL,
    text TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (run_id, analysis)
  );
  `,
  // The cohort step's per-record results as whole columns (db/columnStore) instead of one row per record: the
  // analysis reads them in one pass. A derivation made before this has no columns, so it is forgotten: the
  // cohort step runs again (and an extract imported before the column store is imported again).
  `
  DROP TABLE record_outcomes;
  DELETE FROM cohort_derivation;
  CREATE TABLE outcome_columns (
    name TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    rows INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  `,
  // Matched sets (db/runs/runStore.ts, shared/engine/matchedSets.ts): per analysis the strata, each treated record's
  // set total, the nearest-neighbour pairs, the pool's score order and the treated records outside the pool filter;
  // runs get a name, a note
  // and a deletion mark (deleted runs can be restored until the store is next opened).
  `
  ALTER TABLE run_records ADD COLUMN strata BLOB;
  ALTER TABLE run_records ADD COLUMN set_total BLOB;
  ALTER TABLE run_records ADD COLUMN pair_treated BLOB;
  ALTER TABLE run_records ADD COLUMN pair_control BLOB;
  ALTER TABLE run_records ADD COLUMN pool_order BLOB;
  ALTER TABLE run_records ADD COLUMN outside_filter TEXT;
  ALTER TABLE runs ADD COLUMN name TEXT NOT NULL DEFAULT '';
  ALTER TABLE runs ADD COLUMN note TEXT NOT NULL DEFAULT '';
  ALTER TABLE runs ADD COLUMN deleted_at TEXT;
  `,
  // The audit log becomes append-only and hash-chained (db/audit.ts): entries written before
  // this migration (ids up to `from`) stay as they were, outside the chain.
  `
  ALTER TABLE audit ADD COLUMN hash TEXT;
  INSERT INTO meta (key, value)
    SELECT 'audit_chain', json_object('from', coalesce(max(id), 0), 'id', coalesce(max(id), 0), 'hash', '') FROM audit;
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
  // Robustness checks of a run (METHOD.md section 12): the latest check of each run, aggregates only, as
  // robustness.json (db/runs/robustnessStore.ts); it goes with its run.
  `
  CREATE TABLE robustness_checks (
    run_id TEXT PRIMARY KEY REFERENCES runs (run_id) ON DELETE CASCADE,
    checked_at TEXT NOT NULL,
    result TEXT NOT NULL
  );
  `,
  // Run records in a compact layout (db/runs/recordColumnCodec.ts, issue 9): rows stored before keep format 1 (each
  // array packed as it is) and stay readable; `ids_of` names an earlier analysis of the run whose record ids this one
  // shares (its own record_ids is then empty).
  `
  ALTER TABLE run_records ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE run_records ADD COLUMN ids_of TEXT;
  `,
];
