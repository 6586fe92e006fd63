-- Published read view of the lists module: the subjects that have, or ever had, an entry on the serious-dishonesty
-- list or the reward list. Other modules (the joint check) may read it instead of the lists' own tables; it lets a
-- check skip the lists' queries for the many subjects that were never listed.
create view listed_subject as
select subject_id from list_entry
union all
select subject_id from reward_entry;
