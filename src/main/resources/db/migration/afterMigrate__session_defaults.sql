-- Settings every session of the service needs, as the database's defaults, so that they hold on
-- any connection, also one a transaction pooler hands out (a SET per connection would land on
-- whichever server connection ran it):
-- search (record/RecordSearch) corrects a typo of a query word from the dictionary words at least
-- this trigram-similar ("huogn" ~ "huong": 0.33; "trna" ~ "tran": 0.25), then keeps those one edit
-- away; lists and searches are fast only with a plan for their values (a rare name through the
-- word index, a common one in id order): never a generic plan of a prepared statement.
DO $defaults$
BEGIN
    -- pg_trgm's setting is known once its library is loaded; until then only a superuser may set it
    PERFORM similarity('', '');
    EXECUTE format('ALTER DATABASE %I SET pg_trgm.similarity_threshold = 0.2', current_database());
    EXECUTE format('ALTER DATABASE %I SET plan_cache_mode = force_custom_plan', current_database());
END
$defaults$;
-- They apply to sessions opened after this: common/SessionDefaults renews the pool's idle ones.
