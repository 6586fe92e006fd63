-- Submissions: one per API request or file; the submission key makes resubmission idempotent.
create table submission (
    id               bigserial primary key,
    organisation_id  bigint not null,
    organisation_code text not null,
    submission_key   text not null,
    catalog_item     text not null,
    channel          text not null check (channel in ('API', 'FILE')),
    submitted_by     text not null,
    submitted_at     timestamp with time zone not null default now(),
    self_declaration boolean not null default false,
    -- files: processed in the background, progress kept here
    status           text not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    file_name        text,
    file_path        text,
    file_charset     text,
    file_bytes       bigint,
    file_headers     jsonb,
    bytes_read       bigint not null default 0,
    rows_read        bigint not null default 0,
    accepted         bigint not null default 0,
    created          bigint not null default 0,
    changed          bigint not null default 0,
    unchanged        bigint not null default 0,
    rejected         bigint not null default 0,
    failure_code     text,
    failure_args     jsonb,
    finished_at      timestamp with time zone,
    unique (organisation_id, submission_key)
);
create index submission_organisation_idx on submission (organisation_id, submitted_at);

-- The rules each rejected row broke, and the row as it was submitted (for the rejected-rows download).
create table submission_rejection (
    submission_id bigint not null references submission (id),
    row_no        bigint not null,
    errors        jsonb not null,
    cells         jsonb not null,
    primary key (submission_id, row_no)
);

-- Record versions: the credit records themselves. A record is (catalog item, provider, natural key); its id is
-- derived from those, and every change is a new version. Nothing is updated or deleted.
create table record_version (
    record_id          uuid not null,
    version_no         integer not null,
    kind               text not null check (kind in ('CREATED', 'CHANGED', 'CORRECTED', 'REVOKED')),
    catalog_item       text not null,
    provider_id        bigint not null,
    natural_key        text not null,
    subject_id         bigint not null,
    payload            json not null,
    content_hash       bytea not null,
    decision_date      date,
    severity           text,
    reason             text,
    catalog_version_id bigint not null,
    submission_id      bigint,
    agreement_id       bigint,
    self_declared      boolean not null default false,
    recorded_by        text not null,
    recorded_at        timestamp with time zone not null,
    primary key (record_id, version_no)
);
create index record_version_subject_idx on record_version (subject_id);
-- recorded_at grows with the table (append-only), so a BRIN index serves time-range queries at almost no write cost
create index record_version_recorded_at_brin on record_version using brin (recorded_at);

create function record_version_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'record_version is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger record_version_no_update before update or delete on record_version
    for each row execute function record_version_append_only();
create trigger record_version_no_truncate before truncate on record_version
    for each statement execute function record_version_append_only();
