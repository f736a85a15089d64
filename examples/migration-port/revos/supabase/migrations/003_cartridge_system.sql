-- RevOS 003: cartridge system
-- Cartridges are reusable bundles of brand knowledge that the content engine plugs into prompts.
-- Every cartridge belongs to the user who created it; row-level security keeps users apart.

create table if not exists brand_cartridges (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id) on delete cascade,
  name text not null,
  description text,
  voice jsonb not null default '{}'::jsonb, -- tone, vocabulary, banned phrases
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint brand_cartridges_name_not_blank check (char_length(trim(name)) > 0)
);

create table if not exists style_cartridges (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id) on delete cascade,
  brand_cartridge_id uuid references brand_cartridges(id) on delete set null,
  name text not null,
  rules jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now()
);

create table if not exists instruction_cartridges (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id) on delete cascade,
  title text not null,
  body text not null,
  priority integer not null default 0,
  created_at timestamptz not null default now()
);

-- Most queries list a user's cartridges.
create index if not exists idx_brand_cartridges_user_id on brand_cartridges(user_id);
create index if not exists idx_style_cartridges_user_id on style_cartridges(user_id);
create index if not exists idx_instruction_cartridges_user_id on instruction_cartridges(user_id, priority);

alter table brand_cartridges enable row level security;
alter table style_cartridges enable row level security;
alter table instruction_cartridges enable row level security;

create policy "Users can view own brand cartridges" on brand_cartridges
  for select using (auth.uid() = user_id);
create policy "Users can create own brand cartridges" on brand_cartridges
  for insert with check (auth.uid() = user_id);
create policy "Users can update own brand cartridges" on brand_cartridges
  for update using (auth.uid() = user_id) with check (auth.uid() = user_id);
create policy "Users can delete own brand cartridges" on brand_cartridges
  for delete using (auth.uid() = user_id);

create policy "Users manage own style cartridges" on style_cartridges
  for all using (user_id = auth.uid()) with check (user_id = auth.uid());

create policy "Users manage own instruction cartridges" on instruction_cartridges
  for all using (user_id = auth.uid()) with check (user_id = auth.uid());

-- Keep updated_at honest without relying on the application.
create or replace function set_cartridge_updated_at() returns trigger as $$
begin
  new.updated_at = now();
  return new;
end;
$$ language plpgsql;

create trigger brand_cartridges_updated_at
  before update on brand_cartridges
  for each row execute function set_cartridge_updated_at();
