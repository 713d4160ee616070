//! "Make room" in the create dialog, for a server at the limit: names the
//! snapshot that would be deleted first and asks for the same typed
//! confirmation as a delete.

use super::fields::TypedCountField;
use crate::browser::now_ms;
use crate::domain::grouping::ServerGroup;
use crate::domain::model::Snapshot;
use crate::domain::selection::make_room_candidate;
use crate::i18n::{taken_msg, use_i18n, Msg};
use crate::snapshots::pending_deletes::use_pending_deletes;
use leptos::prelude::*;

/// The snapshot "make room" would delete from a full server, if any.
pub fn room_candidate(group: &ServerGroup) -> Option<Snapshot> {
    make_room_candidate(&group.snapshots).cloned()
}

/// Whether the operator typed the number of snapshots to delete (one).
pub fn room_confirmed(typed: &str) -> bool {
    typed.trim() == "1"
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
    let offer = Msg::make_room_offer(
        &old.name,
        taken_msg(&old.created_at, now_ms() / 1000),
        server,
    );
    let seconds = i64::try_from(pending.seconds).unwrap_or(i64::MAX);
    view! {
        <div id="make-room" class="danger-box">
            <p><strong>{i18n.text_msg(offer)}</strong></p>
            <p>{i18n.text_msg(Msg::make_room_warning(seconds))}</p>
            <TypedCountField id="make-room-count" count=1 typed/>
        </div>
    }
    .into_any()
}
