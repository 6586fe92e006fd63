-- File submissions are written by several connections side by side, each owning the rows whose subject code falls
-- into its part (FileSubmissionService.part). Each part commits its batches with its resume point: the position
-- (in data rows, from 1) of the last row of the file it has written. A resumed file skips, per part, the rows up
-- to that point. The number of rows here is the number of parts the file was started with.
create table submission_part (
    submission_id bigint not null references submission (id),
    part          integer not null,
    rows_done     bigint not null,
    primary key (submission_id, part)
);
