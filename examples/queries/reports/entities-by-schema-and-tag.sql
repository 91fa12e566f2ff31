-- Current entities by schema and tag: how many live (not deleted) entities carry each tag?
-- An entity with several tags counts once per tag; entities without tags count under '(untagged)'.
SELECT
    schema,
    arrayJoin(if(empty(_tags), ['(untagged)'], _tags)) AS tag,
    count() AS entities
FROM current_entities_final
GROUP BY schema, tag
ORDER BY schema, entities DESC, tag;
