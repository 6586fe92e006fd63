-- Joint reward/punishment checks (联合奖惩核查, art. 34, 47): every check as answered, and the department's feedback.
-- Both append-only.
create table joint_check (
    id                uuid primary key,
    organisation_id   bigint not null,
    organisation_code text not null,
    actor             text not null,
    subject_id        bigint,
    subject_code      text not null,
    matter            text not null,
    reference         text not null,
    status            text not null check (status in ('REWARD', 'SERIOUS_DISHONESTY', 'DISHONESTY', 'CLEAR', 'UNKNOWN_SUBJECT')),
    measure_ids       text[] not null,
    answer            jsonb not null,
    checked_on        date not null,
    checked_at        timestamp with time zone not null
);
create index joint_check_organisation_idx on joint_check (organisation_id, checked_on);

create table joint_check_feedback (
    check_id         uuid primary key references joint_check (id),
    measures_applied text[] not null,
    outcome          text not null,
    note             text,
    actor            text not null,
    recorded_at      timestamp with time zone not null
);

create function joint_check_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'joint checks are append-only (%)', tg_table_name;
end $$;
create trigger joint_check_no_update before update or delete on joint_check
    for each row execute function joint_check_append_only();
create trigger joint_check_no_truncate before truncate on joint_check
    for each statement execute function joint_check_append_only();
create trigger joint_check_feedback_no_update before update or delete on joint_check_feedback
    for each row execute function joint_check_append_only();
create trigger joint_check_feedback_no_truncate before truncate on joint_check_feedback
    for each statement execute function joint_check_append_only();
