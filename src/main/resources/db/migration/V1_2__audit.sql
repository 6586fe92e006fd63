-- The audit log: append-only, each entry chained to the previous one by an SM3 hash.
create sequence audit_event_id_seq;
create table audit_event (
    id                bigint primary key,
    occurred_at       timestamp with time zone not null,
    action            text not null,
    outcome           text not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    actor             text not null,
    organisation_id   bigint,
    organisation_code text,
    client_address    text,
    subject_ref       text,
    purpose           text,
    detail            json not null default '{}'::json, -- json keeps the hashed text exactly
    prev_hash         bytea not null,
    hash              bytea not null
);
create index audit_event_occurred_at_idx on audit_event (occurred_at);
create index audit_event_actor_idx on audit_event (actor, occurred_at);
create index audit_event_subject_idx on audit_event (subject_ref, occurred_at) where subject_ref is not null;
create index audit_event_organisation_idx on audit_event (organisation_id, occurred_at);

-- Nothing is ever changed or removed through the application.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
