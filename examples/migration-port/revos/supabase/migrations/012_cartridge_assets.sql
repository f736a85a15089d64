-- RevOS 012: files attached to brand cartridges (logos, style guides).
-- Assets have no owner column of their own: they are visible to whoever owns the cartridge.

create table if not exists cartridge_assets (
  id uuid primary key default gen_random_uuid(),
  brand_cartridge_id uuid not null references brand_cartridges(id) on delete cascade,
  storage_path text not null unique,
  mime_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  created_at timestamptz not null default now()
);

create index if not exists idx_cartridge_assets_cartridge on cartridge_assets(brand_cartridge_id);

alter table cartridge_assets enable row level security;

create policy "Users can view assets of own cartridges" on cartridge_assets
  for select using (
    exists (
      select 1 from brand_cartridges bc
      where bc.id = cartridge_assets.brand_cartridge_id
        and bc.user_id = auth.uid()
    )
  );
