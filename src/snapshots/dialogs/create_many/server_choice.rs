//! One server in the list of the several-servers dialog.

use crate::domain::grouping::ServerGroup;
use crate::domain::hidden::{has_hidden, written_out};
use crate::domain::model::ServerStatus;
use crate::domain::validation::SNAPSHOTS_PER_SERVER;
use crate::i18n::{server_state_msg, use_i18n, Key, Msg};
use crate::snapshots::dialogs::make_room::{room_candidate, RoomChoice};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// One server as a labelled checkbox, with its count and state beside it; a
/// full server is listed but cannot be chosen, and may offer to make room; a
/// server being restored (`locked`) is listed but offers nothing.
#[component]
pub fn ServerChoice(
    group: ServerGroup,
    locked: bool,
    chosen: RwSignal<BTreeSet<u64>>,
    room_chosen: RwSignal<BTreeSet<u64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = group.server.id;
    let (box_id, note_id) = (
        format!("many-server-{id}"),
        format!("many-server-{id}-note"),
    );
    let full = group.is_full();
    let running = group.status == Some(ServerStatus::Active);
    let state = group.status.clone();
    let room = (full && !locked).then(|| room_candidate(&group)).flatten();
    let server = group.server.name.to_string();
    let hidden = has_hidden(&server);
    let note = if locked {
        Some(Key::CreateManyRestoring)
    } else if full {
        Some(Key::CreateManyFull)
    } else if running {
        Some(Key::CreateManyRunning)
    } else {
        None
    };
    let unavailable = full || locked;
    view! {
        <li class="server-choice" class:server-choice-full=unavailable>
            <input
                type="checkbox"
                id=box_id.clone()
                disabled=unavailable
                aria-describedby=note_id.clone()
                prop:checked=move || !unavailable && chosen.with(|c| c.contains(&id))
                on:change=move |event| {
                    let on = event_target_checked(&event);
                    chosen.update(|c| {
                        if on { c.insert(id); } else { c.remove(&id); }
                    });
                }
            />
            <label for=box_id dir="auto">{written_out(&server).into_owned()}</label>
            <span id=note_id class="server-choice-note">
                <span class="server-choice-count">{move || i18n.msg(&Msg::create_many_count(group.total, SNAPSHOTS_PER_SERVER))}</span>
                {state.map(|s| view! { " · " <span class="server-choice-state">{move || i18n.msg(&server_state_msg(&s))}</span> })}
                {note.map(|key| view! { " · " <span class="server-choice-warn">{i18n.text(key)}</span> })}
                {hidden.then(|| view! { " · " <span class="server-choice-warn">{i18n.text(Key::HiddenCharsShort)}</span> })}
            </span>
            {room.map(|old| view! { <RoomChoice old server chosen=room_chosen/> })}
        </li>
    }
}
