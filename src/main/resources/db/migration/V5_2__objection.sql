-- Objections (art. 52, 54) and provider self-correction tasks (art. 53): one row per case, what was filed.
-- Every status change is a new objection_event row; nothing is updated or deleted.
create table objection (
    id           bigserial primary key,
    kind         text not null check (kind in ('OBJECTION', 'SELF_CORRECTION')),
    record_id    uuid not null,
    version_no   integer not null,
    catalog_item text not null,
    provider_id  bigint not null,
    subject_id   bigint not null,
    non_public   boolean not null,
    route        text not null check (route in ('PLATFORM', 'PROVIDER')),
    grounds      text check (grounds in ('ERROR', 'OMISSION', 'INFRINGEMENT')),
    explanation  text not null,
    received_on  date not null,
    filed_by     text not null,
    organisation_id bigint,
    filed_at     timestamp with time zone not null default now()
);
create index objection_record_idx on objection (record_id);
create index objection_subject_idx on objection (subject_id);

-- The case's history: the status entered, the deadlines in force from then on, and what was decided.
create table objection_event (
    id                bigserial primary key,
    objection_id      bigint not null references objection (id),
    status            text not null check (status in ('RECEIVED', 'ASSISTANCE_REQUESTED', 'ASSISTANCE_ANSWERED',
                                                      'UPHELD', 'REJECTED', 'OPEN', 'CORRECTED', 'CLOSED')),
    deadline          date,
    assisting_org_id  bigint,
    assist_deadline   date,
    remedy            text check (remedy in ('CORRECT', 'DELETE_FROM_SHARING', 'STOP_DISCLOSURE', 'ISSUE_CERTIFICATE')),
    corrected_version integer,
    note              text,
    actor             text not null,
    organisation_id   bigint,
    occurred_on       date not null,
    occurred_at       timestamp with time zone not null default now()
);
create index objection_event_case_idx on objection_event (objection_id, id);

-- Files the applicant attached (PDF, PNG, JPEG), kept on disk under xinyong.objection.upload-dir.
create table objection_attachment (
    id           bigserial primary key,
    objection_id bigint not null references objection (id),
    file_name    text not null,
    content_type text not null,
    size_bytes   bigint not null,
    sha256       bytea not null,
    path         text not null,
    stored_at    timestamp with time zone not null default now()
);
create index objection_attachment_case_idx on objection_attachment (objection_id);

create function objection_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger objection_no_update before update or delete on objection
    for each row execute function objection_append_only();
create trigger objection_no_truncate before truncate on objection
    for each statement execute function objection_append_only();
create trigger objection_event_no_update before update or delete on objection_event
    for each row execute function objection_append_only();
create trigger objection_event_no_truncate before truncate on objection_event
    for each statement execute function objection_append_only();
create trigger objection_attachment_no_update before update or delete on objection_attachment
    for each row execute function objection_append_only();
create trigger objection_attachment_no_truncate before truncate on objection_attachment
    for each statement execute function objection_append_only();
