//! Word folding (docs/search.md, "Words"): text to the lower-case, accent-free tokens that
//! searches compare.
//!
//! The rule is SQLite FTS5's `unicode61` tokenizer with `remove_diacritics 2`, written out so
//! that programs without SQLite (tests/reader/query.py) compute the same tokens:
//!
//! 1. A *word character* is an ASCII letter or digit, or a character of Unicode general
//!    category L* (letter), N* (number) or Co (private use). Tokens are maximal runs of word
//!    characters; the 25 combining marks of Latin decompositions ([`super::tables::LATIN_MARKS`])
//!    are dropped inside a token, and everything else separates tokens.
//! 2. Each character of a token is folded on its own: a few case variants map to their plain
//!    letter (`µ` to `μ`, `ſ` to `s`, `ς` to `σ`, …); otherwise it is lower-cased, and a
//!    lower-case letter whose canonical decomposition is an ASCII letter plus combining marks
//!    becomes that ASCII letter (`é` to `e`, `ǖ` to `u`), except `ǡ`.
//!
//! Pure: standard library plus the generated tables in `tables.rs`.

use super::tables::{LATIN_00C0, LATIN_1E00, LATIN_MARKS, NOT_WORD};

/// Case variants that FTS5 folds to another letter (Unicode's simple case folding) while
/// lower-casing leaves them alone.
const VARIANTS: [(char, char); 12] = [
    ('\u{00B5}', '\u{03BC}'), // µ micro sign → μ
    ('\u{017F}', 's'),        // ſ long s
    ('\u{03C2}', '\u{03C3}'), // ς final sigma → σ
    ('\u{03D0}', '\u{03B2}'), // ϐ → β
    ('\u{03D1}', '\u{03B8}'), // ϑ → θ
    ('\u{03D5}', '\u{03C6}'), // ϕ → φ
    ('\u{03D6}', '\u{03C0}'), // ϖ → π
    ('\u{03F0}', '\u{03BA}'), // ϰ → κ
    ('\u{03F1}', '\u{03C1}'), // ϱ → ρ
    ('\u{03F5}', '\u{03B5}'), // ϵ → ε
    ('\u{1FBE}', '\u{03B9}'), // ι prosgegrammeni → ι
    ('\u{1E9B}', 's'),        // ẛ long s with dot above
];

/// Splits `text` into search tokens: runs of letters and digits, lower-cased, with the
/// diacritics of Latin letters removed (`"Café-crash"` gives `["cafe", "crash"]`).
///
/// Linear in the length of `text`; every token is non-empty, and folding a token gives the
/// token back.
pub fn fold(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current: Option<String> = None;
    for c in text.chars() {
        if is_word_char(c) {
            push_folded(current.get_or_insert_with(String::new), c);
        } else if current.is_some() && is_latin_mark(c) {
            // A combining accent inside a word: dropped, the word goes on.
        } else if let Some(token) = current.take() {
            tokens.push(token);
        }
    }
    tokens.extend(current);
    tokens
}

/// Whether `c` belongs to a token (general category L*, N* or Co).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let private_use = matches!(
        u32::from(c),
        0xE000..=0xF8FF | 0xF_0000..=0xF_FFFD | 0x10_0000..=0x10_FFFD
    );
    private_use || (c.is_alphanumeric() && !in_ranges(&NOT_WORD, u32::from(c)))
}

fn in_ranges(ranges: &[(u32, u32)], cp: u32) -> bool {
    match ranges.binary_search_by(|&(lo, _)| lo.cmp(&cp)) {
        Ok(_) => true,
        Err(0) => false,
        Err(i) => cp <= ranges[i - 1].1,
    }
}

fn is_latin_mark(c: char) -> bool {
    LATIN_MARKS.binary_search(&u32::from(c)).is_ok()
}

/// The ASCII letter a Latin letter with diacritics comes down to.
fn latin_base(c: char) -> Option<char> {
    let cp = u32::from(c);
    let table: &[u8] = match cp {
        0xC0..=0x24F => &LATIN_00C0[..],
        0x1E00..=0x1EFF => &LATIN_1E00[..],
        _ => return None,
    };
    let start = if cp < 0x1E00 { 0xC0 } else { 0x1E00 };
    let base = *table.get(usize::try_from(cp - start).ok()?)?;
    (base != b'.').then_some(char::from(base))
}

fn push_folded(token: &mut String, c: char) {
    if let Some(&(_, v)) = VARIANTS.iter().find(|(from, _)| *from == c) {
        token.push(v);
        return;
    }
    // Only U+0130 (İ) lower-cases to two characters: `i` and a combining dot, dropped here.
    for l in c.to_lowercase() {
        if !is_latin_mark(l) {
            token.push(latin_base(l).unwrap_or(l));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> Vec<String> {
        fold(s)
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        assert_eq!(
            f("Save crash: v1.2-beta_3!"),
            ["save", "crash", "v1", "2", "beta", "3"]
        );
        assert_eq!(f("don't"), ["don", "t"]);
        assert!(f("").is_empty());
        assert!(f("  -- ** !? ").is_empty());
        // Numbers of every kind are word characters, symbols are not.
        assert_eq!(f("x²y ½ 3€ ©2026"), ["x²y", "½", "3", "2026"]);
        // Private use is a word character; a zero-width space is not.
        assert_eq!(f("a\u{E000}b c\u{200B}d"), ["a\u{E000}b", "c", "d"]);
    }

    #[test]
    fn case_and_latin_accents_are_folded() {
        assert_eq!(
            f("Café CRASHÉ Ǖber naïve"),
            ["cafe", "crashe", "uber", "naive"]
        );
        assert_eq!(
            f("Łódź Øre Straße ŒUVRE Ǆ"),
            ["łodz", "øre", "straße", "œuvre", "ǆ"]
        );
        // Decomposed accents are dropped inside a word and separate elsewhere.
        assert_eq!(f("e\u{301}te\u{301} \u{301}x"), ["ete", "x"]);
        // Other marks end the word, as in FTS5.
        assert_eq!(f("a\u{305}b"), ["a", "b"]);
        // Greek and Cyrillic letters keep their accents; case is folded.
        assert_eq!(f("ΆΛΦΑ Йод"), ["άλφα", "йод"]);
        assert_eq!(
            f("İstanbul ΣΟΦΟΣ σοφος µ"),
            ["istanbul", "σοφοσ", "σοφοσ", "μ"]
        );
        // FTS5 keeps ǡ.
        assert_eq!(f("Ǡǡ"), ["ǡǡ"]);
    }

    #[test]
    fn marks_and_symbols_that_rust_calls_alphabetic_separate() {
        // A Devanagari vowel sign and a Hebrew point are marks; Ⓐ is a symbol.
        assert_eq!(f("कि"), ["क"]);
        assert_eq!(f("שָׁלוֹם"), ["ש", "לו", "ם"]);
        assert_eq!(f("xⒶy"), ["x", "y"]);
        // CJK ideographs, kana and Hangul are letters; CJK text without spaces is one token.
        assert_eq!(f("漢字 かな 한글"), ["漢字", "かな", "한글"]);
    }

    proptest::proptest! {
        #[test]
        fn folding_a_token_gives_it_back(s in "\\PC{0,24}") {
            for token in fold(&s) {
                proptest::prop_assert!(!token.is_empty());
                proptest::prop_assert_eq!(fold(&token), vec![token.clone()]);
            }
        }
    }
}
