//! What the "New snapshot" dialog says of the chosen server: hidden
//! characters in its name, a restore under way, the limit reached (with
//! "make room"), and whether it is running.

use super::form::CreateForm;
use crate::domain::grouping::ServerGroup;
use crate::domain::model::ServerStatus;
use crate::domain::validation;
use crate::i18n::{use_i18n, Key, Msg};
use crate::snapshots::dialogs::hidden_names::HiddenNamesWarning;
use crate::snapshots::dialogs::locked::LockedNotice;
use crate::snapshots::dialogs::make_room::MakeRoom;
use leptos::prelude::*;

/// The notices on the server chosen in `form`, as it changes.
#[component]
pub fn ServerNotices(form: CreateForm) -> impl IntoView {
    let i18n = use_i18n();
    let (selected_group, locked) = (form.selected_group, form.locked);
    view! {
        {move || selected_group.get().map(|g| view! { <HiddenNamesWarning servers=vec![g.server.name.to_string()] boxed=true/> })}
        <LockedNotice server=Signal::derive(move || form.selected_name()) locked=locked.into()/>
        {move || selected_group.get().filter(|g| g.is_full() && !locked.get()).map(|g| view! { <LimitReached group=g.clone()/> <MakeRoom group=g confirm=form.room_confirm/> })}
        {move || selected_group.get().filter(|_| !locked.get()).and_then(|g| running_warning(&g)).map(|w| view! { <p class="notice notice-warn">{i18n.text_msg(w)}</p> })}
    }
}

/// Says which snapshots could be deleted to make room (oldest first).
#[component]
fn LimitReached(group: ServerGroup) -> impl IntoView {
    let i18n = use_i18n();
    let mut oldest_first = group.snapshots.to_vec();
    oldest_first.reverse();
    let text = move || {
        let names = Msg::list(oldest_first.iter().map(|s| Msg::quoted(&s.name)));
        i18n.msg(&Msg::limit_reached_oldest(
            &group.server.name,
            validation::SNAPSHOTS_PER_SERVER,
            names,
        ))
    };
    view! {
        <p class="notice notice-warn" role="alert">{text}</p>
    }
}

/// The provider's advice on consistency, as precise as the Servers API allows.
fn running_warning(group: &ServerGroup) -> Option<Msg> {
    match group.status {
        Some(ServerStatus::Active) => Some(Msg::warn_running(&group.server.name)),
        Some(ServerStatus::Unknown) | None => Some(Msg::from(Key::WarnMaybeRunning)),
        Some(_) => None,
    }
}
