//! "Make room" in the create dialogs, for a server at the limit: names the
//! snapshot that would be deleted first and asks for the same typed
//! confirmation as a delete.

use super::fields::TypedCountField;
use super::hidden_names::HiddenNamesWarning;
use crate::browser::now_ms;
use crate::domain::grouping::ServerGroup;
use crate::domain::model::Snapshot;
use crate::domain::selection::make_room_candidate;
use crate::i18n::{taken_msg, use_i18n, Msg};
use crate::snapshots::pending_deletes::use_pending_deletes;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The snapshot "make room" would delete from a full server, if any.
pub fn room_candidate(group: &ServerGroup) -> Option<Snapshot> {
    make_room_candidate(&group.snapshots).cloned()
}

/// The offer for the full server of `group`, with the typed confirmation
/// in `typed`; or why none can be made.
#[component]
pub fn MakeRoom(group: ServerGroup, typed: RwSignal<String>) -> impl IntoView {
    let pending = use_pending_deletes();
    let i18n = use_i18n();
    let server = group.server.name.clone();
    let Some(old) = room_candidate(&group) else {
        let text = Msg::make_room_none(server);
        return view! { <p class="notice notice-warn">{i18n.text_msg(text)}</p> }.into_any();
    };
    let offer = Msg::make_room_offer(&old.name, taken_msg(&old, now_ms() / 1000), &server);
    let seconds = pending.window_seconds();
    view! {
        <div id="make-room" class="danger-box">
            <p><strong>{i18n.text_msg(offer)}</strong></p>
            <p>{i18n.text_msg(Msg::make_room_warning(seconds))}</p>
            <HiddenNamesWarning servers=vec![server] snapshots=vec![old.name.clone()]/>
            <TypedCountField id="make-room-count" count=1 typed/>
        </div>
    }
    .into_any()
}

/// The "make room" choice of a full server in the several-servers dialog,
/// naming the snapshot that would go; none while that snapshot's delete is
/// already waiting (the server has room once it is sent).
#[component]
pub fn RoomChoice(old: Snapshot, server: String, chosen: RwSignal<BTreeSet<u64>>) -> impl IntoView {
    let pending = use_pending_deletes();
    let i18n = use_i18n();
    let server_id = old.server.id;
    let box_id = format!("many-room-{server_id}");
    let label = Msg::create_many_make_room(server, &old.name);
    let old_id = old.id;
    let offered = Memo::new(move |_| !pending.is_pending(old_id));
    move || {
        offered.get().then(|| {
            view! {
                <input
                    type="checkbox"
                    id=box_id.clone()
                    prop:checked=move || chosen.with(|c| c.contains(&server_id))
                    on:change=move |event| {
                        let on = event_target_checked(&event);
                        chosen.update(|c| {
                            if on { c.insert(server_id); } else { c.remove(&server_id); }
                        });
                    }
                />
                <label for=box_id.clone() class="server-choice-room">{i18n.text_msg(label.clone())}</label>
            }
        })
    }
}

/// What the several-servers dialog deletes first (`old`, one snapshot per
/// server, not empty), with the typed confirmation of their number.
#[component]
pub fn ManyRoomBox(old: Signal<Vec<Snapshot>>, typed: RwSignal<String>) -> impl IntoView {
    let pending = use_pending_deletes();
    let i18n = use_i18n();
    let count = old.with_untracked(Vec::len);
    let now = now_ms() / 1000;
    let (servers, snapshots): (Vec<String>, Vec<String>) = old.with_untracked(|old| {
        old.iter()
            .map(|s| (s.server.name.clone(), s.name.clone()))
            .unzip()
    });
    let items = move || {
        old.get()
            .into_iter()
            .map(|s| {
                let text = Msg::create_many_room_item(&s.server.name, &s.name, taken_msg(&s, now));
                view! { <li>{i18n.text_msg(text)}</li> }
            })
            .collect_view()
    };
    view! {
        <div id="many-room" class="danger-box">
            <p><strong>{move || i18n.msg(&Msg::create_many_room_lead(count))}</strong></p>
            <ul class="room-list">{items}</ul>
            <HiddenNamesWarning servers snapshots/>
            <p>{move || i18n.msg(&Msg::create_many_room_warning(pending.window_seconds()))}</p>
            <TypedCountField id="many-room-count" count typed/>
        </div>
    }
}
