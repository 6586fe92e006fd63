-- The ledger: one leaf per record version (and, later, per visibility event), in append order.
create table ledger_leaf (
    leaf_index  bigint primary key,
    kind        text not null,
    record_id   uuid,
    version_no  integer,
    leaf_hash   bytea not null,
    event_data  text, -- for leaves that are status events (not record versions): the exact hashed text
    appended_at timestamp with time zone not null default now()
);
create unique index ledger_leaf_version_idx on ledger_leaf (record_id, version_no) where record_id is not null;

-- Hashes of complete, aligned subtrees (2^level leaves starting at node_index * 2^level), kept as leaves arrive,
-- so that roots and proofs need O(log n) lookups.
create table ledger_node (
    level      integer not null,
    node_index bigint not null,
    hash       bytea not null,
    primary key (level, node_index)
);

-- Signed checkpoints (tree size, root, time), kept forever.
create table ledger_checkpoint (
    id          bigserial primary key,
    tree_size   bigint not null,
    root_hash   bytea not null,
    algorithm   text not null,
    signed_at   timestamp with time zone not null,
    signature   text not null,
    public_key  text not null
);

create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger ledger_leaf_append_only before update or delete on ledger_leaf
    for each row execute function ledger_append_only();
create trigger ledger_node_append_only before update or delete on ledger_node
    for each row execute function ledger_append_only();
create trigger ledger_checkpoint_append_only before update or delete on ledger_checkpoint
    for each row execute function ledger_append_only();

-- Results of the verification runs (scheduled or by command), shown in the console.
create table ledger_verification (
    id          bigserial primary key,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone not null,
    intact      boolean not null,
    leaves      bigint not null,
    versions    bigint not null,
    checkpoints bigint not null,
    problems    jsonb not null
);
