-- Calendar: every loaded version of a year's holiday notice data (holiday-cn schema), kept forever.
-- The highest version of a year is in force; a new version supersedes, never replaces, the old one.
create table calendar_year_version (
    id          bigint generated always as identity primary key,
    year        integer not null check (year between 1990 and 2199),
    version     integer not null check (version >= 1),
    source      text not null check (source in ('BUNDLED', 'FOLDER', 'UPLOAD')),
    source_name text,                                   -- the file's name, if any
    sha256      text not null check (sha256 ~ '^[0-9a-f]{64}$'),  -- of content, UTF-8
    loaded_at   timestamp with time zone not null,
    loaded_by   text not null,                          -- the uploading user, or 'system'
    -- Kept as text, byte for byte as loaded, so that sha256 can be checked against the file; it is JSON.
    content     text not null check (jsonb_typeof(content::jsonb) = 'object'),
    constraint calendar_year_version_unique unique (year, version)
);
create index calendar_year_version_sha_idx on calendar_year_version (year, sha256);

-- Nothing is ever changed or removed through the application.
create function calendar_year_version_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'calendar_year_version is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger calendar_year_version_no_update before update or delete on calendar_year_version
    for each row execute function calendar_year_version_append_only();
create trigger calendar_year_version_no_truncate before truncate on calendar_year_version
    for each statement execute function calendar_year_version_append_only();
