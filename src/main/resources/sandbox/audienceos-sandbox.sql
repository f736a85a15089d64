-- Run by H2 on every connection to the `sandbox` target database (INIT=RUNSCRIPT in its URL), so it
-- must be repeatable. It stands in for what a real AudienceOS database already has before ported
-- migrations arrive: Supabase's auth schema and AudienceOS's own agencies and users tables.
CREATE SCHEMA IF NOT EXISTS auth;
CREATE TABLE IF NOT EXISTS auth.users (id UUID PRIMARY KEY, email VARCHAR(320));
-- Supabase's auth.uid() is the signed-in user. The sandbox has no sessions: a random id, so
-- views filtered by it return no rows (H2 has no row-level security to test anyway).
CREATE ALIAS IF NOT EXISTS auth.uid FOR 'java.util.UUID.randomUUID';
CREATE TABLE IF NOT EXISTS public.agencies (
  id UUID DEFAULT RANDOM_UUID() PRIMARY KEY,
  name VARCHAR(200) NOT NULL
);
CREATE TABLE IF NOT EXISTS public.users (
  id UUID PRIMARY KEY REFERENCES auth.users(id),
  agency_id UUID NOT NULL REFERENCES public.agencies(id),
  role VARCHAR(20) DEFAULT 'member' NOT NULL
);
