-- The credit website's read model (derived data, rebuilt from record_version at any time; history stays there).

-- One row per record: its current version as the public may see it (masked) and the window in which it is shown.
create table disclosed_record (
    record_id      uuid primary key,
    version_no     integer not null,
    subject_id     bigint not null,
    subject_type   text not null,
    subject_code   text not null, -- masked for natural persons
    subject_name   text,          -- masked for natural persons
    catalog_item   text not null,
    report_group   text not null,
    shown          boolean not null, -- public item, not revoked, and disclosed at all under its rules
    regime         text not null,
    shown_from     date,          -- first day shown (null: from recording)
    shown_until    date,          -- first day no longer shown (null: no maximum)
    minimum_until  date,          -- first day repair may be applied for
    ended_on       date,          -- disclosure ended early (repair), null otherwise
    decision_date  date,
    authority      text,
    type_label     text,
    source_unit    text,
    updated_at     timestamp with time zone not null,
    public_values  jsonb not null
);
create index disclosed_record_subject_idx on disclosed_record (subject_id);
create index disclosed_record_browse_idx on disclosed_record (catalog_item, decision_date desc, record_id) where shown;

-- Subjects the public can find by name or code (organisations), with their current name.
create table public_subject (
    subject_id   bigint primary key,
    code         text collate "C" not null,
    name         text not null,
    search_name  text not null, -- normalised (NFKC, no spaces, upper-case Latin) — what queries match
    subject_type text not null
);
create index public_subject_code_idx on public_subject (code text_pattern_ops);

-- Name search: every distinct character bigram of every searchable name, in ranking order (shorter names first),
-- so that the first page of any query is an index range scan however many names match.
create table subject_gram (
    gram        text collate "C" not null,
    name_length integer not null,
    search_name text collate "C" not null,
    subject_id  bigint not null
);
create index subject_gram_idx on subject_gram (gram, name_length, search_name, subject_id);

-- How many names contain each bigram: picks the most selective bigram of a query and gives exact totals.
create table subject_gram_count (
    gram  text collate "C" primary key,
    names bigint not null
);
