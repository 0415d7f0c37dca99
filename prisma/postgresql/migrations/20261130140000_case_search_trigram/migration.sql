-- Case search (decision 065): a trigram index over the public text of case
-- records (victim name, region as written, municipality, description), folded
-- to lower case without accents, so that "Jose" finds "José" and a part of a
-- word finds the word. unaccent() is only STABLE (its dictionary could change),
-- so an IMMUTABLE wrapper naming the dictionary is what the index is built on;
-- queries call the same function (app/models/incident-search.server.ts).
-- Never index a sensitive field (witnesses, contacts, exact location, notes).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE OR REPLACE FUNCTION vigia_search_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

CREATE OR REPLACE FUNCTION vigia_incident_search_text(name text, region text, municipality text, description text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT vigia_search_fold(concat_ws(' ', name, region, municipality, description)) $$;

CREATE INDEX "Incident_search_trgm_idx" ON "Incident"
  USING gin (vigia_incident_search_text("victimName", "regionRaw", "municipality", "description") gin_trgm_ops);
