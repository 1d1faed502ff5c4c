//! Sets kept by add and remove events — a ticket's dependencies and labels — merged across
//! clones with one rule: **an add wins over a remove that did not see it** (`docs/format.md`,
//! "The fold", step 8).
//!
//! A remove of an element takes away the adds of that element that are its ancestors
//! (through `parents`, as for contested fields): the adds its writer had seen. The element
//! is in the set when at least one of its adds is the ancestor of none of its removes. So an
//! add made concurrently in another clone survives a remove, and every clone computes the
//! same set whatever the order it received the events in. This is an observed-remove set
//! (OR-set).
//!
//! Cost: one pass over the events, plus, only for the elements that are both added and
//! removed, one pass of `Graph::marks_of_other_descendants` per 64 of them.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::causal::Graph;
use crate::model::event::{Action, Event};

/// The elements in the set after `events` (in fold order), where `touches(action)` lists
/// the elements an action adds (`true`) or removes (`false`).
pub(crate) fn add_wins<K, F>(events: &[Event], touches: F) -> BTreeSet<K>
where
    K: Ord + Clone,
    F: Fn(&Action) -> Vec<(K, bool)>,
{
    // Each element's touchers: (event index, adds).
    let mut by_element: BTreeMap<K, Vec<(usize, bool)>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        for (k, add) in touches(&e.action) {
            by_element.entry(k).or_default().push((i, add));
        }
    }
    let mut out = BTreeSet::new();
    let mut contended: Vec<(K, Vec<(usize, bool)>)> = Vec::new();
    for (k, touchers) in by_element {
        let adds = touchers.iter().any(|(_, a)| *a);
        let removes = touchers.iter().any(|(_, a)| !*a);
        match (adds, removes) {
            (true, false) => {
                out.insert(k);
            }
            (true, true) => contended.push((k, touchers)),
            _ => {}
        }
    }
    if contended.is_empty() {
        return out;
    }
    let graph = Graph::new(events);
    for batch in contended.chunks(64) {
        // Only the removes are marked: an add is taken away when a remove of its element
        // descends from it.
        let mut marks = vec![0u64; events.len()];
        for (bit, (_, touchers)) in batch.iter().enumerate() {
            for (i, _) in touchers.iter().filter(|(_, add)| !*add) {
                marks[*i] |= 1 << bit;
            }
        }
        let below = graph.marks_of_other_descendants(&marks);
        for (bit, (k, touchers)) in batch.iter().enumerate() {
            let kept = touchers
                .iter()
                .any(|(i, add)| *add && below[*i] & (1 << bit) == 0);
            if kept {
                out.insert(k.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use chrono::DateTime;
    use proptest::prelude::*;

    use super::*;
    use crate::model::id::{EventId, TicketId};
    use crate::model::person::Person;

    fn id(n: usize) -> EventId {
        EventId::from_random([u8::try_from(n).expect("small test lists"); 16])
    }

    fn on(n: u8) -> TicketId {
        TicketId::from_random([0x80 + n; 16])
    }

    fn event(n: usize, parents: &[usize], action: Action) -> Event {
        Event {
            id: id(n),
            ticket: TicketId::from_random([0xaa; 16]),
            lamport: n as u64 + 1,
            parents: parents.iter().map(|&p| id(p)).collect(),
            at: DateTime::from_timestamp(1_700_000_000, 0).expect("a valid time"),
            author: Person::new("Ann", "ann@example.com").expect("a valid person"),
            action,
            commit: None,
        }
    }

    fn deps(a: &Action) -> Vec<(TicketId, bool)> {
        match a {
            Action::Depend { on } => vec![(on.clone(), true)],
            Action::Undepend { on } => vec![(on.clone(), false)],
            _ => Vec::new(),
        }
    }

    fn dep(n: u8) -> Action {
        Action::Depend { on: on(n) }
    }

    fn undep(n: u8) -> Action {
        Action::Undepend { on: on(n) }
    }

    fn comment() -> Action {
        Action::Comment { body: "c".into() }
    }

    #[test]
    fn a_remove_takes_away_what_its_writer_saw_and_a_concurrent_add_survives() {
        // 0: root; 1: +A; 2 (saw 1): -A  => A gone.
        let seq = [
            event(0, &[], comment()),
            event(1, &[0], dep(1)),
            event(2, &[1], undep(1)),
        ];
        assert!(add_wins(&seq, deps).is_empty());
        // Clone 1: +A (1) then -A (2); clone 2, concurrently: +A (3). The add of clone 2 was
        // not seen by the remove: A stays.
        let concurrent = [
            event(0, &[], comment()),
            event(1, &[0], dep(1)),
            event(2, &[1], undep(1)),
            event(3, &[0], dep(1)),
        ];
        assert_eq!(add_wins(&concurrent, deps), BTreeSet::from([on(1)]));
        // A later remove that saw both takes it away.
        let settled = [
            event(0, &[], comment()),
            event(1, &[0], dep(1)),
            event(2, &[1], undep(1)),
            event(3, &[0], dep(1)),
            event(4, &[2, 3], undep(1)),
        ];
        assert!(add_wins(&settled, deps).is_empty());
        // A remove of something never added, and other elements, change nothing.
        let others = [
            event(0, &[], comment()),
            event(1, &[0], undep(2)),
            event(2, &[1], dep(3)),
        ];
        assert_eq!(add_wins(&others, deps), BTreeSet::from([on(3)]));
    }

    /// The definition read literally: an add is taken away when a remove of its element has
    /// it among its ancestors (found by walking `parents`).
    fn naive(events: &[Event]) -> BTreeSet<TicketId> {
        let mut index: HashMap<&EventId, usize> = HashMap::new();
        for (i, e) in events.iter().enumerate() {
            index.entry(&e.id).or_insert(i);
        }
        let ancestors: Vec<HashSet<usize>> = events
            .iter()
            .map(|e| {
                let mut seen = HashSet::new();
                let mut todo: Vec<&EventId> = e.parents.iter().collect();
                while let Some(p) = todo.pop() {
                    if let Some(&j) = index.get(p) {
                        if seen.insert(j) {
                            todo.extend(&events[j].parents);
                        }
                    }
                }
                seen
            })
            .collect();
        let mut out = BTreeSet::new();
        for n in 0..4 {
            let k = on(n);
            let touchers: Vec<(usize, bool)> = events
                .iter()
                .enumerate()
                .flat_map(|(i, e)| {
                    deps(&e.action)
                        .into_iter()
                        .filter(|(t, _)| *t == k)
                        .map(move |(_, a)| (i, a))
                })
                .collect();
            let present = touchers.iter().any(|&(i, add)| {
                add && !touchers
                    .iter()
                    .any(|&(j, remove)| !remove && j != i && ancestors[j].contains(&i))
            });
            if present {
                out.insert(k);
            }
        }
        out
    }

    proptest! {
        /// The batched pass agrees with the literal definition, on DAGs and on graphs with
        /// cycles and unknown parents.
        #[test]
        fn add_wins_agrees_with_the_definition(
            spec in proptest::collection::vec(
                (0u8..3, 0u8..4, proptest::collection::vec(0usize..40, 0..3)),
                0..24),
            dag in any::<bool>(),
        ) {
            let n = spec.len() + 1;
            let mut events = vec![event(0, &[], comment())];
            for (k, (what, target, links)) in spec.into_iter().enumerate() {
                let i = k + 1;
                let action = match what {
                    0 => dep(target),
                    1 => undep(target),
                    _ => comment(),
                };
                let parents: Vec<usize> = links
                    .iter()
                    .map(|l| if dag { l % i } else { l % (n + 2) })
                    .collect();
                events.push(event(i, &parents, action));
            }
            prop_assert_eq!(add_wins(&events, deps), naive(&events));
        }
    }
}
