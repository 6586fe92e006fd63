-- Rights protection (issue 7): art. 54 remedies carried out, authorised agents, propagation to cached reports.
-- Every new table is append-only: a state change is a new row, nothing is updated or deleted.

-- Sharing: a record no longer shared with state bodies (art. 54 "delete from sharing"); the record itself stays.
create table sharing_exclusion (
    id           bigint generated always as identity primary key,
    record_id    uuid not null,
    reason       text not null,
    excluded_by  text not null,
    excluded_at  timestamp with time zone not null default now()
);
create index sharing_exclusion_record_idx on sharing_exclusion (record_id);
create trigger sharing_exclusion_no_update before update or delete on sharing_exclusion
    for each row execute function sharing_append_only();
create trigger sharing_exclusion_no_truncate before truncate on sharing_exclusion
    for each statement execute function sharing_append_only();

-- Objection: the certificate issued when an objection to non-public information is upheld (art. 54).
create sequence objection_certificate_number_seq;
create table objection_certificate (
    number        text primary key,
    objection_id  bigint not null unique references objection (id),
    subject_id    bigint not null,
    record_id     uuid not null,
    catalog_item  text not null,
    findings      text not null,
    actions       text not null,
    content_hash  text not null,
    issued_on     date not null,
    issued_by     text not null,
    issued_at     timestamp with time zone not null default now()
);
create trigger objection_certificate_no_update before update or delete on objection_certificate
    for each row execute function objection_append_only();
create trigger objection_certificate_no_truncate before truncate on objection_certificate
    for each statement execute function objection_append_only();

-- Objection: filed by an authorised agent (代理人) for the subject; the letter is one of the case's attachments.
create table objection_agent (
    objection_id        bigint primary key references objection (id),
    agent_subject_id    bigint not null,
    agent_name          text,
    verification        text not null,
    letter_attachment   bigint not null references objection_attachment (id)
);
create trigger objection_agent_no_update before update or delete on objection_agent
    for each row execute function objection_append_only();
create trigger objection_agent_no_truncate before truncate on objection_agent
    for each statement execute function objection_append_only();

create function repair_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;

-- Repair: filed by an authorised agent; the letter is one of the application's attachments.
create table repair_agent (
    application_id      bigint primary key references repair_application (id),
    agent_subject_id    bigint not null,
    agent_name          text,
    verification        text not null,
    letter_attachment   bigint not null references repair_attachment (id)
);
create trigger repair_agent_no_update before update or delete on repair_agent
    for each row execute function repair_append_only();
create trigger repair_agent_no_truncate before truncate on repair_agent
    for each statement execute function repair_append_only();

-- Propagation (art. 57): issued reports are consumers too.
alter table propagation_delivery drop constraint propagation_delivery_consumer_kind_check;
alter table propagation_delivery add constraint propagation_delivery_consumer_kind_check
    check (consumer_kind in ('SHARING', 'NATIONAL_EXCHANGE', 'REPORT'));

-- Reports: a later correction or repair changed information contained in an issued report.
create table issued_report_notice (
    idempotency_key  text primary key,
    report_number    varchar(40) not null references issued_report (report_number),
    record_id        uuid not null,
    event            text not null,
    noted_at         timestamp with time zone not null default now()
);
create index issued_report_notice_report_idx on issued_report_notice (report_number);
create trigger issued_report_notice_no_update before update or delete on issued_report_notice
    for each row execute function issued_report_append_only();
create trigger issued_report_notice_no_truncate before truncate on issued_report_notice
    for each statement execute function issued_report_append_only();
