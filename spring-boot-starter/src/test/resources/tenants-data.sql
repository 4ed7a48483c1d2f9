-- acme holds a stale secret at first: the test rotates it in the database.
INSERT INTO im_tenant (tenant_id, provider, org_name, app_name, client_id, client_secret)
  VALUES ('acme', 'easemob', 'acme-org', 'acme-app', 'YXA6acme-client', 'stale-secret');
INSERT INTO im_tenant (tenant_id, provider, org_name, app_name, client_id, client_secret)
  VALUES ('globex', 'inmemory', NULL, NULL, NULL, NULL);
