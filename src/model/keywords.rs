//! Commit-message keywords (R62): which tickets a commit message says it fixes or refers to.
//!
//! Pure text work for `git tracker scan`; `docs/ci.md` is its contract. A keyword starts a
//! word, is matched ignoring case, may be followed by `:`, and names one or more keys of this
//! tracker separated by spaces, commas or `and`:
//!
//! - `fix`, `fixes`, `fixed`, `close`, `closes`, `closed`, `resolve`, `resolves`, `resolved`:
//!   the commit resolves the ticket;
//! - `ref`, `refs`, `see`: the commit refers to the ticket.
//!
//! `Fixes TRK-1, TRK-2 and TRK-3`, `closes: trk-4`, `Fixed TRK-5; refs TRK-6` all count; a key
//! of another prefix, a bare number (`#12`) or a key glued to other text (`TRK-12a`) does not.

use crate::model::limits::MAX_NUMBER;

/// What a keyword says about a ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Keyword {
    /// `Fixes`, `Closes`, `Resolves` and their forms: the ticket is resolved.
    Fixes,
    /// `Refs`, `Ref`, `See`: the commit is noted on the ticket as a comment.
    Refs,
}

impl Keyword {
    /// The name shown in tables and JSON: `fixes` or `refs`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Fixes => "fixes",
            Self::Refs => "refs",
        }
    }

    /// The keyword a word is, ignoring ASCII case.
    fn of(word: &str) -> Option<Self> {
        const FIXES: [&str; 9] = [
            "fix", "fixes", "fixed", "close", "closes", "closed", "resolve", "resolves", "resolved",
        ];
        const REFS: [&str; 3] = ["ref", "refs", "see"];
        if FIXES.iter().any(|k| k.eq_ignore_ascii_case(word)) {
            Some(Self::Fixes)
        } else if REFS.iter().any(|k| k.eq_ignore_ascii_case(word)) {
            Some(Self::Refs)
        } else {
            None
        }
    }
}

/// One ticket a message names after a keyword.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// What the keyword says.
    pub keyword: Keyword,
    /// The key as written, e.g. `trk-12`.
    pub written: String,
    /// Its number, when it is one a ticket can have (1 to [`MAX_NUMBER`]).
    pub number: Option<u64>,
}

/// Whether `c` belongs to a word (a keyword or a key).
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// The key `word` is, for a tracker whose keys start with `prefix`: the prefix (ignoring ASCII
/// case) followed by digits only. `Some(None)`: a key of this tracker whose number no ticket
/// can have.
fn key(word: &str, prefix: &str) -> Option<Option<u64>> {
    let head = word.get(..prefix.len())?;
    let digits = &word[prefix.len()..];
    if !head.eq_ignore_ascii_case(prefix)
        || digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some(
        digits
            .parse::<u64>()
            .ok()
            .filter(|n| (1..=MAX_NUMBER).contains(n)),
    )
}

/// The tickets `message` names after keywords, in the order written, each (keyword, key) once.
/// A key both fixed and referred to is only fixed: resolving it already names the commit.
pub fn mentions(message: &str, prefix: &str) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for line in message.lines() {
        scan_line(line, prefix, &mut out);
    }
    let fixed: Vec<String> = out
        .iter()
        .filter(|m| m.keyword == Keyword::Fixes)
        .map(|m| m.written.to_ascii_lowercase())
        .collect();
    let mut seen = std::collections::HashSet::new();
    out.retain(|m| {
        let k = m.written.to_ascii_lowercase();
        let shadowed = m.keyword == Keyword::Refs && fixed.contains(&k);
        !shadowed && seen.insert((m.keyword, k))
    });
    out
}

/// Where the scan of a line stands.
#[derive(Clone, Copy)]
enum Expect {
    /// A keyword.
    Keyword,
    /// The first key after a keyword (only spaces and `:` may come between).
    FirstKey(Keyword),
    /// Another key of a list (after spaces, commas or `and`).
    MoreKeys(Keyword),
}

fn scan_line(line: &str, prefix: &str, out: &mut Vec<Mention>) {
    let mut expect = Expect::Keyword;
    let mut rest = line;
    loop {
        // The separator before the next word, then the word.
        let start = rest.find(word_char).unwrap_or(rest.len());
        let (gap, after) = rest.split_at(start);
        if after.is_empty() {
            return;
        }
        let end = after.find(|c| !word_char(c)).unwrap_or(after.len());
        let (word, tail) = after.split_at(end);
        rest = tail;
        let joined = |allowed: &[char]| {
            gap.chars()
                .all(|c| c.is_whitespace() || allowed.contains(&c))
        };
        let found = match expect {
            Expect::FirstKey(k) if joined(&[':']) => key(word, prefix).map(|n| (k, n)),
            Expect::MoreKeys(k) if joined(&[',']) => {
                if word.eq_ignore_ascii_case("and") {
                    continue;
                }
                key(word, prefix).map(|n| (k, n))
            }
            _ => None,
        };
        expect = match found {
            Some((keyword, number)) => {
                out.push(Mention {
                    keyword,
                    written: word.to_owned(),
                    number,
                });
                Expect::MoreKeys(keyword)
            }
            None => Keyword::of(word).map_or(Expect::Keyword, Expect::FirstKey),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(message: &str) -> Vec<(Keyword, String, Option<u64>)> {
        mentions(message, "TRK-")
            .into_iter()
            .map(|m| (m.keyword, m.written, m.number))
            .collect()
    }

    fn fixes(keys: &[(&str, u64)]) -> Vec<(Keyword, String, Option<u64>)> {
        keys.iter()
            .map(|(w, n)| (Keyword::Fixes, (*w).to_owned(), Some(*n)))
            .collect()
    }

    #[test]
    fn every_form_of_the_keywords_counts() {
        for kw in [
            "Fixes", "fixes", "FIX", "Fixed", "Close", "closes", "Closed", "Resolve", "RESOLVES",
            "resolved",
        ] {
            assert_eq!(
                of(&format!("{kw} TRK-12")),
                fixes(&[("TRK-12", 12)]),
                "{kw}"
            );
            assert_eq!(
                of(&format!("{kw}: TRK-12")),
                fixes(&[("TRK-12", 12)]),
                "{kw}:"
            );
        }
        for kw in ["Refs", "ref", "See", "REFS"] {
            assert_eq!(
                of(&format!("{kw} TRK-3")),
                [(Keyword::Refs, "TRK-3".to_owned(), Some(3))],
                "{kw}"
            );
        }
    }

    #[test]
    fn lists_and_several_keywords_per_line() {
        assert_eq!(
            of("Fixes TRK-1, TRK-2 and trk-3"),
            fixes(&[("TRK-1", 1), ("TRK-2", 2), ("trk-3", 3)])
        );
        assert_eq!(
            of("Parser: fixes TRK-1; refs TRK-2 (see TRK-4)."),
            [
                (Keyword::Fixes, "TRK-1".to_owned(), Some(1)),
                (Keyword::Refs, "TRK-2".to_owned(), Some(2)),
                (Keyword::Refs, "TRK-4".to_owned(), Some(4)),
            ]
        );
        // Trailers in the body, and one key twice: once.
        assert_eq!(
            of("Speed up the parser\n\nThe old one was slow.\n\nFixes: TRK-7\nFixes: TRK-7\n"),
            fixes(&[("TRK-7", 7)])
        );
        // Fixed and referred to: only fixed.
        assert_eq!(of("Refs TRK-7, fixes TRK-7"), fixes(&[("TRK-7", 7)]));
    }

    #[test]
    fn what_does_not_count() {
        for message in [
            "TRK-12 was fixed",        // the key comes first
            "prefixes TRK-12",         // not a word of its own
            "Fixes #12",               // bare numbers are not keys
            "Fixes JIRA-12",           // another tracker
            "Fixes TRK-12a",           // glued to other text
            "Fixes the bug in TRK-12", // text between keyword and key
            "Fixes, TRK-12",           // a comma right after the keyword
            "Fixes TRK-1. TRK-2",      // a list ends at anything but , and `and`
            "fixes-TRK-12",            // one word
            "Fixes TRK-",              // no number
        ] {
            let got = of(message);
            assert!(
                got.is_empty() || got == fixes(&[("TRK-1", 1)]),
                "{message}: {got:?}"
            );
        }
        assert_eq!(of("Fixes TRK-1. TRK-2"), fixes(&[("TRK-1", 1)]));
        // A key of this tracker whose number no ticket can have is still named (to warn).
        assert_eq!(
            of("Fixes TRK-0 and TRK-99999999999999999999"),
            [
                (Keyword::Fixes, "TRK-0".to_owned(), None),
                (Keyword::Fixes, "TRK-99999999999999999999".to_owned(), None),
            ]
        );
    }

    #[test]
    fn prefixes_without_a_dash_and_unicode_text() {
        let got: Vec<_> = mentions("Résolu: closes BUG7 — see bug8 ✓", "BUG")
            .into_iter()
            .map(|m| (m.keyword, m.number))
            .collect();
        assert_eq!(got, [(Keyword::Fixes, Some(7)), (Keyword::Refs, Some(8))]);
        // A word shorter than the prefix, or cut by it inside a character, matches nothing.
        assert!(mentions("fixes é TRé", "TRK-").is_empty());
    }
}
