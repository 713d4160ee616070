//! The "New snapshot" dialog: a validated form that sends exactly one request.

use super::create_shared::{failure_text, server_choices};
use super::fields::{name_problem, DescriptionField, NameField};
use super::hidden_names::HiddenNamesWarning;
use super::locked::LockedNotice;
use super::make_room::{room_candidate, MakeRoom, RoomConfirm};
use crate::api::types::NewSnapshot;
use crate::browser::now_ms;
use crate::domain::grouping::ServerGroup;
use crate::domain::model::ServerStatus;
use crate::domain::validation::{self, default_name};
use crate::i18n::{use_i18n, Key, Msg};
use crate::snapshots::actions::{use_actions, CreateFailure};
use crate::snapshots::dialog_request::use_dialogs;
use crate::snapshots::fleet::use_pending_deletes;
use crate::snapshots::store::{use_snapshot_store, SnapshotStore};
use crate::toasts::{use_toasts, Tone};
use crate::ui::modal::Modal;
use leptos::{ev, prelude::*};

/// Asks for a server, a name and a description, then creates the snapshot.
/// The dialog and the input stay when the API refuses.
#[component]
pub fn CreateDialog(
    /// The server to preselect (from its group's button).
    server_id: Option<u64>,
) -> impl IntoView {
    let store = use_snapshot_store();
    let actions = use_actions();
    let dialogs = use_dialogs();
    let toasts = use_toasts();
    let pending_deletes = use_pending_deletes();
    let i18n = use_i18n();
    let choices = server_choices(store);
    let initial = choices.with_untracked(|groups| {
        server_id.or_else(|| {
            groups
                .iter()
                .find(|g| !g.is_full() && !store.is_locked_now(g.server.id))
                .map(|g| g.server.id)
        })
    });
    let selected = RwSignal::new(initial);
    let selected_group = Memo::new(move |_| {
        let id = selected.get();
        choices.with(|groups| groups.iter().find(|g| Some(g.server.id) == id).cloned())
    });
    // A server being restored takes no snapshot: the dialog says why.
    let locked = Memo::new(move |_| selected.get().is_some_and(|id| store.is_locked(id)));
    let selected_name = move || {
        selected_group.with(|g| {
            g.as_ref()
                .map(|g| g.server.name.clone())
                .unwrap_or_default()
        })
    };
    let default_for = move |group: Option<&ServerGroup>| {
        default_name(
            group.map_or("snapshot", |g| g.server.name.as_str()),
            now_ms() / 1000,
        )
    };
    let name = RwSignal::new(selected_group.with_untracked(|g| default_for(g.as_ref())));
    let name_edited = RwSignal::new(false);
    let description = RwSignal::new(String::new());
    let name_problem = name_problem(name);
    let at_limit = move || selected_group.with(|g| g.as_ref().is_some_and(ServerGroup::is_full));
    // At the limit, "make room" deletes the oldest completed snapshot first.
    let room = Memo::new(move |_| {
        selected_group.with(|g| g.as_ref().filter(|g| g.is_full()).and_then(room_candidate))
    });
    let room_confirm = RoomConfirm::default();
    // Confirmed for the very snapshot named now, never for one named before.
    let can_make_room = move || {
        room.with(|old| {
            old.as_ref()
                .is_some_and(|old| room_confirm.confirms(std::slice::from_ref(old)))
        })
    };

    let create = Action::new_local(move |new: &NewSnapshot| {
        let new = new.clone();
        async move {
            let result = actions.create(new).await;
            if let Ok(snapshot) = &result {
                toasts.push(
                    Msg::toast_creating(&snapshot.name, &snapshot.server.name),
                    Tone::Info,
                );
                dialogs.close();
            }
            result.err()
        }
    });
    let pending = create.pending();
    let failure = move || {
        if pending.get() {
            None
        } else {
            create.value().get().flatten()
        }
    };
    let field_error = move |field: &'static str| {
        move || match failure() {
            Some(CreateFailure::Refused(error)) => error.field_message(field).map(str::to_string),
            _ => None,
        }
    };

    let on_server_change = move |event: ev::Event| {
        let id = event_target_value(&event).parse::<u64>().ok();
        selected.set(id);
        if !name_edited.get_untracked() {
            name.set(selected_group.with_untracked(|g| default_for(g.as_ref())));
        }
    };
    let submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        // One request however often the button is clicked or Enter pressed.
        if pending.get_untracked() || name_problem.get_untracked().is_some() {
            return;
        }
        let Some(server_id) = selected.get_untracked() else {
            return;
        };
        if locked.get_untracked() {
            return;
        }
        let new = NewSnapshot {
            server_id,
            name: name.get_untracked(),
            description: description.get_untracked().trim().to_string(),
        };
        if !at_limit() {
            create.dispatch(new);
        } else if let Some(old) = room.get_untracked().filter(|_| can_make_room()) {
            // The create is sent only once the delete, after its undo
            // window, has succeeded.
            pending_deletes.schedule(vec![old], Some(new));
            dialogs.close();
        }
    };

    view! {
        <Modal title_id="create-title" description_id="create-purpose" on_close=Callback::new(move |()| dialogs.close()) busy=pending>
            <form class="dialog-form" on:submit=submit novalidate>
                <h2 id="create-title">{i18n.text(Key::NewSnapshot)}</h2>
                <p id="create-purpose" class="dialog-lead">
                    {move || i18n.msg(&Msg::create_purpose(validation::SNAPSHOTS_PER_SERVER))}
                </p>
                {move || failure().map(|f| view! { <p class="alert" role="alert">{move || i18n.msg(&failure_text(&f))}</p> })}
                <div class="field">
                    <label for="create-server">{i18n.text(Key::LabelServer)}</label>
                    // The menu follows `selected` through `prop:value`: one
                    // property instead of a reactive `selected` on each of
                    // what may be thousands of options (with 10,000 servers,
                    // each change took about a second). An option built, or
                    // built again by a refresh, carries the choice of that
                    // moment, so it never moves the menu away from it.
                    <select
                        id="create-server"
                        on:change=on_server_change
                        disabled=move || pending.get()
                        prop:value=move || selected.get().map(|id| id.to_string()).unwrap_or_default()
                    >
                        {move || (selected.get().is_none()).then(|| view! { <option value="" selected>{i18n.text(Key::ChooseServer)}</option> })}
                        <For each=move || locked_choices(store, choices) key=|(g, locked)| (g.server.id, g.total, *locked) let:choice>
                            <option value=choice.0.server.id selected=selected.get_untracked() == Some(choice.0.server.id) disabled=choice.0.is_full() || choice.1>
                                {let label = server_choice_label(&choice.0, choice.1); i18n.text_msg(label)}
                            </option>
                        </For>
                    </select>
                    {move || field_error("server_id")().map(|e| view! { <p class="field-error">{e}</p> })}
                </div>
                {move || selected_group.get().map(|g| view! { <HiddenNamesWarning servers=vec![g.server.name] boxed=true/> })}
                <LockedNotice server=Signal::derive(selected_name) locked=locked.into()/>
                {move || selected_group.get().filter(|g| g.is_full() && !locked.get()).map(|g| view! { <LimitReached group=g.clone()/> <MakeRoom group=g confirm=room_confirm/> })}
                {move || selected_group.get().filter(|_| !locked.get()).and_then(|g| running_warning(&g)).map(|w| view! { <p class="notice notice-warn">{i18n.text_msg(w)}</p> })}
                <NameField
                    id="create-name"
                    name
                    problem=name_problem
                    autofocus=true
                    api_error=Signal::derive(field_error("name"))
                    on_edit=move |()| name_edited.set(true)
                />
                <DescriptionField id="create-description" description>
                    {move || field_error("description")().map(|e| view! { <p class="field-error">{e}</p> })}
                </DescriptionField>
                <div class="dialog-actions">
                    <button type="button" class="button" disabled=move || pending.get() on:click=move |_| dialogs.close()>
                        {i18n.text(Key::Cancel)}
                    </button>
                    <button
                        type="submit"
                        class="button button-primary"
                        disabled=move || pending.get() || name_problem.get().is_some() || (at_limit() && !can_make_room()) || selected.get().is_none() || locked.get()
                    >
                        // "Make room" names itself once confirmed; until then
                        // the button reads, disabled, as it always did.
                        {move || match room.get().filter(|_| at_limit() && can_make_room()) {
                            _ if pending.get() => i18n.t(Key::Creating),
                            Some(old) => i18n.msg(&Msg::make_room_submit(&old.name)),
                            None => i18n.t(Key::CreateSnapshot),
                        }}
                    </button>
                </div>
            </form>
        </Modal>
    }
}

/// Says which snapshots could be deleted to make room (oldest first).
#[component]
fn LimitReached(group: ServerGroup) -> impl IntoView {
    let i18n = use_i18n();
    let mut oldest_first = group.snapshots.clone();
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

/// The servers as the create dialogs offer them, each with whether it is
/// being restored (tracked): such a server is listed but cannot be chosen.
fn locked_choices(
    store: SnapshotStore,
    choices: Memo<Vec<ServerGroup>>,
) -> Vec<(ServerGroup, bool)> {
    store.locks().with(|locks| {
        choices.with(|groups| {
            groups
                .iter()
                .map(|g| (g.clone(), locks.is_locked(g.server.id)))
                .collect()
        })
    })
}

/// A server in the menu, with its count, or why it cannot be chosen.
fn server_choice_label(group: &ServerGroup, locked: bool) -> Msg {
    let (server, id) = (&group.server.name, group.server.id.to_string());
    let (count, limit) = (group.total, validation::SNAPSHOTS_PER_SERVER);
    if locked {
        Msg::server_choice_restoring(server, id)
    } else if group.is_full() {
        Msg::server_choice_full(server, id, count, limit)
    } else {
        Msg::server_choice(server, id, count, limit)
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
