//! Making user-controlled text safe to print on a terminal (R72).
//!
//! Titles, names, bodies and paths found on the branch come from other people. Before any of it
//! reaches a terminal, control characters, bidi overrides and zero-width characters are shown
//! escaped so they cannot move the cursor, recolor the screen or hide text. JSON output is never
//! passed through here: serde escapes it losslessly.

use std::borrow::Cow;

/// Returns `true` when `c` must not reach a terminal as is.
fn is_unsafe(c: char, keep_newlines: bool) -> bool {
    if keep_newlines && c == '\n' {
        return false;
    }
    if keep_newlines && c == '\t' {
        return false;
    }
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
        )
}

fn escape(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c, keep_newlines)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c, keep_newlines) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Escapes every control character (newlines included): for one-line fields such as titles,
/// names, keys and paths.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Escapes control characters but keeps newlines and tabs: for multi-line bodies.
pub fn sanitize_block(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize_line("Crash on save"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_are_neutralised() {
        assert_eq!(sanitize_line("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(sanitize_line("two\nlines"), "two\\nlines");
        assert_eq!(sanitize_block("two\nlines\u{7}"), "two\nlines\\u{7}");
        assert_eq!(sanitize_line("evil\u{202E}txt"), "evil\\u{202e}txt");
    }
}
