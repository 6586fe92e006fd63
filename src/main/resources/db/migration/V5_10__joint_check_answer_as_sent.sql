-- The stored answer of a joint check is kept as the exact JSON text the department received (json keeps the text;
-- jsonb re-orders keys and costs a conversion on every insert of this high-rate table).
alter table joint_check alter column answer type json using answer::json;
