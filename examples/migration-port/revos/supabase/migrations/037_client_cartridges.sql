-- RevOS 037: cartridges per client.
-- A user now keeps one brand cartridge per client; brand cartridges learn which client they are for.

alter table brand_cartridges add column if not exists client_name text;
alter table brand_cartridges add column if not exists archived boolean not null default false;

create table if not exists client_cartridges (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users(id) on delete cascade,
  client_name text not null,
  brand_cartridge_id uuid not null references brand_cartridges(id) on delete cascade,
  style_cartridge_id uuid references style_cartridges(id) on delete set null,
  created_at timestamptz not null default now()
);

create index if not exists idx_client_cartridges_user_client on client_cartridges(user_id, client_name);

alter table client_cartridges enable row level security;

create policy "Users manage own client cartridges" on client_cartridges
  for all using (auth.uid() = user_id) with check (auth.uid() = user_id);

-- The dashboard reads through this view; it must only ever show the caller's rows.
create or replace view active_brand_cartridges as
  select bc.id, bc.name, bc.client_name, bc.updated_at
  from brand_cartridges bc
  where bc.user_id = auth.uid() and not bc.archived;
