//! The form of the several-servers dialog: the servers (`finder.rs` finds
//! them, `picks.rs` holds what is chosen), one name and description for all,
//! and the typed confirmation when servers make room.

use super::finder::{FilterField, Finder, FoundNone, ListMore};
use super::picks::Picks;
use super::server_choice::ServerChoice;
use crate::browser::now_ms;
use crate::domain::batch::batch_default_name;
use crate::domain::grouping::ServerGroup;
use crate::domain::selection::make_room_candidate;
use crate::i18n::{use_i18n, Key, Msg};
use crate::snapshots::dialogs::fields::{name_problem, DescriptionField, NameField};
use crate::snapshots::dialogs::make_room::{ManyRoomBox, RoomConfirm};
use crate::snapshots::fleet::use_create_batch;
use crate::snapshots::store::use_snapshot_store;
use leptos::{ev, prelude::*};

/// The form: servers (found by a filter in a long list), name and
/// description, and the typed confirmation when servers make room.
#[component]
pub fn ChooseServers(close: Callback<()>) -> impl IntoView {
    let store = use_snapshot_store();
    let batch = use_create_batch();
    let i18n = use_i18n();
    // Every server's section, by name: the store's own, copied by no dialog.
    let choices = store.sections();
    let finder = Finder::new(store, choices);
    let picks = Picks::new(store, choices);
    let room_confirm = RoomConfirm::default();
    let name = RwSignal::new(batch_default_name(now_ms() / 1000));
    let description = RwSignal::new(String::new());
    let name_problem = name_problem(name);
    let making_room = picks.making_room;
    // Confirmed for the very snapshots named now, never for others named before.
    let room_confirmed =
        move || picks.room_count.get() == 0 || making_room.with(|old| room_confirm.confirms(old));
    let submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        let old = making_room.get_untracked();
        let mut servers = picks.with_room.get_untracked();
        servers.extend(old.iter().map(|s| (s.server.id, s.server.name.to_string())));
        if servers.is_empty() || name_problem.get_untracked().is_some() || !room_confirmed() {
            return;
        }
        batch.start(
            servers,
            old,
            name.get_untracked(),
            description.get_untracked().trim().to_string(),
        );
    };

    view! {
        <form class="dialog-form" on:submit=submit novalidate>
            <ServerList choices finder picks/>
            <NameField id="many-name" name problem=name_problem/>
            <DescriptionField id="many-description" description/>
            {move || (picks.room_count.get() > 0).then(|| view! { <ManyRoomBox old=making_room.into() confirm=room_confirm/> })}
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| close.run(())>
                    {i18n.text(Key::Cancel)}
                </button>
                <button type="submit" class="button button-primary button-wrap" disabled=move || picks.count() == 0 || name_problem.get().is_some() || !room_confirmed()>
                    {move || i18n.msg(&Msg::create_many_confirm(picks.count()))}
                </button>
            </div>
        </form>
    }
}

/// The servers of `choices` as checkboxes, with the filter, "select all"
/// and how many are chosen.
#[component]
fn ServerList(choices: Memo<Vec<ServerGroup>>, finder: Finder, picks: Picks) -> impl IntoView {
    let store = use_snapshot_store();
    let i18n = use_i18n();
    let (chosen, room_chosen) = (picks.chosen, picks.room_chosen);
    // Added to what is chosen: servers hidden by the filter stay chosen.
    let select_room = move |_| chosen.update(|c| c.extend(finder.found_with_room(store)));
    view! {
        <fieldset class="server-choices">
            <legend>{i18n.text(Key::CreateManyServers)}</legend>
            <FilterField store finder chosen/>
            <div class="server-choices-bar">
                <button type="button" class="button button-wrap" autofocus on:click=select_room>
                    {move || i18n.text(if finder.filtering.get() { Key::CreateManySelectFound } else { Key::CreateManySelectRoom })}
                </button>
                <span class="hint" role="status">{move || i18n.msg(&Msg::create_many_chosen(picks.count()))}</span>
            </div>
            <Show when=move || choices.with(Vec::is_empty)>
                <p class="notice notice-warn">{i18n.text(Key::CreateManyNoServers)}</p>
            </Show>
            <FoundNone finder/>
            <ul class="server-choice-list">
                // The candidate too: its "make room" choice names it.
                <For each=move || finder.listed_groups(store) key=|(g, locked)| (g.server.id, g.total, g.status.clone(), *locked, make_room_candidate(&g.snapshots).map(|s| s.id)) let:choice>
                    <ServerChoice group=choice.0 locked=choice.1 chosen room_chosen/>
                </For>
            </ul>
            <ListMore finder/>
        </fieldset>
    }
}
