// Text clean-up shared by the forms of every area.

/**
 * The bidirectional embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069).
 * In a name or a title they make the text show differently from what it says ("gpj.exe" read as
 * "exe.jpg"); nobody types them on purpose. The database strips them too (strip_bidi_controls).
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export const withoutBidiControls = (text: string) => text.replace(BIDI_CONTROLS, '');
