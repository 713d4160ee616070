//! The notifier: whether notifications are on, the browser's permission,
//! and showing one.

use crate::browser::session_storage;
use crate::i18n::{I18n, Msg};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

const STORAGE_KEY: &str = "vps.notify";

/// What the switch shows besides on and off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotifyProblem {
    /// The browser (or the user, earlier) refused permission.
    Denied,
    /// This browser or page cannot show notifications at all.
    Unsupported,
}

/// The app-wide notification choice (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct Notifier {
    on: RwSignal<bool>,
    problem: RwSignal<Option<NotifyProblem>>,
    i18n: I18n,
}

/// Creates the notifier (on again after a reload if it was on and the
/// permission still holds) and provides it to the app.
pub fn provide_notifier(i18n: I18n) -> Notifier {
    let was_on = session_storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .is_some_and(|v| v == "on");
    let notifier = Notifier {
        on: RwSignal::new(was_on && permission() == Some(NotificationPermission::Granted)),
        problem: RwSignal::new(None),
        i18n,
    };
    provide_context(notifier);
    notifier
}

/// The notifier provided by [`provide_notifier`], if any.
pub fn use_notifier() -> Option<Notifier> {
    use_context()
}

/// The page's permission, or `None` where `Notification` does not exist
/// (calling it there would throw).
fn permission() -> Option<NotificationPermission> {
    let window = web_sys::window()?;
    js_sys::Reflect::has(&window, &JsValue::from_str("Notification"))
        .unwrap_or(false)
        .then(Notification::permission)
}

impl Notifier {
    /// Whether notifications are on (tracked).
    pub fn is_on(&self) -> bool {
        self.on.get()
    }

    /// Whether notifications are on, for timers and tasks (not tracked).
    pub fn is_on_untracked(&self) -> bool {
        self.on.try_get_untracked().unwrap_or(false)
    }

    /// Why the switch could not be turned on, if it could not (tracked).
    pub fn problem(&self) -> Option<NotifyProblem> {
        self.problem.get()
    }

    /// Asks the browser's permission (a prompt, the first time) and turns
    /// notifications on only if it is granted.
    pub async fn turn_on(&self) {
        let granted = match permission() {
            None => {
                self.problem.set(Some(NotifyProblem::Unsupported));
                return;
            }
            Some(NotificationPermission::Granted) => true,
            Some(_) => match Notification::request_permission() {
                Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise)
                    .await
                    .ok()
                    .and_then(|answer| answer.as_string())
                    .is_some_and(|answer| answer == "granted"),
                Err(_) => false,
            },
        };
        let _ = self
            .problem
            .try_set((!granted).then_some(NotifyProblem::Denied));
        let _ = self.on.try_set(granted);
        self.keep(granted);
    }

    /// Turns notifications off.
    pub fn turn_off(&self) {
        self.on.set(false);
        self.problem.set(None);
        self.keep(false);
    }

    /// Shows a system notification, when on.
    // Not leptos-use's `use_web_notification`: it asks for permission when
    // made (not at the switch), keeps one notification at a time, and panics
    // when one cannot be made.
    pub fn show(&self, title: &Msg, body: &Msg) {
        if !self.is_on_untracked() || permission() != Some(NotificationPermission::Granted) {
            return;
        }
        let options = NotificationOptions::new();
        options.set_body(&self.i18n.msg_untracked(body));
        // A failure (e.g. the browser withdrew permission) leaves the toast,
        // which is shown either way.
        let _ = Notification::new_with_options(&self.i18n.msg_untracked(title), &options);
    }

    fn keep(&self, on: bool) {
        if let Some(storage) = session_storage() {
            let _ = if on {
                storage.set_item(STORAGE_KEY, "on")
            } else {
                storage.remove_item(STORAGE_KEY)
            };
        }
    }
}
