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

/// Text read from a file or standard input, made fit to store (R62: CI logs): CRLF and lone
/// CR become LF, terminal escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \`,
/// `ESC ( B` and two-byte `ESC x`) are removed, and so are the other control characters but tab and newline.
/// Borrowed when there was nothing to remove.
pub fn clean_input(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates, then one final byte.
                Some('[') => {
                    for d in chars.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&d) {
                            break;
                        }
                    }
                }
                // OSC (and the other string sequences): up to BEL or ST (ESC \).
                Some(']' | 'P' | '^' | '_' | 'X') => {
                    while let Some(d) = chars.next() {
                        if d == '\u{7}' {
                            break;
                        }
                        if d == '\u{1b}' && chars.peek() == Some(&'\\') {
                            chars.next();
                            break;
                        }
                    }
                }
                // nF: intermediates, then one final byte (`ESC ( B`).
                Some(' '..='/') => {
                    for d in chars.by_ref() {
                        if ('\u{30}'..='\u{7e}').contains(&d) {
                            break;
                        }
                    }
                }
                // Two bytes: `ESC x`.
                _ => {}
            },
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
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
    fn input_loses_carriage_returns_escape_sequences_and_controls_only() {
        let log = "step 1\r\n\u{1b}[1;31merror\u{1b}[0m: failed\r\n10%\r50%\r\n\
                   \u{1b}]8;;http://x\u{7}link\u{1b}]8;;\u{1b}\\ \u{1b}(Bdone\u{8}\ttab\n";
        assert_eq!(
            clean_input(log),
            "step 1\nerror: failed\n10%\n50%\nlink done\ttab\n"
        );
        assert!(matches!(clean_input("plain\ttext\n"), Cow::Borrowed(_)));
        assert_eq!(clean_input("é\u{1b}"), "é");
    }

    #[test]
    fn escape_sequences_are_neutralised() {
        assert_eq!(sanitize_line("a\u{1b}[31mred"), "a\\u{1b}[31mred");
        assert_eq!(sanitize_line("two\nlines"), "two\\nlines");
        assert_eq!(sanitize_block("two\nlines\u{7}"), "two\nlines\\u{7}");
        assert_eq!(sanitize_line("evil\u{202E}txt"), "evil\\u{202e}txt");
    }
}
