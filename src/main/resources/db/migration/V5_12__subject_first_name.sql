-- A subject's first name is stored with the subject: creating a subject from its first record is then one row, not
-- two (one insert, one index entry and one foreign-key check fewer per new subject; a large file creates hundreds of
-- thousands). Names seen later stay in their own table. Nothing is moved: subjects created before this migration
-- keep all their names in that table and have no first_name.
alter table credit_subject add column first_name text, add column first_name_seen_in text;

alter table credit_subject_name rename to credit_subject_later_name;
alter index credit_subject_name_pkey rename to credit_subject_later_name_pkey;
alter table credit_subject_later_name rename constraint credit_subject_name_subject_id_fkey
    to credit_subject_later_name_subject_id_fkey;

-- Every name a subject was known by, with when it was first seen: what the table of this name held before.
create view credit_subject_name as
select id as subject_id, first_name as name, created_at as first_seen_at, first_name_seen_in as first_seen_in
from credit_subject
where first_name is not null
union all
select subject_id, name, first_seen_at, first_seen_in
from credit_subject_later_name;
