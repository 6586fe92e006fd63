-- Credit repair (信用修复, art. 55-57) and propagation of repairs to every consumer that holds the record.
-- Repair is free of charge (art. 56): no table has a fee or payment column.

create sequence repair_application_number_seq;

create table repair_application (
    id               bigserial primary key,
    number           text not null unique,
    record_id        uuid not null,
    subject_id       bigint not null,
    catalog_item     text not null,
    outcome          text not null check (outcome in ('END_DISCLOSURE', 'REMOVE_FROM_LIST', 'REPAIR_OTHER')),
    regime           text not null,
    status           text not null check (status in ('RECEIVED', 'ACCEPTED', 'NOT_ACCEPTED', 'GRANTED', 'REJECTED', 'REOPENED')),
    obligations      text not null,
    commitment       text not null,
    received_on      date not null,
    accept_due       date not null,
    accepted_on      date,
    decide_due       date,
    complex          boolean not null default false,
    complex_reason   text,
    decided_on       date,
    decision_reason  text,
    feedback_due     date not null,
    feedback_on      date,
    created_at       timestamp with time zone not null default now()
);
create index repair_application_subject_idx on repair_application (subject_id, created_at);
create index repair_application_record_idx on repair_application (record_id);
create index repair_application_open_idx on repair_application (status) where feedback_on is null;

create table repair_attachment (
    id             bigserial primary key,
    application_id bigint not null references repair_application (id),
    file_name      text not null,
    content_type   text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg')),
    size_bytes     bigint not null,
    sha256         text not null,
    stored_path    text not null
);
create index repair_attachment_application_idx on repair_attachment (application_id);

-- Every step of an application, append-only.
create table repair_history (
    id             bigserial primary key,
    application_id bigint not null references repair_application (id),
    at             timestamp with time zone not null default now(),
    on_day         date not null,
    actor          text not null,
    action         text not null,
    from_status    text,
    to_status      text not null,
    note           text
);
create index repair_history_application_idx on repair_history (application_id, id);

create function repair_history_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'repair_history is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger repair_history_no_update before update or delete on repair_history
    for each row execute function repair_history_append_only();
create trigger repair_history_no_truncate before truncate on repair_history
    for each statement execute function repair_history_append_only();

-- Propagation (art. 57): one row per consumer, record and event; the idempotency key makes re-delivery harmless.
create table propagation_delivery (
    id               bigserial primary key,
    idempotency_key  text not null unique,
    consumer_kind    text not null check (consumer_kind in ('SHARING', 'NATIONAL_EXCHANGE')),
    consumer         text not null,
    record_id        uuid not null,
    event            text not null,
    payload          text not null,
    status           text not null check (status in ('PENDING', 'DELIVERED', 'ACKNOWLEDGED')),
    attempts         int not null default 0,
    last_error       text,
    created_at       timestamp with time zone not null default now(),
    delivered_at     timestamp with time zone,
    acknowledged_at  timestamp with time zone
);
create index propagation_delivery_open_idx on propagation_delivery (status, id) where status <> 'ACKNOWLEDGED';

-- Sharing consumers' inbox: organisations fetch and acknowledge it by API.
create table propagation_inbox (
    idempotency_key  text primary key,
    organisation_id  bigint not null,
    record_id        uuid not null,
    event            text not null,
    payload          text not null,
    delivered_at     timestamp with time zone not null default now()
);
create index propagation_inbox_organisation_idx on propagation_inbox (organisation_id, delivered_at);

-- The exchange with the national platform: an outbound queue for now.
create table national_exchange_outbound (
    id               bigserial primary key,
    idempotency_key  text not null unique,
    record_id        uuid not null,
    event            text not null,
    payload          text not null,
    enqueued_at      timestamp with time zone not null default now(),
    acknowledged_at  timestamp with time zone
);
