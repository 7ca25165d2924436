-- Short-lived download tickets: a browser starts a native download (a plain GET the
-- download manager can resume) without an Authorization header. Only the SHA-256 of the
-- ticket and of the resource it is bound to are kept. holder_type is 'session' (a user's
-- sign-in session) or 'share_session' (an unlocked share link visit).
CREATE TABLE download_tickets (
    id            VARCHAR(36)  PRIMARY KEY,
    ticket_hash   VARCHAR(64)  NOT NULL UNIQUE,
    holder_type   VARCHAR(16)  NOT NULL,
    holder_id     VARCHAR(36)  NOT NULL,
    resource_hash VARCHAR(64)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    expires_at    BIGINT       NOT NULL,
    first_used_at BIGINT,
    usable_until  BIGINT       NOT NULL
);

CREATE INDEX download_tickets_usable_until ON download_tickets (usable_until);
