-- Serious-dishonesty list (art. 43-44): entries are decisions, removals are further decisions; both append-only.
create table list_entry (
    id                 bigserial primary key,
    list_kind          text not null check (list_kind in ('SERIOUS_DISHONESTY')),
    subject_id         bigint not null,
    subject_code       text not null,
    subject_name       text not null,
    legal_representative text,
    category           text not null,
    reason             text not null,
    basis              text not null,
    measures           text not null,
    removal_conditions text not null,
    remedies           text not null,
    document_number    text not null,
    deciding_org       text not null,
    effective_date     date not null,
    planned_end        date not null,
    recorded_by        text not null,
    recorded_at        timestamp with time zone not null,
    unique (list_kind, document_number)
);
create index list_entry_subject_idx on list_entry (subject_id);

create table list_removal (
    entry_id        bigint primary key references list_entry (id),
    kind            text not null check (kind in ('EXPIRY', 'REPAIR', 'REVOCATION')),
    document_number text not null,
    reason          text not null,
    removed_on      date not null,
    recorded_by     text not null,
    recorded_at     timestamp with time zone not null
);

create function list_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger list_entry_no_update before update or delete on list_entry
    for each row execute function list_append_only();
create trigger list_entry_no_truncate before truncate on list_entry
    for each statement execute function list_append_only();
create trigger list_removal_no_update before update or delete on list_removal
    for each row execute function list_append_only();
create trigger list_removal_no_truncate before truncate on list_removal
    for each statement execute function list_append_only();
