package dev.sprintflow.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What Supabase gives every database and migrations rely on: schema {@code auth} with
 * {@code users} and {@code uid()} (the signed-in user, from the request's JWT claim). A plain
 * PostgreSQL lacks them, so tests install them once per server. They live outside the per-test
 * schemas and are left in place (harmless and shared by later runs); an advisory lock keeps
 * parallel builds from racing. Also a role without BYPASSRLS ({@link #RLS_PROBE_ROLE}), so tests
 * can check what row-level security lets a caller read (the superuser sees everything).
 */
public final class SupabasePlatform {

  public static final String RLS_PROBE_ROLE = "sprintflow_rls_probe";

  private SupabasePlatform() {}

  public static synchronized void install(PostgresTestDatabase.Server server) throws SQLException {
    try (Connection c = server.connect(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("SELECT pg_advisory_xact_lock(72230001)");
      s.execute("CREATE SCHEMA IF NOT EXISTS auth");
      s.execute("CREATE TABLE IF NOT EXISTS auth.users (id uuid PRIMARY KEY, email text)");
      s.execute("""
          CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
            SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid
          $$""");
      s.execute("""
          DO $$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
              CREATE ROLE %s NOLOGIN;
            END IF;
          END $$""".formatted(RLS_PROBE_ROLE, RLS_PROBE_ROLE));
      s.execute("GRANT USAGE ON SCHEMA auth TO " + RLS_PROBE_ROLE);
      s.execute("GRANT EXECUTE ON FUNCTION auth.uid() TO " + RLS_PROBE_ROLE);
      c.commit();
    }
  }
}
