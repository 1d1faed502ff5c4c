//! Priorities (R25): fractional rank keys, the order they give, and who may change it.
//!
//! A ticket's priority is a **rank key**: a string of base-62 digits (`0`–`9`, `A`–`Z`,
//! `a`–`z`, in that order, which is also ASCII order) read as a fraction `0.d1d2d3…`, never
//! ending in `0`. Ranked tickets in progress are ordered by `(key, ticket id)`, comparing both
//! as byte strings; their **position** (1, 2, 3 …) is their place in that order. A move writes
//! one key, on the moved ticket only, chosen between the keys of its new neighbours, so that two
//! clones moving different tickets never renumber anything. `docs/format.md` ("Priorities") is
//! the contract.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::config::{Role, TrackerConfig};
use crate::model::id::TicketId;

/// The digits of a rank key, in ascending order.
pub const DIGITS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// The longest rank key a file may hold (characters).
pub const MAX_RANK_CHARS: usize = 1024;

/// The key given to the first ticket ranked where none is: `V`.
const FIRST: u8 = 31;

/// The head digit of the first keys below [`FIRST`] made by moves to the top: `U`.
const LOW_HEAD: u8 = FIRST - 1;

/// The head digit of the first keys above [`FIRST`] made by moves to the bottom: `W`.
const HIGH_HEAD: u8 = FIRST + 1;

/// Adds one to a base-62 integer in place; `false` when it overflows its length.
fn increment(int: &mut [u8]) -> bool {
    for d in int.iter_mut().rev() {
        if *d < 61 {
            *d += 1;
            return true;
        }
        *d = 0;
    }
    false
}

/// Subtracts one from a base-62 integer in place; `false` when it was zero.
fn decrement(int: &mut [u8]) -> bool {
    if int.iter().all(|d| *d == 0) {
        return false;
    }
    for d in int.iter_mut().rev() {
        if *d > 0 {
            *d -= 1;
            return true;
        }
        *d = 61;
    }
    true
}

/// A rank key: 1 to [`MAX_RANK_CHARS`] base-62 digits, not ending in `0`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rank(String);

/// Why a string is not a rank key, or why no key can be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RankError {
    /// Not a key at all.
    #[error(
        "rank {0:?} is not a rank key: 1 to 1024 characters among 0-9, A-Z, a-z, not ending in 0"
    )]
    Malformed(String),
    /// The key between two neighbours would be longer than the format allows.
    #[error(
        "no rank key of at most {MAX_RANK_CHARS} characters fits between the neighbours' keys \
         ({len} characters would be needed)"
    )]
    TooLong {
        /// How long it would be.
        len: usize,
    },
}

fn value(c: u8) -> Option<u8> {
    DIGITS.iter().position(|d| *d == c).map(|p| p as u8)
}

impl Rank {
    /// Reads a key, checking the rules above.
    pub fn parse(s: &str) -> Result<Self, RankError> {
        let ok = !s.is_empty()
            && s.len() <= MAX_RANK_CHARS
            && s.bytes().all(|c| value(c).is_some())
            && !s.ends_with('0');
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            let mut shown: String = s.chars().take(40).collect();
            if shown.len() < s.len() {
                shown.push('…');
            }
            Err(RankError::Malformed(shown))
        }
    }

    /// The key's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn digits(&self) -> Vec<u8> {
        self.0.bytes().filter_map(value).collect()
    }

    fn from_digits(d: &[u8]) -> Result<Self, RankError> {
        if d.len() > MAX_RANK_CHARS {
            return Err(RankError::TooLong { len: d.len() });
        }
        let s: String = d.iter().map(|v| DIGITS[usize::from(*v)] as char).collect();
        Self::parse(&s)
    }

    /// The key of the first ticket ranked where none is.
    pub fn first() -> Self {
        Self((DIGITS[usize::from(FIRST)] as char).to_string())
    }

    /// A key before `b` (for a move to the top). Keys made this way are integers counting
    /// down, after a head digit that gives their length: `U` then one digit (`Uz` … `U1`),
    /// `T` then two (`Tzz` … `T01`), down to `1` then thirty; so moving tickets to the top
    /// again and again makes keys that grow like the logarithm of the number of moves
    /// (10 000 moves: 4 characters). Past that range (a key starting with `0`), the shortest
    /// key below `b` of the largest at each length.
    pub fn before(b: &Self) -> Result<Self, RankError> {
        let d = b.digits();
        let head = d[0];
        if head > LOW_HEAD {
            return Self::from_digits(&[LOW_HEAD, 61]);
        }
        if head == 0 {
            return Self::shortest_before(&d);
        }
        let n = usize::from(FIRST - head);
        let mut int: Vec<u8> = (0..n).map(|i| d.get(1 + i).copied().unwrap_or(0)).collect();
        // `b` is larger than its head and integer alone when it has more digits.
        let longer = d.len() > 1 + n;
        if !(longer && int.last().is_some_and(|l| *l != 0)) {
            loop {
                if !decrement(&mut int) {
                    if head == 1 {
                        return Self::shortest_before(&d);
                    }
                    let mut next = vec![head - 1];
                    next.resize(n + 2, 61);
                    return Self::from_digits(&next);
                }
                if int.last().is_some_and(|l| *l != 0) {
                    break;
                }
            }
        }
        let mut key = vec![head];
        key.extend(int);
        Self::from_digits(&key)
    }

    /// The shortest of the largest keys of each length that are below `b`.
    fn shortest_before(b: &[u8]) -> Result<Self, RankError> {
        for len in 1..=b.len() + 1 {
            let mut cand: Vec<u8> = if len < b.len() {
                b[..len].to_vec()
            } else {
                let mut c = b.to_vec();
                let last = c.len() - 1;
                // A key never ends in 0, so its last digit can be lowered.
                c[last] -= 1;
                c.resize(len, 61);
                c
            };
            while cand.last() == Some(&0) {
                cand.pop();
            }
            if !cand.is_empty() && cand.as_slice() < b {
                return Self::from_digits(&cand);
            }
        }
        Err(RankError::TooLong { len: b.len() + 1 })
    }

    /// A key after `a` (for a move to the bottom). Keys made this way are integers counting
    /// up, after a head digit that gives their length: `W` then one digit (`W1` … `Wz`), `X`
    /// then two (`X11` …), up to `z` then thirty; so moving tickets to the bottom again and
    /// again (or filing each with `new --priority bottom`) makes keys that grow like the
    /// logarithm of the number of moves (10 000 moves: 4 characters).
    pub fn after(a: &Self) -> Result<Self, RankError> {
        let d = a.digits();
        let head = d[0];
        if head < HIGH_HEAD {
            return Self::from_digits(&[HIGH_HEAD, 1]);
        }
        let n = usize::from(head - FIRST);
        let mut int: Vec<u8> = (0..n).map(|i| d.get(1 + i).copied().unwrap_or(0)).collect();
        loop {
            if !increment(&mut int) {
                if head == 61 {
                    return Self::shortest_after(&d);
                }
                let mut next = vec![head + 1];
                next.resize(n + 2, 1);
                return Self::from_digits(&next);
            }
            if int.last().is_some_and(|l| *l != 0) {
                break;
            }
        }
        let mut key = vec![head];
        key.extend(int);
        Self::from_digits(&key)
    }

    /// `a` cut after its first digit that can be raised, raised by one.
    fn shortest_after(a: &[u8]) -> Result<Self, RankError> {
        let mut cand = Vec::with_capacity(a.len() + 1);
        for len in 1..=a.len() + 1 {
            let d = a.get(len - 1).copied().unwrap_or(0);
            if d < 61 {
                cand.extend_from_slice(&a[..len - 1]);
                cand.push(d + 1);
                return Self::from_digits(&cand);
            }
        }
        Err(RankError::TooLong { len: a.len() + 1 })
    }

    /// The key halfway between `a` and `b` (`a < b`), as short as can be: moving tickets
    /// into one gap again and again adds a character every 6 moves or so, whichever side of
    /// the gap they go to (1 000 moves into one gap make a key of about 200 characters).
    pub fn between(a: &Self, b: &Self) -> Result<Self, RankError> {
        debug_assert!(a < b, "between needs a < b");
        Self::from_digits(&midpoint(&a.digits(), Some(&b.digits())))
    }
}

/// The digits of a fraction strictly between `a` and `b` (`None`: 1), both without trailing
/// zeros and `a < b`; `a` may be empty (0).
fn midpoint(a: &[u8], b: Option<&[u8]>) -> Vec<u8> {
    if let Some(b) = b {
        // The common prefix (with `a` padded with zeros) is kept.
        let n = b
            .iter()
            .enumerate()
            .take_while(|(i, d)| a.get(*i).copied().unwrap_or(0) == **d)
            .count();
        if n > 0 {
            let mut out = b[..n].to_vec();
            out.extend(midpoint(a.get(n..).unwrap_or(&[]), Some(&b[n..])));
            return out;
        }
    }
    let da = u32::from(a.first().copied().unwrap_or(0));
    let db = b.map_or(62, |b| u32::from(b.first().copied().unwrap_or(0)));
    if db > da + 1 {
        vec![((da + db).div_ceil(2)) as u8]
    } else if let Some(b) = b.filter(|b| b.len() > 1) {
        vec![b[0]]
    } else {
        let mut out = vec![da as u8];
        out.extend(midpoint(a.get(1..).unwrap_or(&[]), None));
        out
    }
}

impl fmt::Display for Rank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Rank {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Rank {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A ranked ticket as the order sees it.
pub type Ranked = (Rank, TicketId);

/// The key that puts ticket `me` between `lo` and `hi` (either may be absent: the top, the
/// bottom) in the order `(key, id)`. `None` when `lo` and `hi` share a key and `me`'s id does
/// not fall between theirs: then no key puts it there (the caller widens the gap).
pub fn key_between(
    lo: Option<&Ranked>,
    hi: Option<&Ranked>,
    me: &TicketId,
) -> Option<Result<Rank, RankError>> {
    Some(match (lo, hi) {
        (None, None) => Ok(Rank::first()),
        (None, Some((h, _))) => Rank::before(h),
        (Some((l, _)), None) => Rank::after(l),
        (Some((l, lid)), Some((h, hid))) => {
            if l < h {
                Rank::between(l, h)
            } else if lid < me && me < hid {
                Ok(l.clone())
            } else {
                return None;
            }
        }
    })
}

/// Positions 1, 2, 3 … of the ranked tickets in progress given, in the order `(key, id)`.
pub fn positions<'a>(
    ranked: impl IntoIterator<Item = (&'a Rank, &'a TicketId)>,
) -> std::collections::HashMap<TicketId, u64> {
    let mut all: Vec<(&Rank, &TicketId)> = ranked.into_iter().collect();
    all.sort();
    all.into_iter()
        .zip(1u64..)
        .map(|((_, id), p)| (id.clone(), p))
        .collect()
}

/// The roles that may move priorities and decide raise requests in strict mode when the
/// configuration does not say (`priority_roles`): managers.
pub const DEFAULT_PRIORITY_ROLES: [Role; 1] = [Role::Manager];

/// Whether `email` may move priorities and decide raise requests (R25): in relaxed mode
/// anyone may; in strict mode the members of the roles in `priority_roles` (default: the
/// managers).
pub fn may_rank(config: &TrackerConfig, email: &str) -> Result<(), String> {
    if !config.strict {
        return Ok(());
    }
    let roles = config.roles_of(email);
    if config.priority_roles().iter().any(|r| roles.contains(r)) {
        return Ok(());
    }
    let allowed: Vec<&str> = config.priority_roles().iter().map(|r| r.name()).collect();
    Err(format!(
        "strict mode: only {} may move priorities or decide raise requests (priority_roles), \
         and {email} is not one",
        plural_roles(&allowed)
    ))
}

fn plural_roles(names: &[&str]) -> String {
    let plural: Vec<String> = names.iter().map(|n| format!("{n}s")).collect();
    match plural.as_slice() {
        [] => "nobody".to_owned(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The priority bands of `report delays`: positions 1–10, 11–50, 51 and beyond, and tickets
/// that were not ranked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// Positions 1 to 10.
    Top,
    /// Positions 11 to 50.
    High,
    /// Positions 51 and beyond.
    Rest,
    /// Not ranked.
    Unranked,
}

impl Band {
    /// The band of a position (`None`: not ranked).
    pub fn of(position: Option<u64>) -> Self {
        match position {
            Some(1..=10) => Self::Top,
            Some(11..=50) => Self::High,
            Some(_) => Self::Rest,
            None => Self::Unranked,
        }
    }

    /// Its label in tables and JSON.
    pub fn label(self) -> &'static str {
        match self {
            Self::Top => "1-10",
            Self::High => "11-50",
            Self::Rest => "51+",
            Self::Unranked => "unranked",
        }
    }

    /// Its first position (`None` for the unranked).
    pub fn first(self) -> Option<u64> {
        match self {
            Self::Top => Some(1),
            Self::High => Some(11),
            Self::Rest => Some(51),
            Self::Unranked => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn r(s: &str) -> Rank {
        Rank::parse(s).unwrap()
    }

    #[test]
    fn keys_are_base62_without_a_trailing_zero() {
        for ok in ["1", "V", "z", "0z", "a1", "zzzz"] {
            assert_eq!(r(ok).as_str(), ok);
        }
        for bad in ["", "0", "a0", "a-b", "é", " V", "V\n", &"z".repeat(1025)] {
            assert!(Rank::parse(bad).is_err(), "{bad:?}");
        }
        assert!(Rank::parse(&"z".repeat(1024)).is_ok());
        let err = Rank::parse("a0").unwrap_err().to_string();
        assert!(
            err.contains("\"a0\"") && err.contains("not ending in 0"),
            "{err}"
        );
    }

    #[test]
    fn top_bottom_and_between_give_the_expected_short_keys() {
        assert_eq!(Rank::first().as_str(), "V");
        // To the top: U then one digit counting down, T then two, …
        assert_eq!(Rank::before(&r("V")).unwrap().as_str(), "Uz");
        assert_eq!(Rank::before(&r("Uz")).unwrap().as_str(), "Uy");
        assert_eq!(Rank::before(&r("U1")).unwrap().as_str(), "Tzz");
        assert_eq!(Rank::before(&r("T11")).unwrap().as_str(), "T0z");
        assert_eq!(Rank::before(&r("T1")).unwrap().as_str(), "T0z");
        assert_eq!(Rank::before(&r("T015")).unwrap().as_str(), "T01");
        assert_eq!(Rank::before(&r("az")).unwrap().as_str(), "Uz");
        // Below the scheme's range: the shortest key below.
        assert_eq!(Rank::before(&r("1")).unwrap().as_str(), "0z");
        assert_eq!(Rank::before(&r("01")).unwrap().as_str(), "00z");
        // To the bottom: W then one digit counting up, X then two, …
        assert_eq!(Rank::after(&r("V")).unwrap().as_str(), "W1");
        assert_eq!(Rank::after(&r("W9")).unwrap().as_str(), "WA");
        assert_eq!(Rank::after(&r("Wz")).unwrap().as_str(), "X11");
        assert_eq!(Rank::after(&r("Xzz")).unwrap().as_str(), "Y111");
        assert_eq!(Rank::after(&r("X1z")).unwrap().as_str(), "X21");
        assert_eq!(Rank::after(&r("a5x")).unwrap().as_str(), "a5x001");
        assert_eq!(Rank::after(&r("5")).unwrap().as_str(), "W1");
        assert_eq!(Rank::between(&r("a"), &r("c")).unwrap().as_str(), "b");
        assert_eq!(Rank::between(&r("a"), &r("b")).unwrap().as_str(), "aV");
        assert_eq!(Rank::between(&r("V"), &r("V1")).unwrap().as_str(), "V0V");
    }

    #[test]
    fn a_tie_is_broken_by_id_or_refused() {
        let id = |n: u8| TicketId::from_random([n; 16]);
        let (lo, hi) = ((r("V"), id(1)), (r("V"), id(5)));
        assert_eq!(key_between(Some(&lo), Some(&hi), &id(3)), Some(Ok(r("V"))));
        assert_eq!(key_between(Some(&lo), Some(&hi), &id(7)), None);
        assert_eq!(key_between(None, None, &id(7)), Some(Ok(r("V"))));
    }

    #[test]
    fn repeated_moves_grow_keys_slowly() {
        // 1 000 moves to the top, to the bottom, and into one gap from either side.
        let mut top = Rank::first();
        let mut bottom = Rank::first();
        for _ in 0..1000 {
            top = Rank::before(&top).unwrap();
            bottom = Rank::after(&bottom).unwrap();
        }
        assert!(top.as_str().len() <= 3, "{top}");
        assert!(bottom.as_str().len() <= 3, "{bottom}");
        for _ in 0..9000 {
            top = Rank::before(&top).unwrap();
            bottom = Rank::after(&bottom).unwrap();
        }
        assert!(top.as_str().len() <= 4, "{top}");
        assert!(bottom.as_str().len() <= 4, "{bottom}");
        let (lo, hi) = (r("a"), r("b"));
        let (mut left, mut right) = (hi.clone(), lo.clone());
        for _ in 0..1000 {
            left = Rank::between(&lo, &left).unwrap();
            right = Rank::between(&right, &hi).unwrap();
        }
        assert!(left.as_str().len() <= 210, "{}", left.as_str().len());
        assert!(right.as_str().len() <= 210, "{}", right.as_str().len());
        // Over the limit, a move is refused rather than writing a key no reader accepts.
        let long = r(&format!("{}1", "0".repeat(1023)));
        assert!(matches!(
            Rank::before(&long),
            Err(RankError::TooLong { .. })
        ));
        let long = r(&"z".repeat(1024));
        assert!(matches!(Rank::after(&long), Err(RankError::TooLong { .. })));
    }

    #[test]
    fn positions_follow_key_then_id() {
        let id = |n: u8| TicketId::from_random([n; 16]);
        let keys = [(r("b"), id(1)), (r("a"), id(9)), (r("a"), id(2))];
        let pos = positions(keys.iter().map(|(k, i)| (k, i)));
        assert_eq!(pos[&id(2)], 1);
        assert_eq!(pos[&id(9)], 2);
        assert_eq!(pos[&id(1)], 3);
    }

    #[test]
    fn bands_cut_at_10_and_50() {
        assert_eq!(Band::of(Some(1)), Band::Top);
        assert_eq!(Band::of(Some(10)), Band::Top);
        assert_eq!(Band::of(Some(11)), Band::High);
        assert_eq!(Band::of(Some(50)), Band::High);
        assert_eq!(Band::of(Some(51)), Band::Rest);
        assert_eq!(Band::of(None), Band::Unranked);
    }

    fn key() -> impl Strategy<Value = Rank> {
        "[0-9A-Za-z]{0,6}[1-9A-Za-z]".prop_map(|s| Rank::parse(&s).unwrap())
    }

    proptest! {
        #[test]
        fn new_keys_fall_where_they_are_asked(a in key(), b in key()) {
            let before = Rank::before(&a).unwrap();
            prop_assert!(before < a);
            let after = Rank::after(&a).unwrap();
            prop_assert!(after > a);
            if a != b {
                let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                let mid = Rank::between(&lo, &hi).unwrap();
                prop_assert!(lo < mid && mid < hi, "{} < {} < {}", lo, mid, hi);
            }
        }
    }
}
