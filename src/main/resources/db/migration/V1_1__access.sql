-- Organisations, staff users with roles, and API keys of department systems.
create table organisation (
    id         bigserial primary key,
    code       text not null unique,
    name       text not null,
    name_en    text,
    kind       text not null check (kind in ('CREDIT_CENTRE', 'DEPARTMENT', 'CITY', 'COUNTY', 'COURT', 'COLLECTOR', 'OTHER')),
    parent_id  bigint references organisation (id),
    demo       boolean not null default false,
    created_at timestamp with time zone not null default now()
);

create table staff_user (
    id              bigserial primary key,
    username        text not null unique,
    display_name    text not null,
    password_hash   text not null,
    organisation_id bigint not null references organisation (id),
    enabled         boolean not null default true,
    created_at      timestamp with time zone not null default now()
);

create table staff_user_role (
    user_id    bigint not null references staff_user (id),
    role       text not null check (role in ('PLATFORM_ADMIN', 'PROVIDER_OPERATOR', 'REVIEWER', 'DEPARTMENT_USER', 'AUDITOR')),
    granted_at timestamp with time zone not null default now(),
    granted_by text,
    primary key (user_id, role)
);

create table api_key (
    id              bigserial primary key,
    organisation_id bigint not null references organisation (id),
    name            text not null,
    key_prefix      text not null,
    key_hash        bytea not null unique,
    created_at      timestamp with time zone not null default now(),
    created_by      text,
    revoked_at      timestamp with time zone,
    revoked_by      text,
    revoke_reason   text,
    check ((revoked_at is null) = (revoked_by is null))
);
create index api_key_organisation_idx on api_key (organisation_id);
