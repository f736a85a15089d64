-- RevOS 041: usage log, and a stricter delete policy for brand cartridges.

create table if not exists cartridge_usage (
  id bigint generated always as identity primary key,
  brand_cartridge_id uuid not null references brand_cartridges(id) on delete cascade,
  used_at timestamptz not null default now(),
  tokens integer not null default 0
);

-- Usage rows were anonymous at first; they now record who used the cartridge.
alter table cartridge_usage add column user_id uuid references auth.users(id) on delete set null;
create index if not exists idx_cartridge_usage_user on cartridge_usage(user_id, used_at);

alter table cartridge_usage enable row level security;
create policy "Users can view own usage" on cartridge_usage
  for select using (user_id = auth.uid());

-- Default cartridges can no longer be deleted.
drop policy if exists "Users can delete own brand cartridges" on brand_cartridges;
create policy "Users can delete own non-default brand cartridges" on brand_cartridges
  for delete using (auth.uid() = user_id and not is_default);
