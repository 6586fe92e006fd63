-- Public credit evaluation (art. 38): scoring models as versioned data, runs, per-subject results. All append-only.

-- A scoring model version (indicators, points, caps, grade thresholds); see docs/evaluation.md for the format.
create table evaluation_model (
    version      integer primary key,
    name         text not null,
    definition   jsonb not null,
    note         text,
    published_by text not null,
    published_at timestamp with time zone not null
);

-- One evaluation of all subjects with one model version, on the data as it stood at the cut-off.
create table evaluation_run (
    id            bigserial primary key,
    model_version integer not null references evaluation_model (version),
    as_of         date not null,                     -- the day evaluated (disclosure windows, look-back years)
    data_cutoff   timestamp with time zone not null, -- the database snapshot the run read
    trigger       text not null check (trigger in ('SCHEDULED', 'MANUAL')),
    started_by    text not null,
    started_at    timestamp with time zone not null
);

-- A run's progress and state: one new row per chunk and one at the end (never updated).
create table evaluation_run_progress (
    run_id      bigint not null references evaluation_run (id),
    seq         integer not null,
    state       text not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    processed   bigint not null,
    total       bigint not null,
    failure     text,
    recorded_at timestamp with time zone not null,
    primary key (run_id, seq)
);

-- Each subject's score and grade in a run, with its explanation: contributions that add up to the score.
-- (no foreign key to evaluation_run: a run writes its results inside its own snapshot, and the run row is
-- committed separately so that progress can be shown while it runs)
create table evaluation_result (
    run_id      bigint not null,
    subject_id  bigint not null,
    score       integer not null,
    grade       text not null,
    explanation jsonb not null,
    primary key (run_id, subject_id)
);

create function evaluation_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger evaluation_model_no_update before update or delete on evaluation_model
    for each row execute function evaluation_append_only();
create trigger evaluation_model_no_truncate before truncate on evaluation_model
    for each statement execute function evaluation_append_only();
create trigger evaluation_run_no_update before update or delete on evaluation_run
    for each row execute function evaluation_append_only();
create trigger evaluation_run_no_truncate before truncate on evaluation_run
    for each statement execute function evaluation_append_only();
create trigger evaluation_run_progress_no_update before update or delete on evaluation_run_progress
    for each row execute function evaluation_append_only();
create trigger evaluation_run_progress_no_truncate before truncate on evaluation_run_progress
    for each statement execute function evaluation_append_only();
create trigger evaluation_result_no_update before update or delete on evaluation_result
    for each row execute function evaluation_append_only();
create trigger evaluation_result_no_truncate before truncate on evaluation_result
    for each statement execute function evaluation_append_only();
