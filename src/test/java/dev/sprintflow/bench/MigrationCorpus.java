package dev.sprintflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates a RevOS-shaped migration history for benchmarks: every migration creates a few
 * owner-scoped tables with an index, row-level security and a policy; every tenth also alters a
 * table of the migration before it.
 */
final class MigrationCorpus {

  private MigrationCorpus() {}

  /** Writes {@code migrations} files with {@code tablesEach} tables each to {@code dir}; returns the table count. */
  static int write(Path dir, int migrations, int tablesEach) throws IOException {
    Files.createDirectories(dir);
    int tables = 0;
    for (int m = 1; m <= migrations; m++) {
      StringBuilder sql = new StringBuilder("-- Generated migration %d: %d owner-scoped tables\n\n".formatted(m, tablesEach));
      for (int t = 0; t < tablesEach; t++) {
        String table = "feature_%03d_%d".formatted(m, t);
        sql.append("""
            create table if not exists %1$s (
              id uuid primary key default gen_random_uuid(),
              user_id uuid not null references auth.users(id) on delete cascade,
              name text not null, -- shown in lists
              payload jsonb not null default '{}'::jsonb,
              created_at timestamptz not null default now()
            );
            create index if not exists idx_%1$s_user on %1$s(user_id, created_at);
            alter table %1$s enable row level security;
            create policy "own %1$s" on %1$s
              for all using (auth.uid() = user_id) with check (auth.uid() = user_id);

            """.formatted(table));
        tables++;
      }
      if (m % 10 == 0) {
        sql.append("alter table feature_%03d_0 add column if not exists archived boolean not null default false;\n".formatted(m - 1));
      }
      Files.writeString(dir.resolve("%03d_feature_%d.sql".formatted(m, m)), sql);
    }
    return tables;
  }
}
