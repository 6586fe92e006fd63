-- Reward list (守信激励对象, art. 39): entries confirmed by an organisation; a lapse (失效) is a further row when a
-- dishonesty record of the subject appears or the subject enters the serious-dishonesty list. Both append-only.
create table reward_entry (
    id                 bigserial primary key,
    subject_id         bigint not null,
    subject_code       text not null,
    subject_name       text not null,
    ground             text not null check (ground in ('GOOD_GRADE', 'COMMENDATION', 'RELIEF_VOLUNTEER_CHARITY', 'OTHER_REGIONAL')),
    ground_detail      text not null,
    document_number    text not null unique,
    confirming_org     text not null,
    effective_date     date not null,
    planned_end        date not null,
    recorded_by        text not null,
    recorded_at        timestamp with time zone not null
);
create index reward_entry_subject_idx on reward_entry (subject_id);
create index reward_entry_effective_idx on reward_entry (effective_date desc, id desc);

create table reward_lapse (
    entry_id    bigint primary key references reward_entry (id),
    lapsed_on   date not null,
    reason      text not null,
    cause       text not null, -- record:<uuid> or list-entry:<id>
    recorded_at timestamp with time zone not null
);

create index list_entry_effective_idx on list_entry (effective_date desc, id desc);

create trigger reward_entry_no_update before update or delete on reward_entry
    for each row execute function list_append_only();
create trigger reward_entry_no_truncate before truncate on reward_entry
    for each statement execute function list_append_only();
create trigger reward_lapse_no_update before update or delete on reward_lapse
    for each row execute function list_append_only();
create trigger reward_lapse_no_truncate before truncate on reward_lapse
    for each statement execute function list_append_only();
