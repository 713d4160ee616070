//! The servers as every server picker offers them (`ui::combobox`): each
//! server's group, its name with its count or why it cannot take a snapshot
//! beside it, its number, hostname and IP below, found by
//! `domain::server_search`'s one rule. Beside `dialog_request.rs`, so that
//! the toolbar and both create dialogs build on it.

use crate::domain::hidden::written_out;
use crate::domain::model::{ServerDetails, ServerRef};
use crate::domain::server_search::server_found;
use crate::domain::validation::SNAPSHOTS_PER_SERVER;
use crate::i18n::{I18n, Key, Msg};
use crate::snapshots::store::SnapshotStore;
use crate::ui::combobox::Choice;
use leptos::prelude::*;
use std::collections::HashMap;

/// What a server picker finds a server by.
#[derive(Clone, Debug, PartialEq)]
pub struct ServerFacts {
    server: ServerRef,
    details: Option<ServerDetails>,
}

/// A server as an option of a picker.
pub type ServerOption = Choice<ServerFacts>;

/// What a picker is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// Filtering the list: "All servers" first, every server choosable.
    Filter,
    /// A snapshot: a full server, or one being restored, is listed with the
    /// reason but cannot be chosen.
    Create,
}

/// Every server's section as picker options, each with its count, or that
/// it is full or being restored (tracked; worked out only once read, i.e.
/// once a picker is opened). The server filter offers every row read so far
/// while the account loads; a snapshot is taken only of a server read whole.
pub fn server_options(
    store: SnapshotStore,
    i18n: I18n,
    purpose: PickFor,
) -> Memo<Vec<ServerOption>> {
    Memo::new(move |_| {
        let details = details_by_id(store);
        let limit = SNAPSHOTS_PER_SERVER;
        // A few notes for ten thousand servers: each worded once.
        let counts: Vec<String> = (0..limit)
            .map(|count| i18n.msg(&Msg::create_many_count(count, limit)))
            .collect();
        let restoring = i18n.t(Key::ServerNoteRestoring);
        let mut options = Vec::new();
        if purpose == PickFor::Filter {
            options.push(all_servers(i18n.t(Key::AllServers)));
        }
        store.locks().with(|locks| {
            store.with_sections(purpose == PickFor::Filter, |groups| {
                options.extend(groups.iter().map(|g| {
                    let (locked, full) = (locks.is_locked(g.server.id), g.is_full());
                    let note = match counts.get(g.total) {
                        _ if locked => restoring.clone(),
                        Some(note) if !full => note.clone(),
                        _ => i18n.msg(&Msg::server_note_full(g.total, limit)),
                    };
                    let disabled = purpose == PickFor::Create && (full || locked);
                    server_option(&g.server, details.get(&g.server.id), note, disabled)
                }))
            })
        });
        options
    })
}

/// The pickers' match function: name, number, hostname or IP.
pub fn facts_found(query: &str, facts: &ServerFacts) -> bool {
    server_found(query, &facts.server, facts.details.as_ref())
}

/// The Servers API's details of each server, by id (tracked); empty while it
/// has not answered.
fn details_by_id(store: SnapshotStore) -> HashMap<u64, ServerDetails> {
    store.servers().with(|servers| {
        servers
            .iter()
            .flatten()
            .map(|s| (s.id, s.details.clone()))
            .collect()
    })
}

/// `server` as an option, with its `details` below it and `note` beside it.
/// Names and hostnames are written out: hidden characters show, and cannot
/// reorder what surrounds them.
fn server_option(
    server: &ServerRef,
    details: Option<&ServerDetails>,
    note: String,
    disabled: bool,
) -> ServerOption {
    let mut secondary = format!("#{}", server.id);
    for part in details
        .iter()
        .flat_map(|d| [&d.hostname, &d.ip_address])
        .filter(|part| !part.is_empty())
    {
        secondary.push_str(" · ");
        secondary.push_str(&written_out(part));
    }
    Choice {
        id: Some(server.id),
        label: written_out(&server.name).into_owned(),
        secondary,
        note,
        disabled,
        data: ServerFacts {
            server: server.clone(),
            details: details.cloned(),
        },
    }
}

/// The option that is no server ("All servers"): found only while nothing
/// is typed.
fn all_servers(label: String) -> ServerOption {
    Choice {
        id: None,
        label,
        secondary: String::new(),
        note: String::new(),
        disabled: false,
        data: ServerFacts {
            server: ServerRef {
                id: 0,
                name: "".into(),
            },
            details: None,
        },
    }
}

/// What a picker's field shows for a chosen server: its name written out,
/// and its number, which tells apart two servers of the same name.
pub fn shown_server(name: &str, id: u64) -> String {
    format!("{} (#{id})", written_out(name))
}
