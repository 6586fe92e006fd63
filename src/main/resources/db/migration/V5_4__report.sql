-- Issued credit reports (公共信用信息报告). Append-only: an issued report is never changed or deleted.
create table issued_report (
    report_number   varchar(40) primary key,
    subject_code    varchar(64) not null,
    subject_name    varchar(300) not null,
    report_type     varchar(20) not null check (report_type in ('ORGANISATION', 'NATURAL_PERSON')),
    audience        varchar(20) not null check (audience in ('PUBLIC', 'SELF', 'STATE_BODY')),
    generated_at    timestamptz not null,
    checkpoint_size bigint,
    checkpoint_root varchar(128),
    content_hash    varchar(64) not null,
    record_count    integer not null
);
create index issued_report_subject on issued_report (subject_code, generated_at);

create function issued_report_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'issued_report is append-only';
end $$;
create trigger issued_report_no_update before update or delete on issued_report
    for each row execute function issued_report_append_only();
create trigger issued_report_no_truncate before truncate on issued_report
    for each statement execute function issued_report_append_only();
