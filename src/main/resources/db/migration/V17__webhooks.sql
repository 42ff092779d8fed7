-- Webhooks (issue 13): a registry admin subscribes a client's URL to the change feed's events. A
-- dispatcher (any replica) copies the new events of each subscription into deliveries (the
-- subscription's cursor moves in the same transaction) and posts the due deliveries, each claimed
-- with FOR UPDATE SKIP LOCKED so that two replicas never post the same delivery at once.
CREATE TABLE webhook_subscription (
    id            uuid PRIMARY KEY,
    client_id     text NOT NULL,
    url           text NOT NULL,
    types         text[] NOT NULL DEFAULT '{}',
    province_code text,
    secret        text NOT NULL,            -- sealed (enc:v1), shown once when created
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    cursor_xid    xid8 NOT NULL,
    cursor_seq    bigint NOT NULL
);

CREATE TABLE webhook_delivery (
    id              uuid PRIMARY KEY,       -- the webhook-id header: the same on every attempt
    subscription_id uuid NOT NULL REFERENCES webhook_subscription ON DELETE CASCADE,
    event_xid       xid8 NOT NULL,
    event_seq       bigint NOT NULL,
    payload         text NOT NULL,
    state           text NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        int NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz,
    last_status     int,
    last_error      text,
    UNIQUE (subscription_id, event_xid, event_seq)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_dead ON webhook_delivery (subscription_id, created_at) WHERE state = 'DEAD';
