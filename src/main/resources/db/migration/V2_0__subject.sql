-- Credit subjects (信用主体): one per identifier (unified social credit code, citizen ID or document number).
create table credit_subject (
    id           bigserial primary key,
    code         text not null unique,
    kind         text not null,
    subject_type text not null check (subject_type in ('ORGANISATION', 'NATURAL_PERSON')),
    legacy       boolean not null default false,
    created_at   timestamp with time zone not null default now()
);

-- Every name a subject was known by, with when it was first seen; names are never overwritten.
create table credit_subject_name (
    subject_id    bigint not null references credit_subject (id),
    name          text not null,
    first_seen_at timestamp with time zone not null default now(),
    first_seen_in text,
    primary key (subject_id, name)
);
