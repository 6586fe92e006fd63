-- Published read view of the evaluation module: each subject's grade in the latest completed run (art. 38). The
-- module's own reads of the latest grade use it, and other modules may read it instead of the evaluation tables:
-- the joint check reads a round's grades in the same statement as its subjects.
create view latest_grade as
select g.run_id, g.subject_id, g.score, g.grade, g.explanation, r.model_version, r.as_of
from evaluation_result g
join evaluation_run r on r.id = g.run_id
where g.run_id = (select max(p.run_id) from evaluation_run_progress p where p.state = 'DONE');
