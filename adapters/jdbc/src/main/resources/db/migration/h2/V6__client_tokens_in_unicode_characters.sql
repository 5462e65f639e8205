-- A ClientToken is up to 500 Unicode characters, as the API model counts them; H2's VARCHAR counts
-- UTF-16 units, so 500 characters outside the Basic Multilingual Plane take 1,000 of them.
-- (PostgreSQL and MariaDB count characters: their columns already fit.)
ALTER TABLE ct_client_token ALTER COLUMN client_token SET DATA TYPE VARCHAR(1000);
ALTER TABLE ct_contact ALTER COLUMN client_token SET DATA TYPE VARCHAR(1000);
