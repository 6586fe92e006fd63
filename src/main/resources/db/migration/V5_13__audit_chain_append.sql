-- Appending to the audit chain: under the chain's lock (held until the transaction ends), the ids of n new entries
-- and the hash of the last entry they chain on, in one round trip instead of three (lock, ids, previous hash).
create function audit_chain_append(n integer, out ids bigint[], out previous bytea) language plpgsql as $$
begin
    perform pg_advisory_xact_lock(7261001);
    ids := array(select nextval('audit_event_id_seq') from generate_series(1, n));
    select e.hash into previous from audit_event e order by e.id desc limit 1;
end $$;
