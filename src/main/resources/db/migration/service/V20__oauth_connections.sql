-- OAuth connections of the oauth-sync worker (workers/oauth-sync.md). Tokens are stored only as
-- AES-GCM ciphertext (IV followed by ciphertext and tag) with the id of the key that sealed
-- them, so keys can rotate; the service never stores, logs or returns them in clear.
CREATE TABLE oauth_connection (
    id                  VARCHAR(64)  PRIMARY KEY,
    provider            VARCHAR(32)  NOT NULL,
    account             VARCHAR(320) NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    access_token        BYTEA,
    refresh_token       BYTEA,
    token_key_id        VARCHAR(64),
    access_expires_at   TIMESTAMP WITH TIME ZONE,
    granted_scopes      VARCHAR(2000),
    -- Bumped on every token change: a sync whose token was rejected refreshes only if nobody
    -- refreshed since it read the token.
    token_revision      BIGINT       NOT NULL DEFAULT 0,
    status_reason       VARCHAR(1000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_refreshed_at   TIMESTAMP WITH TIME ZONE
);

-- One pending consent per authorize redirect: the state the provider sends back, and the PKCE
-- verifier (sealed like the tokens). Single use, short-lived.
CREATE TABLE oauth_consent_state (
    state               VARCHAR(128) PRIMARY KEY,
    connection_id       VARCHAR(64)  NOT NULL REFERENCES oauth_connection (id) ON DELETE CASCADE,
    provider            VARCHAR(32)  NOT NULL,
    redirect_uri        VARCHAR(2000) NOT NULL,
    code_verifier       BYTEA        NOT NULL,
    verifier_key_id     VARCHAR(64)  NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX oauth_consent_state_expiry ON oauth_consent_state (expires_at);
