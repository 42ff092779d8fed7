-- Duties of the Law on Personal Data Protection (91/2025/QH15, Decree 356/2025) the registry carries.

-- A data subject's request (access, correction, deletion, ...) and its legal clock: acknowledged within
-- 2 working days of receipt, completed within 15 days, extendable once by 15 (privacy/LegalClock).
CREATE TABLE subject_request (
    id               uuid PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('ACCESS', 'CORRECTION', 'DELETION', 'RESTRICTION', 'OBJECTION', 'CONSENT_WITHDRAWAL')),
    person_id        uuid REFERENCES person (id),
    received_on      date NOT NULL,
    -- who asked and how to answer them: personal data, sealed like contacts (FieldCipher)
    requester        text CHECK (requester IS NULL OR requester LIKE 'enc:v1:%'),
    acknowledged_on  date,
    extended_on      date,
    extension_reason text,
    completed_on     date,
    outcome          text,
    created_at       timestamptz NOT NULL,
    created_by       text NOT NULL,
    version          int NOT NULL
);
CREATE INDEX subject_request_open ON subject_request (received_on) WHERE completed_on IS NULL;

-- A personal-data breach: detected when, notified to the authority (A05, Ministry of Public Security) when;
-- the deadline is 72 hours after detection.
CREATE TABLE breach (
    id               uuid PRIMARY KEY,
    detected_at      timestamptz NOT NULL,
    description      text NOT NULL CHECK (description LIKE 'enc:v1:%'),
    records_affected int CHECK (records_affected >= 0),
    notified_at      timestamptz,
    notified_to      text,
    created_at       timestamptz NOT NULL,
    created_by       text NOT NULL,
    version          int NOT NULL
);
