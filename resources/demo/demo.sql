-- SyncBridge demo data: the `projects` table of the seed design with 5,000 varied rows, and a
-- table with a composite primary key. Deterministic (no random()), so every load is identical.
-- Loaded by installer/demo.sh and by the integration-test fixture.

BEGIN;

CREATE TYPE project_status AS ENUM ('Planned', 'Active', 'On Hold', 'Completed', 'Cancelled');

CREATE TABLE projects (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_code    varchar(20)    NOT NULL UNIQUE,
    name            text           NOT NULL,
    status          project_status NOT NULL DEFAULT 'Planned',
    budget_amount   numeric(14,2),
    start_date      date,
    manager_email   varchar(254),
    tags            text[],
    updated_at      timestamptz    NOT NULL DEFAULT now()
);

CREATE INDEX projects_updated_at_idx ON projects (updated_at);

-- updated_at is maintained by the database, so every change moves the row past the sync cursor.
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER projects_touch_updated_at
    BEFORE UPDATE ON projects
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

INSERT INTO projects (project_code, name, status, budget_amount, start_date, manager_email, tags, updated_at)
SELECT
    'PRJ-' || lpad(i::text, 5, '0'),
    (ARRAY['Überholung Leitstand', 'Café Renovation', '東京 Office Move', 'Ωmega Platform', 'São Paulo Rollout',
           'Data Lake 🚀', 'Zürich Data Center', 'Ελληνικά Translation', 'Łódź Warehouse', 'Plain Project'])[1 + i % 10]
        || ' #' || i,
    (ARRAY['Planned', 'Active', 'Active', 'On Hold', 'Completed', 'Cancelled', 'Active'])[1 + (i * 3 + i / 7) % 7]::project_status,
    CASE
        WHEN i % 17 = 0 THEN NULL
        WHEN i = 1 THEN 0
        WHEN i = 2 THEN 5000000
        ELSE round(((i::bigint * 7919 * 104729) % 500000000) / 100.0, 2)
    END,
    CASE WHEN i % 11 = 0 THEN NULL ELSE date '2020-01-01' + (i * 37) % 2500 END,
    CASE WHEN i % 7 = 0 THEN NULL
         ELSE (ARRAY['ana', 'björn', 'chen', 'dmitri', 'émilie', 'farah'])[1 + i % 6] || '.' || i || '@example.com' END,
    CASE WHEN i % 13 = 0 THEN NULL
         WHEN i % 13 = 1 THEN ARRAY[]::text[]
         ELSE string_to_array((ARRAY['infra,q1', 'finance,audit', 'it,migration,cloud & ops', 'hr'])[1 + i % 4], ',') END,
    -- groups of three rows share a timestamp: keyset paging must not skip any of them
    timestamptz '2026-01-01 08:00:00+00' + ((i / 3) * interval '1 minute')
FROM generate_series(1, 5000) AS i;

UPDATE projects SET status = 'Active' WHERE id = 3;  -- exercises the trigger once

CREATE TABLE project_assignments (
    project_id      bigint      NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    employee_email  varchar(254) NOT NULL,
    role            text        NOT NULL,
    allocation_pct  numeric(5,2) NOT NULL CHECK (allocation_pct BETWEEN 0 AND 100),
    assigned_on     date        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, employee_email)
);

INSERT INTO project_assignments (project_id, employee_email, role, allocation_pct, assigned_on, updated_at)
SELECT p.id,
       (ARRAY['ana', 'björn', 'chen'])[1 + r] || '@example.com',
       (ARRAY['Lead', 'Engineer', 'Analyst'])[1 + r],
       (ARRAY[50, 30, 20])[1 + r],
       date '2024-01-01' + (p.id::int % 400),
       timestamptz '2026-01-01 08:00:00+00' + (p.id * interval '1 second')
FROM projects p CROSS JOIN generate_series(0, 2) AS r
WHERE p.id <= 1000;

COMMIT;

ANALYZE projects;
ANALYZE project_assignments;
