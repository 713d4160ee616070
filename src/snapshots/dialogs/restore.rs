//! The restore confirmation: says exactly what will be overwritten, offers a
//! safety snapshot first, and asks for the server's name before acting.

use super::hidden_names::HiddenNamesWarning;
use super::locked::LockedNotice;
use super::snapshot_action::{closing_action, SnapshotAction};
use crate::api::{types::NewSnapshot, ApiError};
use crate::browser::now_ms;
use crate::domain::hidden::{confirms_name, has_hidden, written_out};
use crate::domain::model::Snapshot;
use crate::domain::polling::RESTORE_WINDOW;
use crate::domain::validation::{default_name, is_full, SNAPSHOTS_PER_SERVER};
use crate::i18n::{taken_msg, use_i18n, Key, Msg};
use crate::snapshots::actions::{use_actions, CreateFailure};
use crate::snapshots::dialog_request::use_dialogs;
use crate::snapshots::store::{use_snapshot_store, SnapshotStore};
use crate::time_zone::use_time_zone;
use crate::ui::modal::{ConfirmActions, Modal};
use leptos::prelude::*;

/// Confirms restoring `snapshot`'s server from it.
#[component]
pub fn RestoreDialog(snapshot: Snapshot) -> impl IntoView {
    let store = use_snapshot_store();
    let dialogs = use_dialogs();
    let i18n = use_i18n();
    let server = snapshot.server.clone();
    let server_id = server.id;
    let server_snapshots = server_snapshots(store, server_id);
    // Another restore of this server, from this tab or elsewhere, may have
    // started since the dialog opened: nothing more is sent until it ends.
    let locked = Memo::new(move |_| store.is_locked(server_id));

    let restore = restore_action();
    let safety = safety_action();
    let pending = Signal::derive(move || restore.pending().get() || safety.pending().get());
    let typed = RwSignal::new(String::new());
    let can_confirm = {
        let name = server.name.clone();
        move || {
            typed.with(|t| confirms_name(t, &name))
                && !pending.get()
                && !snapshot_running(server_snapshots)
                && !locked.get()
        }
    };
    let confirm = {
        let (can_confirm, snapshot) = (can_confirm.clone(), snapshot.clone());
        move |_| {
            // Exactly one request, however the button is clicked.
            if can_confirm() && !restore.pending().get_untracked() {
                restore.dispatch(snapshot.clone());
            }
        }
    };
    let error = move || {
        if restore.pending().get() {
            return None;
        }
        let error = restore.value().get().flatten()?;
        Some(i18n.msg(&restore_error_msg(&error)))
    };
    let title = i18n.text_msg(Msg::restore_title(&server.name, &snapshot.name));

    view! {
        <Modal
            title_id="restore-title"
            description_id="restore-warning"
            role="alertdialog"
            on_close=Callback::new(move |()| dialogs.close())
            busy=pending
        >
            <h2 id="restore-title">{title}</h2>
            <RestoreWarning snapshot=snapshot.clone()/>
            <SafetyOffer snapshot server_snapshots locked pending safety/>
            <LockedNotice server=Signal::stored(server.name.to_string()) locked=locked.into()/>
            {move || error().map(|e| view! { <p class="alert" role="alert">{e}</p> })}
            <TypedNameField server=server.name.to_string() typed/>
            <ConfirmActions
                busy=pending
                can_confirm=Signal::derive(can_confirm)
                confirm_label=Signal::derive(move || i18n.t(if restore.pending().get() { Key::Restoring } else { Key::RestoreServer }))
                on_cancel=Callback::new(move |()| dialogs.close())
                on_confirm=Callback::new(confirm)
            />
        </Modal>
    }
}

/// What the restore overwrites, from what, and how long it takes.
#[component]
fn RestoreWarning(snapshot: Snapshot) -> impl IntoView {
    let i18n = use_i18n();
    let zone = use_time_zone();
    let server = &snapshot.server;
    let taken = taken_msg(&snapshot, now_ms() / 1000, |at| zone.at(at));
    let replaced = {
        let msg = Msg::restore_replaced(&server.name, server.id.to_string());
        i18n.text_msg(msg)
    };
    let replaced_by = {
        let msg = Msg::restore_replaced_by(&snapshot.name, taken);
        i18n.text_msg(msg)
    };
    view! {
        <div id="restore-warning" class="danger-box">
            <p>
                <strong>{replaced}</strong>
                " "
                {replaced_by}
            </p>
            <p>{move || i18n.msg(&Msg::restore_stop_note(RESTORE_WINDOW.min_minutes, RESTORE_WINDOW.max_minutes))}</p>
            <HiddenNamesWarning servers=vec![server.name.to_string()] snapshots=vec![snapshot.name.to_string()]/>
        </div>
    }
}

/// The safety snapshot offered before the restore of `snapshot`'s server
/// (whose snapshots are `server_snapshots`), or why none is; and why the
/// one asked for was not taken.
#[component]
fn SafetyOffer(
    snapshot: Snapshot,
    server_snapshots: Memo<Vec<Snapshot>>,
    locked: Memo<bool>,
    pending: Signal<bool>,
    safety: SafetyAction,
) -> impl IntoView {
    let i18n = use_i18n();
    let server_name = snapshot.server.name.clone();
    let take_safety_snapshot = {
        let server_id = snapshot.server.id;
        let (server_name, snapshot_name) = (server_name.clone(), snapshot.name);
        move |_| {
            if safety.pending().get_untracked()
                || !room_left(server_snapshots)
                || snapshot_running(server_snapshots)
                || locked.get_untracked()
            {
                return;
            }
            safety.dispatch(NewSnapshot {
                server_id,
                name: default_name(&format!("pre-restore-{server_name}"), now_ms() / 1000),
                // Written in the language of the moment: it is the user's data from then on.
                description: i18n.msg_untracked(&Msg::safety_description(&snapshot_name)),
            });
        }
    };
    let safety_error = move || {
        let failure = safety.value().get().flatten()?;
        Some(i18n.msg(&safety_error_msg(&failure)))
    };
    let safety_box = move || {
        if locked.get() {
            // `LockedNotice` says why nothing is offered.
            ().into_any()
        } else if snapshot_running(server_snapshots) {
            view! {
                <p class="notice notice-busy">
                    {i18n.msg(&Msg::restore_wait_running(&server_name))}
                </p>
            }
            .into_any()
        } else if room_left(server_snapshots) {
            view! {
                <div class="notice notice-info">
                    <p>{i18n.msg(&Msg::restore_safety_advice(&server_name))}</p>
                    <button type="button" class="button" disabled=move || pending.get() on:click=take_safety_snapshot.clone()>
                        {move || if safety.pending().get() { i18n.t(Key::SafetyStarting) } else { i18n.t(Key::SafetyTake) }}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <p class="notice notice-warn">
                    {i18n.msg(&Msg::restore_no_room(&server_name, SNAPSHOTS_PER_SERVER))}
                </p>
            }
            .into_any()
        }
    };
    view! {
        {safety_box}
        {move || safety_error().map(|e| view! { <p class="alert" role="alert">{e}</p> })}
    }
}

/// The field where the server's name, `server`, is typed to confirm.
#[component]
fn TypedNameField(server: String, typed: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    // A name with hidden characters is typed as it is shown: written out.
    let typed_label = if has_hidden(&server) {
        Key::RestoreConfirmLabelWritten
    } else {
        Key::RestoreConfirmLabel
    };
    view! {
        <div class="field">
            <label for="restore-confirm">
                {i18n.text(typed_label)} " " <strong class="typed-name" dir="auto">{written_out(&server).into_owned()}</strong>
            </label>
            <input
                id="restore-confirm"
                type="text"
                autocomplete="off"
                spellcheck="false"
                prop:value=typed
                on:input=move |event| typed.set(event_target_value(&event))
            />
        </div>
    }
}

/// The safety snapshot's create; its value is why it led to no snapshot.
type SafetyAction = Action<NewSnapshot, Option<CreateFailure>>;

/// Sends the restore; once it started, closes the dialog.
fn restore_action() -> SnapshotAction {
    let actions = use_actions();
    closing_action(move |snapshot| async move { actions.restore(&snapshot).await })
}

/// Sends the safety snapshot's create; the dialog stays.
fn safety_action() -> SafetyAction {
    let actions = use_actions();
    Action::new_local(move |new: &NewSnapshot| {
        let new = new.clone();
        async move { actions.create(new).await.err() }
    })
}

/// What the user is told when the restore was not sent or not answered.
fn restore_error_msg(error: &ApiError) -> Msg {
    match error {
        ApiError::Rejected { .. } => Msg::restore_refused(error.describe()),
        ApiError::NotFound { .. } => Msg::from(Key::RestoreSnapshotGone),
        ApiError::Network | ApiError::Timeout => Msg::restore_maybe(error.describe()),
        _ => Msg::restore_failed(error.describe()),
    }
}

/// What the user is told when the safety snapshot was not taken.
fn safety_error_msg(failure: &CreateFailure) -> Msg {
    match failure {
        CreateFailure::Refused(e) | CreateFailure::NotCreated(e) => {
            Msg::safety_not_created(e.describe())
        }
        CreateFailure::Unknown(e) => Msg::safety_unknown(e.describe()),
    }
}

/// The snapshots of the server `server_id`, as the list has them (tracked).
fn server_snapshots(store: SnapshotStore, server_id: u64) -> Memo<Vec<Snapshot>> {
    Memo::new(move |_| {
        store.snapshots().with(|all| {
            all.iter()
                .filter(|s| s.server.id == server_id)
                .cloned()
                .collect::<Vec<_>>()
        })
    })
}

/// Whether a snapshot of the server is being taken (tracked): the restore
/// and the safety snapshot wait for it.
fn snapshot_running(server_snapshots: Memo<Vec<Snapshot>>) -> bool {
    server_snapshots.with(|s| s.iter().any(|s| s.status.is_in_progress()))
}

/// Whether the server has room for a safety snapshot (tracked).
fn room_left(server_snapshots: Memo<Vec<Snapshot>>) -> bool {
    server_snapshots.with(|s| !is_full(s.len()))
}
