//! The server's details from the Servers API, or what is missing and why.

use super::state::ServerFacts;
use crate::api::ApiError;
use crate::domain::model::{Server, ServerStatus};
use crate::domain::time::parse_rfc3339;
use crate::i18n::{server_state_msg, size_msg, use_i18n, Key, Msg};
use crate::time_zone::TimeAgo;
use leptos::prelude::*;

/// Hostname, IP address, status, location, plan, operating system and
/// creation time, each "Not given" where the API did not say; and, when
/// the Servers API could not be read, which details are missing and why.
#[component]
pub(super) fn ServerDetailsCard(facts: ServerFacts) -> impl IntoView {
    let i18n = use_i18n();
    let server = Memo::new(move |_| facts.server());
    // Each value as a message, "Not given" where the API gave none.
    let text = move |pick: fn(&Server) -> Option<Msg>| {
        move || {
            let value = server.with(|s| s.as_ref().and_then(pick));
            i18n.msg(&value.unwrap_or_else(|| Key::ServerPageNotGiven.into()))
        }
    };
    // Live from the list (a restore changes it).
    let status = move || {
        let status = status_msg(facts.status());
        i18n.msg(&status.unwrap_or_else(|| Key::ServerPageNotGiven.into()))
    };
    view! {
        <section class="server-details card" aria-labelledby="server-details-title">
            <h2 id="server-details-title">{i18n.text(Key::ServerPageDetails)}</h2>
            <MissingNotice facts/>
            <dl class="details-list">
                <dt>{i18n.text(Key::ServerPageHostname)}</dt>
                <dd dir="auto">{text(|s| api_text(&s.details.hostname))}</dd>
                <dt>{i18n.text(Key::ServerPageIp)}</dt>
                <dd dir="auto">{text(|s| api_text(&s.details.ip_address))}</dd>
                <dt>{i18n.text(Key::ServerPageStatus)}</dt>
                <dd dir="auto">{status}</dd>
                <dt>{i18n.text(Key::ServerPageLocation)}</dt>
                <dd dir="auto">{text(|s| api_text(&s.details.location))}</dd>
                <dt>{i18n.text(Key::ServerPagePlan)}</dt>
                <dd dir="auto">{text(plan_msg)}</dd>
                <dt>{i18n.text(Key::ServerPageOs)}</dt>
                <dd dir="auto">{text(|s| api_text(&s.details.os))}</dd>
                <dt>{i18n.text(Key::ServerPageCreated)}</dt>
                <dd dir="auto">{move || {
                    let created = server.with(|s| s.as_ref().map(|s| s.details.created_at.clone()));
                    match created.as_deref().and_then(parse_rfc3339) {
                        Some(at) => view! { <TimeAgo at/> }.into_any(),
                        // Not a time the console can read: the API's words.
                        None => {
                            let text = created.as_deref().and_then(api_text);
                            i18n.msg(&text.unwrap_or_else(|| Key::ServerPageNotGiven.into())).into_any()
                        }
                    }
                }}</dd>
            </dl>
        </section>
    }
}

/// What is missing when the Servers API told nothing of the server: a token
/// without access to it (403, 404), or another failure with its reason.
#[component]
fn MissingNotice(facts: ServerFacts) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let text = match facts.missing()? {
            ApiError::Forbidden { .. } | ApiError::NotFound { .. } => {
                Msg::from(Key::ServerPageForbidden)
            }
            error => Msg::server_page_failed(error.describe()),
        };
        Some(view! { <p class="notice notice-warn">{i18n.msg(&text)}</p> })
    }
}

/// The server's state in words, `None` where no one said.
fn status_msg(status: ServerStatus) -> Option<Msg> {
    (status != ServerStatus::Unknown).then(|| server_state_msg(&status))
}

/// Text from the API, shown as it is (isolated, hidden characters written
/// out), or `None` when empty.
fn api_text(text: &str) -> Option<Msg> {
    (!text.is_empty()).then(|| Msg::raw(text))
}

/// The plan's name and hardware, sizes in the language's units.
fn plan_msg(server: &Server) -> Option<Msg> {
    let plan = server.details.plan.as_ref()?;
    Some(Msg::server_page_plan_value(
        &plan.name,
        i64::from(plan.vcpus),
        size_msg(Some(plan.memory_mb)),
        size_msg(Some(plan.storage_gb.saturating_mul(1024))),
    ))
}
