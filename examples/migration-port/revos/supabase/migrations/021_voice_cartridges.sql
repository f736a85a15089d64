-- RevOS 021: voice cartridges (sample posts the model imitates).

create table if not exists voice_cartridges (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id) on delete cascade,
  name text not null,
  samples text not null default '',
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  unique (user_id, name)
);

-- Only live cartridges are listed in the editor.
create index if not exists idx_voice_cartridges_live
  on voice_cartridges(user_id, created_at desc) where archived_at is null;

alter table voice_cartridges enable row level security;

create policy "Users manage own voice cartridges" on voice_cartridges
  for all using (user_id = auth.uid()) with check (user_id = auth.uid());
