// The limits of one board search, shared by the schema and the search form. Kept apart from the
// zod schemas: importing those in the browser builds them, and zod then tries eval, which the
// Content Security Policy refuses.

/** What one search may hold; the database refuses more than 200 characters or 20 words. */
export const SEARCH_MAX_CHARS = 100;
export const SEARCH_MAX_WORDS = 20;
