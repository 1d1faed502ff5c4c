//! Search (R29): a query of `docs/search.md` ([`Query`]) run against the index, with the rules
//! the model leaves to its caller: who `me` is, the tracker's key prefix, which custom fields
//! exist and whether the viewer may see them, and the view rule of the support modes.

use crate::model::config::FieldType;
use crate::model::query::{PersonTerm, Query, SortKey, StateTerm};
use crate::model::{State, TrackerConfig};
use crate::store::{FieldIs, Filter, Order, Range, Snapshot, Words};
use crate::tracker::{Tracker, TrackerError};

/// Why a query that parses cannot run.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SearchError {
    /// `me` without a git identity.
    #[error("the query says `me`, but there is no git identity to say who that is")]
    NoIdentity,
    /// A `field:` or `sort:` naming a field the tracker does not have, or one the viewer may
    /// not see (the same message: a search never reveals a private field).
    #[error("unknown field {0:?} (fields you may search: {1})")]
    UnknownField(String, String),
    /// `sort:` on a field that is not listable.
    #[error("field {0:?} is not listable, so it is no sort key (git tracker config set fields.{0}.listable true)")]
    NotListable(String),
    /// A `key:` with another prefix than the tracker's.
    #[error("{0} is not a key of this tracker (its keys look like {1}12)")]
    OtherPrefix(String, String),
    /// `none` for a person other than the assignee.
    #[error("{0}:none means nothing: only the assignee can be nobody")]
    Nobody(&'static str),
}

impl Tracker {
    /// The index filter for `query`, under the snapshot's configuration. `default_states` is
    /// used when the query names no state.
    pub fn query_filter(
        &self,
        snap: &Snapshot,
        query: &Query,
        default_states: StateTerm,
    ) -> Result<Filter, TrackerError> {
        let config = &snap.config;
        let me = || {
            self.viewer()
                .email()
                .map(str::to_owned)
                .ok_or(SearchError::NoIdentity)
        };
        let person = |t: &PersonTerm, what: &'static str| -> Result<Option<String>, SearchError> {
            match t {
                PersonTerm::Me => me().map(Some),
                PersonTerm::Nobody if what == "assignee" => Ok(None),
                PersonTerm::Nobody => Err(SearchError::Nobody(what)),
                PersonTerm::Email(e) => Ok(Some(e.clone())),
            }
        };
        let mut filter = Filter {
            visible: self.visibility(config),
            limit: query.limit,
            contested: query.contested,
            blocked: query.blocked,
            blocking: query.blocking,
            labels: query.labels.iter().map(|l| l.to_lowercase()).collect(),
            ..Filter::default()
        };
        let states = query
            .states_given()
            .map_or_else(|| vec![default_states], <[_]>::to_vec);
        if !states.contains(&StateTerm::All) {
            let mut set: Vec<State> = states.iter().flat_map(|s| s.states()).collect();
            set.sort_by_key(|s| s.rank());
            set.dedup();
            filter.states = Some(set);
        }
        if !query.assignees.is_empty() {
            let group = query
                .assignees
                .iter()
                .map(|t| person(t, "assignee"))
                .collect::<Result<Vec<_>, _>>()?;
            filter.assignee.push(group);
        }
        for (terms, what, into) in [
            (&query.reporters, "reporter", &mut filter.reporter),
            (&query.watchers, "watcher", &mut filter.watcher),
        ] {
            if terms.is_empty() {
                continue;
            }
            let mut group = Vec::new();
            for t in terms {
                match person(t, what)? {
                    Some(e) => group.push(e),
                    None => return Err(SearchError::Nobody(what).into()),
                }
            }
            into.push(group);
        }
        if !query.keys.is_empty() {
            let group = query
                .keys
                .iter()
                .map(|k| {
                    k.numbers_in(&config.prefix).ok_or_else(|| {
                        SearchError::OtherPrefix(k.to_string(), config.prefix.clone())
                    })
                })
                .collect::<Result<_, _>>()?;
            filter.numbers.push(group);
        }
        let range = |t: &crate::model::query::DateTerm| {
            let (from, to) = t.bounds();
            Range {
                from: from.map(|d| d.timestamp()),
                to: to.map(|d| d.timestamp()),
            }
        };
        filter.created = query.created.iter().map(range).collect();
        filter.updated = query.updated.iter().map(range).collect();
        for f in &query.fields {
            let def = searchable(self, config, &f.name)?;
            filter.fields.push(FieldIs {
                name: f.name.clone(),
                value: f.value.clone(),
                multi: def == FieldType::MultiChoice,
            });
        }
        if !query.fingerprints.is_empty() {
            filter.fingerprints.push(query.fingerprints.clone());
        }
        filter.words = query
            .words
            .iter()
            .map(|w| Words {
                tokens: w.tokens.clone(),
                prefix: w.prefix,
                exclude: w.exclude,
            })
            .collect();
        if let Some(sort) = &query.sort {
            filter.descending = sort.descending;
            filter.order = Some(match &sort.key {
                SortKey::Key => Order::Key,
                SortKey::Created => Order::Created,
                SortKey::Updated => Order::Updated,
                SortKey::State => Order::State,
                SortKey::Assignee => Order::Assignee,
                SortKey::Priority => Order::Priority,
                SortKey::Field(name) => {
                    let kind = searchable(self, config, name)?;
                    if !config.fields.get(name).is_some_and(|d| d.listable) {
                        return Err(SearchError::NotListable(name.clone()).into());
                    }
                    Order::Field {
                        name: name.clone(),
                        numeric: kind == FieldType::Number,
                    }
                }
            });
        } else {
            // `list`'s order: newest first.
            filter.order = Some(Order::Created);
            filter.descending = true;
        }
        Ok(filter)
    }
}

/// The type of field `name`, if it exists and the viewer may see it (private fields only for
/// developers, resolvers and managers).
fn searchable(
    tracker: &Tracker,
    config: &TrackerConfig,
    name: &str,
) -> Result<FieldType, SearchError> {
    let sees_private = tracker.viewer().sees_private(config);
    let visible = |d: &crate::model::config::FieldDef| sees_private || !d.private;
    match config.fields.get(name).filter(|d| visible(d)) {
        Some(d) => Ok(d.kind),
        None => {
            let names: Vec<&str> = config
                .fields
                .iter()
                .filter(|(_, d)| visible(d))
                .map(|(n, _)| n.as_str())
                .collect();
            let known = if names.is_empty() {
                "none".to_owned()
            } else {
                names.join(", ")
            };
            Err(SearchError::UnknownField(name.to_owned(), known))
        }
    }
}
