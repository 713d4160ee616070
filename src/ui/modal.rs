//! An accessible modal dialog (WAI-ARIA pattern) on the native `<dialog>`:
//! focus moves in, Tab stays inside, Escape, Cancel or a click outside close it
//! without acting, and focus goes back to the control that opened it.

use crate::i18n::{use_i18n, Key};
use crate::ui::toast_region::ToastRegion;
use leptos::{ev, html, prelude::*};
use send_wrapper::SendWrapper;
use std::{cell::RefCell, rc::Rc};
use wasm_bindgen::JsCast;

const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
    textarea:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

/// A modal dialog. Its content names the title (`title_id`) and the warning
/// (`description_id`), and marks the safest control with `autofocus`.
#[component]
pub fn Modal(
    /// The id of the element holding the dialog's title.
    #[prop(into)]
    title_id: String,
    /// The id of the element holding the dialog's main warning or purpose.
    #[prop(into)]
    description_id: String,
    /// `alertdialog` for destructive confirmations, `dialog` otherwise.
    #[prop(default = "dialog")]
    role: &'static str,
    /// Closes the dialog without acting.
    on_close: Callback<()>,
    /// While true (a request is in flight) the dialog cannot be dismissed.
    #[prop(into)]
    busy: Signal<bool>,
    children: Children,
) -> impl IntoView {
    let dialog_ref = NodeRef::<html::Dialog>::new();
    show_while_mounted(dialog_ref);
    let dismiss = move || {
        if !busy.get_untracked() {
            on_close.run(());
        }
    };
    // A click counts as "outside" only if it also started on the backdrop, so
    // selecting text inside and releasing outside does not close the dialog.
    let pressed_outside = StoredValue::new(false);
    let is_backdrop = move |target: Option<web_sys::EventTarget>| {
        let dialog = dialog_ref.get_untracked();
        target.is_some_and(|t| {
            dialog.is_some_and(|d| d.unchecked_ref::<web_sys::EventTarget>() == &t)
        })
    };

    view! {
        <dialog
            node_ref=dialog_ref
            class="modal"
            role=role
            aria-modal="true"
            aria-labelledby=title_id
            aria-describedby=description_id
            on:cancel=move |event: ev::Event| {
                event.prevent_default();
                dismiss();
            }
            on:mousedown=move |event: ev::MouseEvent| pressed_outside.set_value(is_backdrop(event.target()))
            on:click=move |event: ev::MouseEvent| {
                if pressed_outside.get_value() && is_backdrop(event.target()) {
                    dismiss();
                }
            }
            on:keydown=move |event: ev::KeyboardEvent| {
                match event.key().as_str() {
                    "Escape" => {
                        event.prevent_default();
                        dismiss();
                    }
                    "Tab" => {
                        if let Some(dialog) = dialog_ref.get_untracked() {
                            keep_focus_inside(&dialog, &event);
                        }
                    }
                    _ => {}
                }
            }
        >
            <div class="modal-content">{children()}</div>
            // Above the dialog: notices the page's region would show under it.
            <ToastRegion in_dialog=true/>
        </dialog>
    }
}

/// Opens the dialog as a modal once it is in the page, and on leaving closes
/// it and gives the focus back to the control that had it before.
fn show_while_mounted(dialog_ref: NodeRef<html::Dialog>) {
    let opener = document().active_element();
    let shown: Rc<RefCell<Option<web_sys::HtmlDialogElement>>> = Rc::default();
    Effect::new({
        let shown = shown.clone();
        let opener = opener.clone();
        move |_| {
            if let Some(dialog) = dialog_ref.get() {
                if !dialog.open() {
                    // Moves focus to the `autofocus` control and makes the page behind inert.
                    let _ = dialog.show_modal();
                    place_by_opener(&dialog, opener.as_ref());
                }
                shown.replace(Some(dialog));
            }
        }
    });
    let leaving = SendWrapper::new((shown, opener));
    on_cleanup(move || {
        let (shown, opener) = leaving.take();
        // Close first: while the modal is open, the opener is inert and cannot take focus.
        if let Some(dialog) = shown.take() {
            dialog.close();
        }
        if let Some(opener) = opener.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = opener.focus();
        }
    });
}

/// In a portal's frame sized to the console's content, the frame's view is
/// the whole console, so a centred dialog can be far from the part the
/// portal shows (a portal on the same site is not scrolled to it): the
/// dialog is put by the control that opened it, which is in view.
fn place_by_opener(dialog: &web_sys::HtmlDialogElement, opener: Option<&web_sys::Element>) {
    const ROOM: f64 = 24.0; // style/main.css: `.modal`'s margins.
    let embedded = document()
        .document_element()
        .is_some_and(|root| root.has_attribute("data-embedded"));
    let (Some(opener), true) = (opener, embedded) else {
        return;
    };
    let view = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let lowest = view - f64::from(dialog.offset_height()) - ROOM;
    let top = (opener.get_bounding_client_rect().top() - 2.0 * ROOM)
        .min(lowest)
        .max(ROOM);
    let _ = web_sys::HtmlElement::style(dialog)
        .set_property("margin", &format!("{}px auto auto", top as i32));
    // A portal on another site was scrolled to the focused control where the
    // dialog first showed: to where it is now (its end at the bottom of the
    // view, its actions in view). On the same site this does nothing.
    dialog.scroll_into_view_with_bool(false);
}

/// Wraps Tab from the last control to the first, and Shift+Tab from the first
/// to the last, so focus never leaves the dialog.
fn keep_focus_inside(dialog: &web_sys::HtmlDialogElement, event: &web_sys::KeyboardEvent) {
    let Ok(nodes) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let controls: Vec<web_sys::HtmlElement> = (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into().ok())
        .collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        event.prevent_default();
        return;
    };
    let active = document().active_element();
    let is = |control: &web_sys::HtmlElement| {
        active.as_ref() == Some(control.unchecked_ref::<web_sys::Element>())
    };
    let inside = controls.iter().any(is);
    let target = if event.shift_key() {
        (!inside || is(first)).then_some(last)
    } else {
        (!inside || is(last)).then_some(first)
    };
    if let Some(target) = target {
        event.prevent_default();
        let _ = target.focus();
    }
}

/// The buttons of a destructive confirmation: Cancel, the safe choice that
/// takes focus first, and the destructive action, styled as such.
#[component]
pub fn ConfirmActions(
    /// While true (a request is in flight) Cancel is disabled too.
    #[prop(into)]
    busy: Signal<bool>,
    /// Whether the destructive button may be pressed.
    #[prop(into)]
    can_confirm: Signal<bool>,
    /// The destructive button's label (it changes while working).
    #[prop(into)]
    confirm_label: Signal<String>,
    on_cancel: Callback<()>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="dialog-actions">
            <button type="button" class="button" autofocus disabled=move || busy.get() on:click=move |_| on_cancel.run(())>
                {i18n.text(Key::Cancel)}
            </button>
            <button type="button" class="button button-danger" disabled=move || !can_confirm.get() on:click=move |_| on_confirm.run(())>
                {move || confirm_label.get()}
            </button>
        </div>
    }
}
