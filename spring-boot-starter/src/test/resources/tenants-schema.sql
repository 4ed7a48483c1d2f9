-- The application's own table of tenants, as a multi-tenant backend would keep it.
CREATE TABLE im_tenant (
  tenant_id     VARCHAR(64)  PRIMARY KEY,
  provider      VARCHAR(32)  NOT NULL,
  base_url      VARCHAR(255),
  org_name      VARCHAR(64),
  app_name      VARCHAR(64),
  client_id     VARCHAR(128),
  client_secret VARCHAR(128)
);
