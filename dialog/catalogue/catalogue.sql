-- One row per public programme (benefit, service or facility). List columns hold JSON arrays;
-- eligibility holds a JSON object (see dialog.catalogue.Eligibility).
CREATE TABLE IF NOT EXISTS programmes (
    id                    TEXT PRIMARY KEY,
    name_ko               TEXT NOT NULL,
    name_en               TEXT NOT NULL DEFAULT '',
    summary_ko            TEXT NOT NULL DEFAULT '',
    summary_en            TEXT NOT NULL DEFAULT '',
    purpose               TEXT NOT NULL DEFAULT '',
    target_ko             TEXT NOT NULL DEFAULT '',
    target_en             TEXT NOT NULL DEFAULT '',
    selection_criteria_ko TEXT NOT NULL DEFAULT '',
    selection_criteria_en TEXT NOT NULL DEFAULT '',
    support_ko            TEXT NOT NULL DEFAULT '',
    support_en            TEXT NOT NULL DEFAULT '',
    how_to_apply_ko       TEXT NOT NULL DEFAULT '',
    how_to_apply_en       TEXT NOT NULL DEFAULT '',
    agency                TEXT NOT NULL DEFAULT '',
    contact               TEXT NOT NULL DEFAULT '',
    lifecycle             TEXT NOT NULL DEFAULT '[]',
    target_groups         TEXT NOT NULL DEFAULT '[]',
    themes                TEXT NOT NULL DEFAULT '[]',
    online_application    INTEGER NOT NULL DEFAULT 0,
    eligibility           TEXT NOT NULL DEFAULT '{}',
    support_form          TEXT NOT NULL DEFAULT '',
    support_cycle         TEXT NOT NULL DEFAULT '',
    url                   TEXT NOT NULL DEFAULT '',
    legal_basis           TEXT NOT NULL DEFAULT '[]',
    source                TEXT NOT NULL DEFAULT '',
    illustrative          INTEGER NOT NULL DEFAULT 0,
    application_fields    TEXT NOT NULL DEFAULT '[]',
    retired               INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS programmes_name_ko ON programmes (name_ko);
