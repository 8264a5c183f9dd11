-- FAQ with view and helpful counters, and one helpful vote per user and question.
CREATE TABLE faqs (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    slug          text        NOT NULL UNIQUE,
    category      text        NOT NULL REFERENCES categories (key),
    question      text        NOT NULL,
    answer        text        NOT NULL,
    display_order int         NOT NULL,
    view_count    bigint      NOT NULL DEFAULT 0 CHECK (view_count >= 0),
    helpful_count bigint      NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
    content_hash  text, -- as items.content_hash: NULL for FAQs admins created
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX faqs_by_order ON faqs (display_order, id);
CREATE INDEX faqs_by_category_order ON faqs (category, display_order, id);
CREATE INDEX faqs_by_views ON faqs (view_count DESC, id);

CREATE TABLE faq_helpful (
    user_id    uuid        NOT NULL,
    faq_id     uuid        NOT NULL REFERENCES faqs (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT faq_helpful_once UNIQUE (user_id, faq_id)
);
CREATE INDEX faq_helpful_by_faq ON faq_helpful (faq_id);
