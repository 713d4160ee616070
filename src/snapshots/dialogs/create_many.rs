//! The "Snapshot several servers" dialog: choose servers (a full one may
//! make room), one name for all, then follow each server's create in a
//! progress table.

use super::create_shared::{failure_text, server_choices};
use super::fields::{name_problem, DescriptionField, NameField};
use super::make_room::{room_candidate, ManyRoomBox, RoomChoice, RoomConfirm};
use crate::api::ApiError;
use crate::browser::{focus_by_id, now_ms};
use crate::domain::batch::{batch_default_name, NoRoom, Row, Step, MAX_IN_FLIGHT};
use crate::domain::grouping::ServerGroup;
use crate::domain::hidden::{has_hidden, written_out};
use crate::domain::model::{ServerStatus, Snapshot, SnapshotStatus};
use crate::domain::selection::make_room_candidate;
use crate::domain::text::fold_case;
use crate::domain::validation::SNAPSHOTS_PER_SERVER;
use crate::i18n::{server_state_msg, size_msg, snapshot_status_msg, use_i18n, Key, Msg};
use crate::snapshots::actions::CreateFailure;
use crate::snapshots::dialog_request::use_dialogs;
use crate::snapshots::fleet::use_pending_deletes;
use crate::snapshots::fleet::RowPendingDelete;
use crate::snapshots::fleet::{use_create_batch, BatchRun};
use crate::snapshots::store::{use_snapshot_store, SnapshotStore};
use crate::ui::modal::Modal;
use leptos::{ev, html, prelude::*};
use std::collections::BTreeSet;

/// Lists every server as a checkbox and creates one snapshot of each chosen
/// one; while or after the batch runs, shows its progress instead.
#[component]
pub fn CreateManyDialog() -> impl IntoView {
    let dialogs = use_dialogs();
    let batch = use_create_batch();
    let i18n = use_i18n();
    let started = Memo::new(move |_| batch.with(|run| run.is_some()));
    let close = Callback::new(move |()| {
        batch.clear_finished();
        dialogs.close();
    });
    view! {
        <Modal title_id="many-title" description_id="many-purpose" on_close=close busy=Signal::stored(false)>
            <h2 id="many-title">{i18n.text(Key::CreateMany)}</h2>
            <p id="many-purpose" class="dialog-lead">
                {move || i18n.msg(&Msg::create_many_purpose(MAX_IN_FLIGHT))}
            </p>
            {move || if started.get() {
                view! { <BatchProgress close/> }.into_any()
            } else {
                view! { <ChooseServers close/> }.into_any()
            }}
        </Modal>
    }
}

/// From this many servers on, the list of servers has a filter.
const FILTER_FROM: usize = 10;
/// The servers listed at first, and how many more each "List more" adds:
/// ten thousand checkboxes would hold the tab for seconds.
const LISTED_AT_ONCE: usize = 200;

/// The form: servers (found by a filter in a long list), name and
/// description, and the typed confirmation when servers make room.
#[component]
fn ChooseServers(close: Callback<()>) -> impl IntoView {
    let store = use_snapshot_store();
    let batch = use_create_batch();
    let pending = use_pending_deletes();
    let i18n = use_i18n();
    let choices = server_choices(store);
    let chosen = RwSignal::new(BTreeSet::<u64>::new());
    // Full servers whose oldest completed snapshot is to go first.
    let room_chosen = RwSignal::new(BTreeSet::<u64>::new());
    let room_confirm = RoomConfirm::default();
    let name = RwSignal::new(batch_default_name(now_ms() / 1000));
    let description = RwSignal::new(String::new());
    let name_problem = name_problem(name);
    // What the filter leaves of the list: all of it while the filter is
    // empty, or not shown (the list became short), so nothing is hidden
    // without a visible reason.
    let long_list = Memo::new(move |_| choices.with(Vec::len) >= FILTER_FROM);
    let filter = RwSignal::new(String::new());
    let query = Memo::new(move |_| {
        if long_list.get() {
            filter.with(|q| q.trim().to_string())
        } else {
            String::new()
        }
    });
    let filtering = Memo::new(move |_| query.with(|q| !q.is_empty()));
    // The servers the filter finds, as positions in `choices`.
    let found = Memo::new(move |_| {
        let folded = query.with(|query| fold_case(query));
        choices.with(|groups| {
            groups
                .iter()
                .enumerate()
                .filter(|(_, g)| g.server_matches(&folded))
                .map(|(at, _)| at)
                .collect::<Vec<_>>()
        })
    });
    let listed = RwSignal::new(LISTED_AT_ONCE);
    // Each with whether it is being restored: listed, but not choosable.
    let listed_groups = move || {
        let count = listed.get();
        store.locks().with(|locks| {
            found.with(|found| {
                choices.with(|groups| {
                    found
                        .iter()
                        .take(count)
                        .filter_map(|&at| groups.get(at))
                        .map(|g| (g.clone(), locks.is_locked(g.server.id)))
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let unlisted = Memo::new(move |_| found.with(Vec::len).saturating_sub(listed.get()));
    let list_more = move |_| {
        let first_new = listed.get_untracked();
        listed.update(|n| *n += LISTED_AT_ONCE);
        // The button may go: focus moves to the first server just listed.
        let id = found.with_untracked(|found| {
            choices.with_untracked(|groups| {
                found
                    .get(first_new)
                    .and_then(|&at| groups.get(at))
                    .map(|g| g.server.id)
            })
        });
        if let Some(id) = id {
            // Once the new rows are in the page.
            request_animation_frame(move || focus_by_id(&format!("many-server-{id}")));
        }
    };
    // A server that filled up, or is being restored, since it was chosen is
    // not sent.
    let chosen_with_room = Memo::new(move |_| {
        store.locks().with(|locks| {
            chosen.with(|ids| {
                choices.with(|groups| {
                    groups
                        .iter()
                        .filter(|g| ids.contains(&g.server.id) && !g.is_full())
                        .filter(|g| !locks.is_locked(g.server.id))
                        .map(|g| (g.server.id, g.server.name.clone()))
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    // What is deleted first: the candidate of each full server chosen, as it
    // is now, unless its delete already waits or the server is being restored.
    let making_room = Memo::new(move |_| {
        store.locks().with(|locks| {
            room_chosen.with(|ids| {
                choices.with(|groups| {
                    groups
                        .iter()
                        .filter(|g| ids.contains(&g.server.id) && g.is_full())
                        .filter(|g| !locks.is_locked(g.server.id))
                        .filter_map(room_candidate)
                        .filter(|old| !pending.is_pending(old.id))
                        .collect::<Vec<Snapshot>>()
                })
            })
        })
    });
    let room_count = Memo::new(move |_| making_room.with(Vec::len));
    // Confirmed for the very snapshots named now, never for others named before.
    let room_confirmed =
        move || room_count.get() == 0 || making_room.with(|old| room_confirm.confirms(old));
    let count = move || chosen_with_room.with(Vec::len) + room_count.get();
    let select_room = move |_| {
        // Every server found, listed yet or not. Added to what is chosen:
        // servers hidden by the filter stay chosen.
        let with_room: Vec<u64> = store.locks().with_untracked(|locks| {
            found.with_untracked(|found| {
                choices.with_untracked(|groups| {
                    found
                        .iter()
                        .filter_map(|&at| groups.get(at))
                        .filter(|g| !g.is_full() && !locks.is_locked(g.server.id))
                        .map(|g| g.server.id)
                        .collect()
                })
            })
        });
        chosen.update(|c| c.extend(with_room));
    };
    let submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        let old = making_room.get_untracked();
        let mut servers = chosen_with_room.get_untracked();
        servers.extend(old.iter().map(|s| (s.server.id, s.server.name.clone())));
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
            <fieldset class="server-choices">
                <legend>{i18n.text(Key::CreateManyServers)}</legend>
                {move || long_list.get().then(|| view! {
                    <div class="field server-choices-filter">
                        <label for="many-filter">{i18n.text(Key::CreateManyFilter)}</label>
                        // In a long list, finding the servers comes first.
                        <input
                            id="many-filter"
                            type="search"
                            autofocus
                            placeholder=i18n.text(Key::CreateManyFilterHint)
                            prop:value=filter
                            on:input=move |event| filter.set(event_target_value(&event))
                        />
                    </div>
                })}
                <div class="server-choices-bar">
                    <button type="button" class="button button-wrap" autofocus on:click=select_room>
                        {move || i18n.text(if filtering.get() { Key::CreateManySelectFound } else { Key::CreateManySelectRoom })}
                    </button>
                    <span class="hint" role="status">{move || i18n.msg(&Msg::create_many_chosen(count()))}</span>
                </div>
                <Show when=move || choices.with(Vec::is_empty)>
                    <p class="notice notice-warn">{i18n.text(Key::CreateManyNoServers)}</p>
                </Show>
                {move || (filtering.get() && found.with(Vec::is_empty)).then(|| view! {
                    <p class="hint">{move || i18n.msg(&Msg::create_many_filter_none(query.get()))}</p>
                })}
                <ul class="server-choice-list">
                    // The candidate too: its "make room" choice names it.
                    <For each=listed_groups key=|(g, locked)| (g.server.id, g.total, g.status.clone(), *locked, make_room_candidate(&g.snapshots).map(|s| s.id)) let:choice>
                        <ServerChoice group=choice.0 locked=choice.1 chosen room_chosen/>
                    </For>
                </ul>
                {move || (unlisted.get() > 0).then(|| {
                    let (shown, total) = (listed.get(), found.with(Vec::len));
                    view! {
                        <div class="server-choices-more">
                            <p class="hint">{move || i18n.msg(&Msg::create_many_partial(shown, total))}</p>
                            <button type="button" class="button" on:click=list_more>
                                {move || i18n.msg(&Msg::create_many_list_more(unlisted.get().min(LISTED_AT_ONCE)))}
                            </button>
                        </div>
                    }
                })}
            </fieldset>
            <NameField id="many-name" name problem=name_problem/>
            <DescriptionField id="many-description" description/>
            {move || (room_count.get() > 0).then(|| view! { <ManyRoomBox old=making_room.into() confirm=room_confirm/> })}
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| close.run(())>
                    {i18n.text(Key::Cancel)}
                </button>
                <button type="submit" class="button button-primary button-wrap" disabled=move || count() == 0 || name_problem.get().is_some() || !room_confirmed()>
                    {move || i18n.msg(&Msg::create_many_confirm(count()))}
                </button>
            </div>
        </form>
    }
}

/// One server as a labelled checkbox, with its count and state beside it; a
/// full server is listed but cannot be chosen, and may offer to make room; a
/// server being restored (`locked`) is listed but offers nothing.
#[component]
fn ServerChoice(
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
    let server = group.server.name.clone();
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

/// The batch's progress: one row per server, and a summary.
#[component]
fn BatchProgress(close: Callback<()>) -> impl IntoView {
    let store = use_snapshot_store();
    let batch = use_create_batch();
    let i18n = use_i18n();
    let server_ids = Memo::new(move |_| {
        batch.with(|run| {
            run.map(|r| {
                r.batch
                    .rows()
                    .iter()
                    .map(|row| row.server_id)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    });
    // The form and its focused button are gone: focus moves here, inside the
    // dialog, so keyboard use (and Escape) goes on.
    let close_button = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            let _ = button.focus();
        }
    });
    let summary = move || {
        let text = batch.with(|run| run.map(summary_msg))?;
        Some(i18n.msg(&text))
    };
    view! {
        <p class="batch-summary" role="status">{summary}</p>
        <table class="batch-table">
            <caption class="visually-hidden">{i18n.text(Key::CreateManyProgress)}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.text(Key::LabelServer)}</th>
                    <th scope="col">{i18n.text(Key::CreateManyProgress)}</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || server_ids.get() key=|id| *id let:id>
                    <tr data-server-id=id>
                        <th scope="row" dir="auto">{move || batch.with(|run| run.map(|r| written_out(r.server_name(id)).into_owned()))}</th>
                        <td>
                            {move || batch.with(|run| run.and_then(|r| step_msg(store, r, id))).map(|m| i18n.msg(&m))}
                            // While the old snapshot's delete waits, Undo is here too
                            // (the step above says the new snapshot follows).
                            {batch.with_untracked(|run| run.and_then(|r| r.room_snapshot(id).cloned()))
                                .map(|old| view! { <RowPendingDelete snapshot=old follow_said=true/> })}
                        </td>
                    </tr>
                </For>
            </tbody>
        </table>
        <p class="hint">{i18n.text(Key::CreateManyCloseNote)}</p>
        <div class="dialog-actions">
            <button type="button" class="button button-primary" autofocus node_ref=close_button on:click=move |_| close.run(())>
                {i18n.text(Key::Close)}
            </button>
        </div>
    }
}

/// Where one server of the batch is, in words; a started snapshot is
/// followed in the list, as single creates are.
fn step_msg(store: SnapshotStore, run: &BatchRun, server_id: u64) -> Option<Msg> {
    let row = run.batch.row(server_id)?;
    if let Some(msg) = run
        .room_snapshot(server_id)
        .and_then(|old| room_step_msg(row, &old.name))
    {
        return Some(msg);
    }
    Some(match &row.step {
        Step::MakingRoom | Step::RoomNotMade(_) => return None,
        Step::Waiting => Msg::from(Key::StepWaiting),
        Step::Sent => Msg::from(Key::StepSent),
        Step::NotAsked => Msg::from(Key::StepNotAsked),
        Step::Failed(CreateFailure::Unknown(_)) => Msg::from(Key::StepNoAnswer),
        Step::Failed(failure) => failure_text(failure),
        Step::Created(snapshot_id) => {
            let status = store.snapshots().with(|all| {
                all.iter()
                    .find(|s| s.id == *snapshot_id)
                    .map(|s| (s.status.clone(), s.size_mb))
            });
            match status {
                Some((SnapshotStatus::InProgress, _)) => Msg::from(Key::StepInProgress),
                Some((SnapshotStatus::Completed, size)) => Msg::step_completed(size_msg(size)),
                Some((status @ SnapshotStatus::Other(_), _)) => {
                    Msg::step_ended(snapshot_status_msg(&status))
                }
                // Gone from the list meanwhile (deleted, or another filter).
                None => Msg::from(Key::StepStarted),
            }
        }
    })
}

/// Where a server making room is, when its old snapshot `old` decides what
/// it is told: the delete is awaited or did not happen, or it went and the
/// new snapshot did not come of it.
fn room_step_msg(row: &Row<CreateFailure, ApiError>, old: &str) -> Option<Msg> {
    Some(match &row.step {
        Step::MakingRoom => Msg::step_making_room(old),
        Step::RoomNotMade(NoRoom::Undone) => Msg::step_room_undone(old),
        Step::RoomNotMade(NoRoom::Failed(error)) => {
            Msg::step_room_not_deleted(old, error.describe())
        }
        Step::NotAsked if row.made_room => Msg::step_room_not_asked(old),
        Step::Failed(CreateFailure::Unknown(error)) if row.made_room => {
            Msg::step_room_create_unknown(old, error.describe())
        }
        Step::Failed(CreateFailure::Refused(error) | CreateFailure::NotCreated(error))
            if row.made_room =>
        {
            Msg::step_room_create_failed(old, error.describe())
        }
        _ => return None,
    })
}

/// The batch in numbers.
fn summary_msg(run: &BatchRun) -> Msg {
    let b = &run.batch;
    let started = b
        .servers_where(|r| matches!(r.step, Step::Created(_)))
        .len();
    let failed = b
        .servers_where(|r| {
            matches!(
                r.step,
                Step::Failed(_) | Step::NotAsked | Step::RoomNotMade(_)
            )
        })
        .len();
    let left = b
        .servers_where(|r| matches!(r.step, Step::Waiting | Step::Sent | Step::MakingRoom))
        .len();
    Msg::create_many_summary(started, b.rows().len(), failed, left)
}
