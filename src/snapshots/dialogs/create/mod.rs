//! The "New snapshot" dialog: a validated form that sends exactly one request.
//! `form.rs` holds its state, `server_field.rs` the server menu, `notices.rs`
//! what is said of the chosen server.

mod form;
mod notices;
mod server_field;

use super::create_shared::failure_text;
use super::fields::{DescriptionField, NameField};
use crate::api::types::NewSnapshot;
use crate::domain::validation;
use crate::i18n::{use_i18n, Key, Msg};
use crate::snapshots::actions::{use_actions, CreateFailure};
use crate::snapshots::dialog_request::use_dialogs;
use crate::snapshots::fleet::use_pending_deletes;
use crate::snapshots::store::use_snapshot_store;
use crate::toasts::{use_toasts, Tone};
use crate::ui::modal::Modal;
use form::CreateForm;
use leptos::{ev, prelude::*};
use notices::ServerNotices;
use server_field::ServerField;

/// The create request; its value is why it led to no snapshot, if it did not.
type CreateAction = Action<NewSnapshot, Option<CreateFailure>>;

/// Asks for a server, a name and a description, then creates the snapshot.
/// The dialog and the input stay when the API refuses.
#[component]
pub fn CreateDialog(
    /// The server to preselect (from its group's button).
    server_id: Option<u64>,
) -> impl IntoView {
    let dialogs = use_dialogs();
    let i18n = use_i18n();
    let form = CreateForm::new(use_snapshot_store(), server_id);
    let create = create_action();
    let pending = create.pending();
    let failure = move || {
        if pending.get() {
            None
        } else {
            create.value().get().flatten()
        }
    };
    let field_error = move |field: &'static str| {
        Signal::derive(move || match failure() {
            Some(CreateFailure::Refused(error)) => error.field_message(field).map(str::to_string),
            _ => None,
        })
    };
    let description_error = field_error("description");

    view! {
        <Modal title_id="create-title" description_id="create-purpose" on_close=Callback::new(move |()| dialogs.close()) busy=pending>
            <form class="dialog-form" on:submit=submit_handler(form, create) novalidate>
                <h2 id="create-title">{i18n.text(Key::NewSnapshot)}</h2>
                <p id="create-purpose" class="dialog-lead">
                    {move || i18n.msg(&Msg::create_purpose(validation::SNAPSHOTS_PER_SERVER))}
                </p>
                {move || failure().map(|f| view! { <p class="alert" role="alert">{move || i18n.msg(&failure_text(&f))}</p> })}
                <ServerField form pending api_error=field_error("server_id")/>
                <ServerNotices form/>
                <NameField
                    id="create-name"
                    name=form.name
                    problem=form.name_problem
                    autofocus=true
                    api_error=field_error("name")
                    on_edit=move |()| form.name_edited.set(true)
                />
                <DescriptionField id="create-description" description=form.description>
                    {move || description_error.get().map(|e| view! { <p class="field-error">{e}</p> })}
                </DescriptionField>
                <CreateButtons form pending/>
            </form>
        </Modal>
    }
}

/// Cancel, and the submit button: "Create snapshot", or "make room" once
/// confirmed; disabled while the form cannot be sent.
#[component]
fn CreateButtons(form: CreateForm, pending: Memo<bool>) -> impl IntoView {
    let dialogs = use_dialogs();
    let i18n = use_i18n();
    let (room, selected, locked) = (form.room, form.selected, form.locked);
    view! {
        <div class="dialog-actions">
            <button type="button" class="button" disabled=move || pending.get() on:click=move |_| dialogs.close()>
                {i18n.text(Key::Cancel)}
            </button>
            <button
                type="submit"
                class="button button-primary"
                disabled=move || pending.get() || form.name_problem.get().is_some() || (form.at_limit() && !form.can_make_room()) || selected.get().is_none() || locked.get()
            >
                // "Make room" names itself once confirmed; until then
                // the button reads, disabled, as it always did.
                {move || match room.get().filter(|_| form.at_limit() && form.can_make_room()) {
                    _ if pending.get() => i18n.t(Key::Creating),
                    Some(old) => i18n.msg(&Msg::make_room_submit(&old.name)),
                    None => i18n.t(Key::CreateSnapshot),
                }}
            </button>
        </div>
    }
}

/// Sends a create; once it started, says so and closes the dialog.
fn create_action() -> CreateAction {
    let actions = use_actions();
    let dialogs = use_dialogs();
    let toasts = use_toasts();
    Action::new_local(move |new: &NewSnapshot| {
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
    })
}

/// What sending the form does: the create, or at the limit, the confirmed
/// "make room" delete with the create to follow it.
fn submit_handler(form: CreateForm, create: CreateAction) -> impl Fn(ev::SubmitEvent) {
    let dialogs = use_dialogs();
    let pending_deletes = use_pending_deletes();
    let pending = create.pending();
    move |event: ev::SubmitEvent| {
        event.prevent_default();
        // One request however often the button is clicked or Enter pressed.
        if pending.get_untracked() {
            return;
        }
        let Some(new) = form.request() else {
            return;
        };
        if !form.at_limit() {
            create.dispatch(new);
        } else if let Some(old) = form.room.get_untracked().filter(|_| form.can_make_room()) {
            // The create is sent only once the delete, after its undo
            // window, has succeeded.
            pending_deletes.schedule(vec![old], Some(new));
            dialogs.close();
        }
    }
}
