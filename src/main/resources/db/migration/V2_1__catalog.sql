-- Catalog (art. 27): the national base catalog and the regional and city supplementary catalogs, every version of
-- each, the item definitions of every version (as revisions), lifecycle events, consultation comments, provider
-- assignments and collector agreements (art. 29). Nothing is updated or deleted except columns that are set once.

create table catalog (
    id                    bigint generated always as identity primary key,
    code                  text not null unique,          -- NATIONAL_BASE, REGION, or the city organisation's code
    kind                  text not null check (kind in ('NATIONAL_BASE', 'REGION', 'CITY')),
    owner_organisation_id bigint references organisation (id),
    created_at            timestamp with time zone not null,
    created_by            text not null,
    check ((kind = 'CITY') = (owner_organisation_id is not null)),
    check (kind = 'CITY' or code = kind)
);

create table catalog_version (
    id                     bigint generated always as identity primary key,
    catalog_id             bigint not null references catalog (id),
    version                integer not null check (version >= 1),
    origin                 text not null check (origin in ('BUNDLED', 'IMPORT', 'DRAFT')),
    copied_from_version_id bigint references catalog_version (id),
    edition                text,
    title                  text,
    title_en               text,
    issuer                 text,
    document               text,                         -- the issuing document of an official edition
    issued_on              date,
    provenance             jsonb,                        -- {verified, source} of the edition as a whole
    categories             jsonb,                        -- national base: the categories with names and provenance
    source_name            text,                         -- file name of an import
    sha256                 text check (sha256 is null or sha256 ~ '^[0-9a-f]{64}$'),
    created_at             timestamp with time zone not null,
    created_by             text not null,
    constraint catalog_version_unique unique (catalog_id, version)
);

-- The items of a version are the latest revision of each item code that is not a removal.
create table catalog_item_revision (
    id                 bigint generated always as identity primary key,
    catalog_version_id bigint not null references catalog_version (id),
    item_code          text not null,
    revision           integer not null check (revision >= 1),
    definition         jsonb,                            -- the item in the file format; null for a removal
    created_at         timestamp with time zone not null,
    created_by         text not null,
    constraint catalog_item_revision_unique unique (catalog_version_id, item_code, revision)
);
create index catalog_item_revision_code_idx on catalog_item_revision (item_code);

-- Lifecycle: the status of a version is status_after of its latest event; filing does not change the status.
create table catalog_version_event (
    id                 bigint generated always as identity primary key,
    catalog_version_id bigint not null references catalog_version (id),
    event              text not null check (event in ('CREATED', 'CONSULTATION_OPENED', 'DRAFT_REOPENED', 'APPROVED',
                                                      'PUBLISHED', 'FILED', 'ABANDONED')),
    status_after       text not null check (status_after in ('DRAFT', 'CONSULTATION', 'APPROVED', 'PUBLISHED', 'ABANDONED')),
    document           text,        -- APPROVED: the approving document; FILED: the filing number; PUBLISHED: notice
    document_date      date,        -- APPROVED: date of the document; FILED: filing date; CONSULTATION_OPENED: until
    note               text,
    organisation_id    bigint references organisation (id),
    occurred_at        timestamp with time zone not null,
    actor              text not null
);
create index catalog_version_event_version_idx on catalog_version_event (catalog_version_id, id);
create unique index catalog_version_event_once_idx on catalog_version_event (catalog_version_id, event)
    where event in ('CREATED', 'APPROVED', 'PUBLISHED', 'FILED', 'ABANDONED');

create table catalog_comment (
    id                   bigint generated always as identity primary key,
    catalog_version_id   bigint not null references catalog_version (id),
    item_code            text,                           -- the item commented on, if any
    author               text not null,                  -- who made the comment
    author_organisation  text,                           -- on behalf of which organisation, as stated
    organisation_id      bigint references organisation (id),
    text                 text not null,
    received_at          timestamp with time zone not null,
    recorded_at          timestamp with time zone not null,
    recorded_by          text not null
);
create index catalog_comment_version_idx on catalog_comment (catalog_version_id, id);

-- Which organisation provides which item (art. 24, 28). Ending an assignment sets ended_* once.
create table item_provider (
    id              bigint generated always as identity primary key,
    organisation_id bigint not null references organisation (id),
    item_code       text not null,
    valid_from      date not null,
    note            text,
    assigned_at     timestamp with time zone not null,
    assigned_by     text not null,
    ended_on        date,                                -- first day on which it no longer applies
    ended_at        timestamp with time zone,
    ended_by        text,
    end_reason      text,
    check ((ended_on is null) = (ended_by is null) and (ended_on is null) = (ended_at is null)),
    check (ended_on is null or ended_on >= valid_from)
);
create unique index item_provider_open_idx on item_provider (organisation_id, item_code) where ended_on is null;
create index item_provider_item_idx on item_provider (item_code);

-- Agreements under which a collector (非公共信用信息归集单位) provides information (art. 29).
create table collector_agreement (
    id                 bigint generated always as identity primary key,
    organisation_id    bigint not null references organisation (id),
    agreement_number   text not null,
    valid_from         date not null,
    valid_to           date not null,                   -- last day of validity
    note               text,
    registered_at      timestamp with time zone not null,
    registered_by      text not null,
    terminated_on      date,                            -- first day on which it no longer applies
    terminated_at      timestamp with time zone,
    terminated_by      text,
    termination_reason text,
    constraint collector_agreement_number_unique unique (organisation_id, agreement_number),
    check (valid_to >= valid_from),
    check ((terminated_on is null) = (terminated_by is null) and (terminated_on is null) = (terminated_at is null))
);

create table collector_agreement_item (
    agreement_id bigint not null references collector_agreement (id),
    item_code    text not null,
    primary key (agreement_id, item_code)
);
create index collector_agreement_item_code_idx on collector_agreement_item (item_code);

-- Append-only tables.
create function catalog_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger catalog_no_update before update or delete on catalog
    for each row execute function catalog_append_only();
create trigger catalog_version_no_update before update or delete on catalog_version
    for each row execute function catalog_append_only();
create trigger catalog_item_revision_no_update before update or delete on catalog_item_revision
    for each row execute function catalog_append_only();
create trigger catalog_version_event_no_update before update or delete on catalog_version_event
    for each row execute function catalog_append_only();
create trigger catalog_comment_no_update before update or delete on catalog_comment
    for each row execute function catalog_append_only();
create trigger collector_agreement_item_no_update before update or delete on collector_agreement_item
    for each row execute function catalog_append_only();
create trigger item_provider_no_delete before delete on item_provider
    for each row execute function catalog_append_only();
create trigger collector_agreement_no_delete before delete on collector_agreement
    for each row execute function catalog_append_only();
create trigger catalog_no_truncate before truncate on catalog
    for each statement execute function catalog_append_only();
create trigger catalog_version_no_truncate before truncate on catalog_version
    for each statement execute function catalog_append_only();
create trigger catalog_item_revision_no_truncate before truncate on catalog_item_revision
    for each statement execute function catalog_append_only();
create trigger catalog_version_event_no_truncate before truncate on catalog_version_event
    for each statement execute function catalog_append_only();
create trigger catalog_comment_no_truncate before truncate on catalog_comment
    for each statement execute function catalog_append_only();
create trigger item_provider_no_truncate before truncate on item_provider
    for each statement execute function catalog_append_only();
create trigger collector_agreement_no_truncate before truncate on collector_agreement
    for each statement execute function catalog_append_only();
create trigger collector_agreement_item_no_truncate before truncate on collector_agreement_item
    for each statement execute function catalog_append_only();

-- Ending an assignment or terminating an agreement fills its end columns once; nothing else ever changes.
create function item_provider_end_once() returns trigger language plpgsql as $$
begin
    if old.ended_on is not null
       or (new.id, new.organisation_id, new.item_code, new.valid_from, new.note, new.assigned_at, new.assigned_by)
          is distinct from (old.id, old.organisation_id, old.item_code, old.valid_from, old.note, old.assigned_at, old.assigned_by) then
        raise exception 'item_provider rows are only ended, once (% refused)', tg_op using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;
create trigger item_provider_end_once before update on item_provider
    for each row execute function item_provider_end_once();

create function collector_agreement_terminate_once() returns trigger language plpgsql as $$
begin
    if old.terminated_on is not null
       or (new.id, new.organisation_id, new.agreement_number, new.valid_from, new.valid_to, new.note,
           new.registered_at, new.registered_by)
          is distinct from (old.id, old.organisation_id, old.agreement_number, old.valid_from, old.valid_to, old.note,
           old.registered_at, old.registered_by) then
        raise exception 'collector_agreement rows are only terminated, once (% refused)', tg_op using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;
create trigger collector_agreement_terminate_once before update on collector_agreement
    for each row execute function collector_agreement_terminate_once();
