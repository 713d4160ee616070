//! The transport: one `fetch` with a time limit, and automatic retries for
//! reads only.

use super::error::{ApiError, Reply};
use crate::browser::now_ms;
use crate::domain::retry::next_delay_ms;
use gloo_net::http::{Method, RequestBuilder};
use gloo_timers::{callback::Timeout, future::TimeoutFuture};
use std::{cell::Cell, rc::Rc};

/// A request with no answer after this long is abandoned.
const TIMEOUT_MS: u32 = 15_000;

/// Sends a request once, aborting it after [`TIMEOUT_MS`]. Any HTTP status is
/// an `Ok` reply; only a missing answer is an error.
pub async fn send_once(
    method: Method,
    url: &str,
    token: &str,
    json_body: Option<String>,
) -> Result<Reply, ApiError> {
    let controller = web_sys::AbortController::new().map_err(|_| ApiError::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    // Dropping the timer (when this function returns) cancels it.
    let _timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Timeout::new(TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let lost = || {
        if timed_out.get() {
            ApiError::Timeout
        } else {
            ApiError::Network
        }
    };

    let builder = RequestBuilder::new(url)
        .method(method)
        // The token is the only credential: no cookie of the page's origin
        // (a portal's session) goes to the API, and none comes back from it.
        .credentials(web_sys::RequestCredentials::Omit)
        .header("Authorization", &format!("Bearer {token}"))
        .header("Accept", "application/json")
        .abort_signal(Some(&controller.signal()));
    let request = match json_body {
        Some(body) => builder
            .header("Content-Type", "application/json")
            .body(body),
        None => builder.build(),
    }
    .map_err(|_| ApiError::Network)?;

    let response = request.send().await.map_err(|_| lost())?;
    let status = response.status();
    let retry_after = response.headers().get("retry-after");
    let body = response.text().await.map_err(|_| lost())?;
    Ok(Reply {
        status,
        retry_after,
        body,
    })
}

/// Sends a GET, trying again with back-off after a transient failure (network,
/// timeout, 429, 5xx) as [`next_delay_ms`] allows. `Ok` holds a 2xx reply.
pub async fn get_with_retry(url: &str, token: &str) -> Result<Reply, ApiError> {
    let started = now_ms();
    let mut failed_attempts = 0;
    loop {
        let error = match send_once(Method::GET, url, token, None).await {
            Ok(reply) if (200..300).contains(&reply.status) => return Ok(reply),
            Ok(reply) => reply.into_error(now_ms()),
            Err(error) => error,
        };
        if !error.is_transient() {
            return Err(error);
        }
        failed_attempts += 1;
        let elapsed = (now_ms() - started).max(0) as u64;
        match next_delay_ms(
            failed_attempts,
            elapsed,
            error.retry_after_ms(),
            js_sys::Math::random(),
        ) {
            Some(delay) => TimeoutFuture::new(delay.min(u64::from(u32::MAX)) as u32).await,
            None => return Err(error),
        }
    }
}
