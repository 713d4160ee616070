//! "Make room" in the create dialogs, for a server at the limit: names the
//! snapshot that would be deleted first and asks for the same typed
//! confirmation as a delete, bound to the snapshots it named.

use super::fields::{typed_count_matches, TypedCountField};
use super::hidden_names::HiddenNamesWarning;
use crate::browser::now_ms;
use crate::domain::grouping::ServerGroup;
use crate::domain::model::Snapshot;
use crate::domain::selection::{make_room_candidate, replaced_candidates, same_snapshots};
use crate::i18n::{taken_msg, undo_window_msg, use_i18n, Msg};
use crate::snapshots::fleet::use_pending_deletes;
use crate::time_zone::use_time_zone;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The snapshot "make room" would delete from a full server, if any.
pub fn room_candidate(group: &ServerGroup) -> Option<Snapshot> {
    make_room_candidate(&group.snapshots).cloned()
}

/// The typed confirmation of "make room", bound to the snapshots the dialog
/// named when it was typed: a refresh that changes which snapshot would go
/// clears it rather than carrying it over to one the operator never saw.
/// `default()` is nothing typed yet.
#[derive(Clone, Copy, Default)]
pub struct RoomConfirm {
    typed: RwSignal<String>,
    /// What the dialog named when `typed` was typed.
    named: RwSignal<Vec<Snapshot>>,
}

impl RoomConfirm {
    /// Whether the operator confirmed deleting exactly `now`: their number,
    /// typed while these very snapshots were named (tracked).
    pub fn confirms(&self, now: &[Snapshot]) -> bool {
        self.named.with(|named| same_snapshots(named, now))
            && self.typed.with(|t| typed_count_matches(t, now.len()))
    }

    /// What the field shows while `now` is named: what was typed for them,
    /// else nothing (tracked).
    fn shown(&self, now: &[Snapshot]) -> String {
        if self.named.with(|named| same_snapshots(named, now)) {
            self.typed.get()
        } else {
            String::new()
        }
    }

    /// Why a confirmation was cleared: for each snapshot it named, the
    /// snapshot of the same server that would go instead (tracked).
    fn replaced(&self, now: &[Snapshot]) -> Vec<Msg> {
        if self.typed.with(|t| t.trim().is_empty()) {
            return Vec::new();
        }
        self.named.with(|named| {
            replaced_candidates(named, now)
                .into_iter()
                .map(|(old, new)| Msg::make_room_changed(&new.name, &new.server.name, &old.name))
                .collect()
        })
    }

    /// The operator typed `text` while `now` was named.
    fn set(&self, text: String, now: Vec<Snapshot>) {
        self.named.set(now);
        self.typed.set(text);
    }
}

/// The typed confirmation of deleting `now` (shown and typed in the field
/// `id`), with why an earlier one was cleared.
#[component]
fn RoomConfirmField(
    id: &'static str,
    #[prop(into)] now: Signal<Vec<Snapshot>>,
    confirm: RoomConfirm,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = now.with_untracked(Vec::len);
    let reasons = move || {
        now.with(|now| confirm.replaced(now))
            .into_iter()
            .map(|reason| view! { <p class="alert" role="alert">{i18n.text_msg(reason)}</p> })
            .collect_view()
    };
    view! {
        {reasons}
        <TypedCountField
            id
            count
            value=Signal::derive(move || now.with(|now| confirm.shown(now)))
            on_input=move |text: String| confirm.set(text, now.get_untracked())
        />
    }
}

/// The offer for the full server of `group`, confirmed in `confirm`; or why
/// none can be made.
#[component]
pub fn MakeRoom(group: ServerGroup, confirm: RoomConfirm) -> impl IntoView {
    let pending = use_pending_deletes();
    let i18n = use_i18n();
    let zone = use_time_zone();
    let server = group.server.name.to_string();
    let Some(old) = room_candidate(&group) else {
        let text = Msg::make_room_none(server);
        return view! { <p class="notice notice-warn">{i18n.text_msg(text)}</p> }.into_any();
    };
    let offer = Msg::make_room_offer(
        &old.name,
        &server,
        taken_msg(&old, now_ms() / 1000, |at| zone.at(at)),
    );
    let seconds = pending.window_seconds();
    view! {
        <div id="make-room" class="danger-box">
            <p><strong>{i18n.text_msg(offer)}</strong></p>
            <HiddenNamesWarning servers=vec![server.clone()] snapshots=vec![old.name.to_string()]/>
            <p>
                {i18n.text_msg(undo_window_msg(1, seconds))} " "
                {i18n.text_msg(Msg::make_room_follows(seconds, server))}
            </p>
            <RoomConfirmField id="make-room-count" now=Signal::stored(vec![old]) confirm/>
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
pub fn ManyRoomBox(old: Signal<Vec<Snapshot>>, confirm: RoomConfirm) -> impl IntoView {
    let pending = use_pending_deletes();
    let i18n = use_i18n();
    let zone = use_time_zone();
    let count = old.with_untracked(Vec::len);
    let now = now_ms() / 1000;
    let (servers, snapshots): (Vec<String>, Vec<String>) = old.with_untracked(|old| {
        old.iter()
            .map(|s| (s.server.name.to_string(), s.name.to_string()))
            .unzip()
    });
    let items = move || {
        old.get()
            .into_iter()
            .map(|s| {
                let text = Msg::create_many_room_item(
                    &s.server.name,
                    &s.name,
                    taken_msg(&s, now, |at| zone.at(at)),
                );
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
            <RoomConfirmField id="many-room-count" now=old confirm/>
        </div>
    }
}
