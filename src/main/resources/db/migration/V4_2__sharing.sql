-- Sharing (共享, art. 32, 36, 51): which organisation may receive which catalog item for which purposes, and
-- natural persons' recorded authorisations. Nothing is updated or deleted: a withdrawal is a row of its own.

create table sharing_grant (
    id               bigint generated always as identity primary key,
    organisation_id  bigint not null references organisation (id),
    item_code        text not null,
    all_purposes     boolean not null,
    purposes         text[] not null default '{}',       -- purpose codes when not all_purposes
    lawful_basis     text,                                -- required for CONDITIONAL items
    statutory_basis  boolean not null default false,      -- the basis is a law or regulation (art. 51)
    valid_from       date not null,
    valid_until      date,                                -- last day of validity; null: open-ended
    note             text,
    granted_by       text not null,
    granted_at       timestamp with time zone not null,
    check (all_purposes or cardinality(purposes) > 0),
    check (valid_until is null or valid_until >= valid_from),
    check (not statutory_basis or lawful_basis is not null)
);
create index sharing_grant_organisation_idx on sharing_grant (organisation_id, item_code);

create table sharing_grant_withdrawal (
    grant_id      bigint primary key references sharing_grant (id),
    reason        text not null,
    withdrawn_by  text not null,
    withdrawn_at  timestamp with time zone not null
);

-- A natural person's authorisation (授权) for an organisation to receive their non-public items (art. 51).
create table sharing_authorisation (
    id                 bigint generated always as identity primary key,
    subject_id         bigint not null references credit_subject (id),
    organisation_id    bigint not null references organisation (id),
    all_items          boolean not null,
    item_codes         text[] not null default '{}',
    purpose            text not null,                    -- a purpose code
    valid_from         date not null,
    valid_until        date not null,                    -- last day of validity
    document_reference text not null,
    recorded_by        text not null,
    recorded_at        timestamp with time zone not null,
    check (all_items or cardinality(item_codes) > 0),
    check (valid_until >= valid_from)
);
create index sharing_authorisation_subject_idx on sharing_authorisation (subject_id, organisation_id);

create table sharing_authorisation_withdrawal (
    authorisation_id bigint primary key references sharing_authorisation (id),
    reason           text not null,
    withdrawn_by     text not null,
    withdrawn_at     timestamp with time zone not null
);

-- Append-only tables.
create function sharing_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;
do $$
declare
    t text;
begin
    foreach t in array array['sharing_grant', 'sharing_grant_withdrawal', 'sharing_authorisation',
                             'sharing_authorisation_withdrawal'] loop
        execute format('create trigger %I before update or delete on %I for each row '
                       'execute function sharing_append_only()', t || '_no_update', t);
        execute format('create trigger %I before truncate on %I for each statement '
                       'execute function sharing_append_only()', t || '_no_truncate', t);
    end loop;
end $$;
