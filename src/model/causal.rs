//! Who saw what: the causal order of a ticket's events, through their `parents`.
//!
//! Event A is an *ancestor* of event B when A is in B's `parents`, or an ancestor of one of
//! them (`docs/format.md`, "The fold", step 6). Listing every event's ancestors costs time
//! and memory quadratic in the number of events, which anyone with push access could make
//! every reader pay. The two questions the tool asks — does some other event that descends
//! from this one set a field (contested fields, R14), and what was the last state this event's
//! writer had seen (`verify`) — are answered here in one pass each over the strongly connected
//! components of the parent links: time and memory linear in the events plus their `parents`
//! entries.
//!
//! Files the tool writes have no cycles (a parent always has a smaller Lamport clock).
//! Hand-made files are read by the same definition, taken literally: a `parents` entry that
//! names no event of the list is skipped; an event that names itself, or lies on a cycle, is
//! its own ancestor, and the events of one cycle are ancestors of one another.

use std::collections::HashMap;

use crate::model::event::{Action, Event};
use crate::model::id::EventId;
use crate::model::state::State;
use crate::model::ticket::Ticket;

/// A set of bits one event carries through [`Graph::marks_of_other_descendants`].
pub(crate) trait Mark:
    Copy
    + Default
    + std::ops::BitOr<Output = Self>
    + std::ops::BitAnd<Output = Self>
    + std::ops::Not<Output = Self>
{
}

impl Mark for u8 {}
impl Mark for u64 {}

/// The parent links of a list of events, condensed into strongly connected components.
pub(crate) struct Graph {
    /// The parents of event `i` are `parents[parent_start[i]..parent_start[i + 1]]` (indices
    /// into the list; unknown ids and self-links left out).
    parent_start: Vec<usize>,
    parents: Vec<usize>,
    /// The component of each event. Components are numbered ancestors first: a parent in
    /// another component has a smaller number than its child's.
    comp: Vec<usize>,
    /// The events of component `c` are `members[comp_start[c]..comp_start[c + 1]]`.
    members: Vec<usize>,
    comp_start: Vec<usize>,
    /// Whether the events of each component are their own ancestors (a cycle or a self-link).
    cyclic: Vec<bool>,
}

impl Graph {
    /// The graph of `events`. When two events share an id, a parent link names the first.
    pub(crate) fn new(events: &[Event]) -> Self {
        let n = events.len();
        let mut index: HashMap<&EventId, usize> = HashMap::with_capacity(n);
        for (i, e) in events.iter().enumerate() {
            index.entry(&e.id).or_insert(i);
        }
        let mut parent_start = Vec::with_capacity(n + 1);
        let mut parents = Vec::new();
        let mut self_link = vec![false; n];
        parent_start.push(0);
        for (i, e) in events.iter().enumerate() {
            for p in &e.parents {
                match index.get(p) {
                    Some(&j) if j == i => self_link[i] = true,
                    Some(&j) => parents.push(j),
                    None => {}
                }
            }
            parent_start.push(parents.len());
        }

        // Tarjan's algorithm along the parent links, with an explicit stack (a hostile chain
        // of 10^5 events must not overflow the thread's). A component is complete once
        // every component it reaches — its ancestors — is, so ancestors get smaller numbers.
        const UNSEEN: usize = usize::MAX;
        let mut order = vec![UNSEEN; n];
        let mut low = vec![0; n];
        let mut on_stack = vec![false; n];
        let mut stack = Vec::new();
        let mut comp = vec![UNSEEN; n];
        let mut members = Vec::with_capacity(n);
        let mut comp_start = vec![0];
        let mut calls: Vec<(usize, usize)> = Vec::new();
        let mut next = 0;
        for root in 0..n {
            if order[root] != UNSEEN {
                continue;
            }
            order[root] = next;
            low[root] = next;
            next += 1;
            stack.push(root);
            on_stack[root] = true;
            calls.push((root, parent_start[root]));
            while let Some(top) = calls.last_mut() {
                let v = top.0;
                if top.1 < parent_start[v + 1] {
                    let w = parents[top.1];
                    top.1 += 1;
                    if order[w] == UNSEEN {
                        order[w] = next;
                        low[w] = next;
                        next += 1;
                        stack.push(w);
                        on_stack[w] = true;
                        calls.push((w, parent_start[w]));
                    } else if on_stack[w] {
                        low[v] = low[v].min(order[w]);
                    }
                    continue;
                }
                calls.pop();
                if let Some(&(u, _)) = calls.last() {
                    low[u] = low[u].min(low[v]);
                }
                if low[v] == order[v] {
                    let c = comp_start.len() - 1;
                    loop {
                        let w = stack.pop().expect("v and its component are on the stack");
                        on_stack[w] = false;
                        comp[w] = c;
                        members.push(w);
                        if w == v {
                            break;
                        }
                    }
                    comp_start.push(members.len());
                }
            }
        }
        let cyclic = comp_start
            .windows(2)
            .map(|r| r[1] - r[0] > 1 || self_link[members[r[0]]])
            .collect();
        Self {
            parent_start,
            parents,
            comp,
            members,
            comp_start,
            cyclic,
        }
    }

    fn parents_of(&self, i: usize) -> &[usize] {
        &self.parents[self.parent_start[i]..self.parent_start[i + 1]]
    }

    fn members_of(&self, c: usize) -> &[usize] {
        &self.members[self.comp_start[c]..self.comp_start[c + 1]]
    }

    fn components(&self) -> usize {
        self.comp_start.len() - 1
    }

    /// For each event `i`, the union of `marks[j]` over the events `j` other than `i` that
    /// descend from `i` (that have `i` as an ancestor). Marks are bit sets (`u8`, `u64`).
    pub(crate) fn marks_of_other_descendants<M: Mark>(&self, marks: &[M]) -> Vec<M> {
        let mut below = vec![M::default(); self.components()];
        let mut out = vec![M::default(); marks.len()];
        // Descendants first: a component's `below` is complete when its turn comes, as every
        // component that descends from it has a larger number and was visited before.
        for c in (0..self.components()).rev() {
            let members = self.members_of(c);
            // Bits set by at least one and by at least two of the component's events: in a
            // cycle, the others of the component descend from each event.
            let (mut once, mut twice) = (M::default(), M::default());
            for &m in members {
                twice = twice | (once & marks[m]);
                once = once | marks[m];
            }
            for &m in members {
                out[m] = below[c] | twice | (once & !marks[m]);
            }
            let up = below[c] | once;
            for &m in members {
                for &p in self.parents_of(m) {
                    if self.comp[p] != c {
                        below[self.comp[p]] = below[self.comp[p]] | up;
                    }
                }
            }
        }
        out
    }

    /// For each event `i`, the largest `keys[j]` over the ancestors `j` of `i` (`i` itself
    /// included when it is its own ancestor); `None` when no ancestor has a key.
    pub(crate) fn max_over_ancestors(&self, keys: &[Option<usize>]) -> Vec<Option<usize>> {
        let mut above: Vec<Option<usize>> = vec![None; self.components()];
        let mut own: Vec<Option<usize>> = vec![None; self.components()];
        let mut out = vec![None; keys.len()];
        // Ancestors first: every parent in another component has a smaller number.
        for c in 0..self.components() {
            let members = self.members_of(c);
            let mut a = None;
            for &m in members {
                own[c] = own[c].max(keys[m]);
                for &p in self.parents_of(m) {
                    let pc = self.comp[p];
                    if pc != c {
                        a = a.max(above[pc]).max(own[pc]);
                    }
                }
            }
            above[c] = a;
            let seen = if self.cyclic[c] { a.max(own[c]) } else { a };
            for &m in members {
                out[m] = seen;
            }
        }
        out
    }
}

/// For every event of the ticket (aligned with [`Ticket::events`]), the state its writer had
/// seen: the `to` of the last `state` event, in fold order, among its ancestors; `POSTED` when
/// there is none. `verify` compares it with each `state` event's `from` (from-mismatch).
///
/// Linear in the events and their `parents` entries.
pub fn states_seen(t: &Ticket) -> Vec<State> {
    states_seen_in(&t.events)
}

/// [`states_seen`] for events given in fold order.
pub fn states_seen_in(events: &[Event]) -> Vec<State> {
    let keys: Vec<Option<usize>> = events
        .iter()
        .enumerate()
        .map(|(i, e)| matches!(e.action, Action::State { .. }).then_some(i))
        .collect();
    Graph::new(events)
        .max_over_ancestors(&keys)
        .into_iter()
        .map(|last| match last.map(|i| &events[i].action) {
            Some(Action::State { to, .. }) => *to,
            _ => State::Posted,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use chrono::DateTime;
    use proptest::prelude::*;

    use super::*;
    use crate::model::id::TicketId;
    use crate::model::person::Person;
    use crate::model::ticket::fold_order;

    fn id(n: usize) -> EventId {
        EventId::from_random([u8::try_from(n).expect("small test lists"); 16])
    }

    fn event(n: usize, lamport: u64, parents: &[usize], to: Option<State>) -> Event {
        let action = match to {
            Some(to) => Action::State {
                from: State::Posted,
                to,
                message: String::new(),
                automatic: false,
            },
            None if n == 0 => Action::Create {
                number: 1,
                title: "t".into(),
                description: String::new(),
                assignee: None,
                watchers: vec![],
                fingerprint: None,
            },
            None => Action::Comment { body: "c".into() },
        };
        Event {
            commit: None,
            id: id(n),
            ticket: TicketId::from_random([0xaa; 16]),
            lamport,
            parents: parents.iter().map(|&p| id(p)).collect(),
            at: DateTime::from_timestamp(1_700_000_000, 0).expect("a valid time"),
            author: Person::new("Ann", "ann@example.com").expect("a valid person"),
            action,
        }
    }

    /// `verify`'s original, quadratic reading: walk the event's whole causal past, fold it.
    fn naive_state_seen(e: &Event, events: &[Event]) -> State {
        let by_id: HashMap<&EventId, &Event> = events.iter().map(|e| (&e.id, e)).collect();
        let mut past: Vec<&Event> = Vec::new();
        let mut todo: Vec<&EventId> = e.parents.iter().collect();
        let mut seen: HashSet<&EventId> = HashSet::new();
        while let Some(id) = todo.pop() {
            if !seen.insert(id) {
                continue;
            }
            if let Some(p) = by_id.get(id) {
                past.push(p);
                todo.extend(p.parents.iter());
            }
        }
        past.sort_by(|a, b| fold_order(a, b));
        let mut state = State::Posted;
        for p in past {
            if let Action::State { to, .. } = &p.action {
                state = *to;
            }
        }
        state
    }

    #[test]
    fn each_writer_saw_the_last_state_of_its_own_past() {
        // 0 create; 1 -> OPEN; then two clones: 2 -> RESOLVING and 3 -> WAITING, both after
        // 1; 4 (a comment) saw both; 5 -> TESTING saw only 2.
        let events = vec![
            event(0, 1, &[], None),
            event(1, 2, &[0], Some(State::Open)),
            event(2, 3, &[1], Some(State::Resolving)),
            event(3, 3, &[1], Some(State::Waiting)),
            event(4, 4, &[2, 3], None),
            event(5, 4, &[2], Some(State::Testing)),
        ];
        let seen = states_seen_in(&events);
        assert_eq!(
            seen,
            [
                State::Posted,
                State::Posted,
                State::Open,
                State::Open,
                // 3 comes after 2 in fold order (same clock, larger id).
                State::Waiting,
                State::Resolving,
            ]
        );
    }

    #[test]
    fn unknown_parents_self_links_and_cycles_are_read_literally() {
        // 1 names an unknown event and itself; 2 and 3 name each other.
        let mut e1 = event(1, 2, &[0, 1], Some(State::Open));
        e1.parents.push(id(99));
        let events = vec![
            event(0, 1, &[], None),
            e1,
            event(2, 3, &[0, 3], Some(State::Resolving)),
            event(3, 4, &[2], Some(State::Waiting)),
            event(4, 5, &[3], None),
        ];
        let seen = states_seen_in(&events);
        // 1 is its own ancestor; 2 and 3 are each other's and their own: the last of the
        // cycle in fold order is 3.
        assert_eq!(
            seen,
            [
                State::Posted,
                State::Open,
                State::Waiting,
                State::Waiting,
                State::Waiting
            ]
        );
        for e in &events {
            let i = events.iter().position(|x| x.id == e.id).expect("listed");
            assert_eq!(seen[i], naive_state_seen(e, &events), "event {i}");
        }
        // Marks: only another event of the cycle, or a real descendant, counts.
        let marks = [1u8, 2, 4, 8, 16];
        let g = Graph::new(&events);
        assert_eq!(
            g.marks_of_other_descendants(&marks),
            [2 | 4 | 8 | 16, 0, 8 | 16, 4 | 16, 0]
        );
    }

    #[test]
    fn a_long_chain_does_not_overflow_the_stack() {
        let n = 200_000;
        let events: Vec<Event> = (0..n)
            .map(|i| {
                let mut e = event(0, i + 1, &[], None);
                e.id = EventId::from_random(u128::from(i).to_be_bytes());
                if i > 0 {
                    e.parents = vec![EventId::from_random(u128::from(i - 1).to_be_bytes())];
                }
                e
            })
            .collect();
        let g = Graph::new(&events);
        let mut marks = vec![0u8; events.len()];
        marks[events.len() - 1] = 1;
        let below = g.marks_of_other_descendants(&marks);
        assert!(below[..events.len() - 1].iter().all(|&m| m == 1));
        assert_eq!(below[events.len() - 1], 0);
    }

    /// A parent link: an event of the list, or an id that names none.
    #[derive(Clone, Debug)]
    enum Link {
        Event(usize),
        Unknown(u8),
    }

    fn link() -> impl Strategy<Value = Link> {
        prop_oneof![
            6 => (0usize..64).prop_map(Link::Event),
            1 => (200u8..=255).prop_map(Link::Unknown),
        ]
    }

    proptest! {
        /// The linear pass agrees with the quadratic walk of each event's past, on DAGs (every
        /// link to an earlier event) and on arbitrary graphs with cycles, self-links and unknown
        /// parents.
        #[test]
        fn states_seen_agrees_with_the_naive_walk(
            spec in proptest::collection::vec(
                (1u64..6, proptest::option::of(proptest::sample::select(vec![State::Open, State::Resolving, State::Waiting])),
                 proptest::collection::vec(link(), 0..4)),
                0..24),
            dag in any::<bool>(),
        ) {
            let n = spec.len() + 1;
            let mut events = vec![event(0, 1, &[], None)];
            for (k, (lamport, to, links)) in spec.into_iter().enumerate() {
                let i = k + 1;
                let mut e = event(i, lamport, &[], to);
                e.parents = links.iter().map(|l| match l {
                    Link::Event(j) if dag => id(j % i),
                    Link::Event(j) => id(j % n),
                    Link::Unknown(b) => EventId::from_random([*b; 16]),
                }).collect();
                events.push(e);
            }
            let t = Ticket::fold(events).expect("one create event");
            let seen = states_seen(&t);
            prop_assert_eq!(seen.len(), t.events.len());
            for (e, s) in t.events.iter().zip(&seen) {
                prop_assert_eq!(*s, naive_state_seen(e, &t.events), "event {}", e.id);
            }
        }
    }
}
