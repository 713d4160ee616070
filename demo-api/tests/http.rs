//! End-to-end behaviour of the demo API: requests go through the whole
//! router in-process (`oneshot`), and through a real socket for the `drop`
//! fault.

use std::path::PathBuf;
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use demo_api::state::Settings;
use demo_api::{router, AppState, Config};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::ServiceExt;

const TOKEN: &str = "demo-token-0123456789abcdef";

fn app_with(config: Config) -> Router {
    router(AppState::new(config))
}

fn test_app() -> Router {
    app_with(Config {
        test_mode: true,
        ..Config::default()
    })
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    text: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{e}: {}", self.text))
    }
}

async fn call(app: &Router, method: &str, uri: &str, token: Option<&str>, body: &str) -> Answer {
    let mut req = Request::builder()
        .method(method)
        .uri(uri)
        .header("host", "example.test");
    if let Some(token) = token {
        req = req.header("authorization", format!("Bearer {token}"));
    }
    if !body.is_empty() {
        req = req.header("content-type", "application/json");
    }
    let res = app
        .clone()
        .oneshot(req.body(Body::from(body.to_owned())).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = to_bytes(res.into_body(), usize::MAX).await.unwrap();
    Answer {
        status,
        headers,
        text: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

async fn get(app: &Router, uri: &str) -> Answer {
    call(app, "GET", uri, Some(TOKEN), "").await
}

async fn post(app: &Router, uri: &str, body: &str) -> Answer {
    call(app, "POST", uri, Some(TOKEN), body).await
}

async fn control(app: &Router, uri: &str, body: Value) -> Answer {
    let answer = call(app, "POST", uri, None, &body.to_string()).await;
    assert_eq!(
        answer.status,
        StatusCode::NO_CONTENT,
        "{uri}: {}",
        answer.text
    );
    answer
}

fn ids(list: &Value) -> Vec<i64> {
    list["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn token_is_required_on_every_api_path() {
    let app = test_app();
    let unauthorized = json!({"detail": "Invalid or missing authentication token."});
    for token in [None, Some("wrong")] {
        for uri in ["/api/v1/snapshots/", "/api/v1/servers/12345/", "/api/nope"] {
            let answer = call(&app, "GET", uri, token, "").await;
            assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{uri}");
            assert_eq!(answer.json(), unauthorized);
        }
    }
    let answer = call(&app, "DELETE", "/api/v1/snapshots/801/", None, "").await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(get(&app, "/api/v1/snapshots/").await.status, StatusCode::OK);
    // With the token, an unknown API path is a JSON 404.
    let answer = get(&app, "/api/v1/nope/").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.json(), json!({"detail": "Not found."}));

    control(&app, "/__test/revoke", json!({})).await;
    assert_eq!(
        get(&app, "/api/v1/snapshots/").await.status,
        StatusCode::UNAUTHORIZED
    );
    control(&app, "/__test/reset", json!({})).await;
    assert_eq!(get(&app, "/api/v1/snapshots/").await.status, StatusCode::OK);
}

#[tokio::test]
async fn list_matches_the_seed() {
    let app = test_app();
    let list = get(&app, "/api/v1/snapshots/?server_id=12345").await.json();
    assert_eq!(
        list,
        json!({"count": 2, "next": null, "previous": null, "results": [
            {"id": 801, "server": {"id": 12345, "name": "web-server-01"},
             "name": "pre-migration-snapshot", "status": "completed", "size_mb": 5120,
             "created_at": "2025-01-15T18:30:00Z", "description": "Before major migration"},
            {"id": 798, "server": {"id": 12345, "name": "web-server-01"},
             "name": "weekly-snapshot-2025-01-08", "status": "completed", "size_mb": 4856,
             "created_at": "2025-01-08T12:00:00Z", "description": "Weekly snapshot"}]})
    );
    let all = get(&app, "/api/v1/snapshots").await.json();
    assert_eq!(all["count"], 9);
    assert_eq!(ids(&all), [830, 820, 815, 814, 813, 812, 811, 801, 798]);
    let legacy = &all["results"][0];
    assert_eq!(legacy["status"], "failed");
    assert_eq!(legacy["size_mb"], Value::Null);
    assert!(legacy.get("description").is_none());
    assert_eq!(all["results"][6]["description"], "");

    let answer = get(&app, "/api/v1/snapshots/?server_id=abc").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        answer.json(),
        json!({"server_id": ["A valid integer is required."]})
    );
    assert_eq!(
        get(&app, "/api/v1/snapshots/?server_id=1").await.json()["count"],
        0
    );

    let servers = get(&app, "/api/v1/servers/").await.json();
    assert_eq!(servers["count"], 5);
    assert_eq!(
        servers["results"][0],
        json!({"id": 12345, "name": "web-server-01", "hostname": "web01.example.com",
               "status": "active", "ip_address": "203.0.113.10", "location": "us-west",
               "plan": {"id": 1, "name": "Standard VPS", "vcpus": 2, "memory": 4096, "storage": 80},
               "os": {"id": 5, "name": "Ubuntu 22.04 LTS"},
               "created_at": "2025-01-10T14:30:00Z", "updated_at": "2025-01-15T10:20:00Z"})
    );
    let stopped = get(&app, "/api/v1/servers/?status=stopped").await.json();
    assert_eq!(ids(&stopped), [12347]);
    let eu = get(&app, "/api/v1/servers/?location=eu-central")
        .await
        .json();
    assert_eq!(ids(&eu), [12347, 12349]);
    assert_eq!(
        get(&app, "/api/v1/servers/12348").await.json()["name"],
        "build-runner-01"
    );
    let missing = get(&app, "/api/v1/servers/1/").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json(), json!({"detail": "Server not found."}));
}

#[tokio::test]
async fn create_validates_its_input() {
    let app = test_app();
    let cases = [
        ("not json", json!({"detail": "Invalid JSON body."})),
        ("[1]", json!({"detail": "Invalid JSON body."})),
        (
            r#"{"name": "a"}"#,
            json!({"server_id": ["This field is required."]}),
        ),
        (
            r#"{"server_id": "x", "name": "a"}"#,
            json!({"server_id": ["A valid integer is required."]}),
        ),
        (
            r#"{"server_id": 12345}"#,
            json!({"name": ["This field is required."]}),
        ),
        (
            r#"{"server_id": 12345, "name": ""}"#,
            json!({"name": ["This field is required."]}),
        ),
        (
            r#"{"server_id": 12345, "name": "has space"}"#,
            json!({"name": ["Name may contain only letters, digits, hyphens and underscores (at most 64 characters)."]}),
        ),
        (
            &format!(r#"{{"server_id": 12345, "name": "{}"}}"#, "a".repeat(65)),
            json!({"name": ["Name may contain only letters, digits, hyphens and underscores (at most 64 characters)."]}),
        ),
        (
            &format!(
                r#"{{"server_id": 12345, "name": "a", "description": "{}"}}"#,
                "é".repeat(501)
            ),
            json!({"description": ["Ensure this field has no more than 500 characters."]}),
        ),
    ];
    for (body, expected) in cases {
        let answer = post(&app, "/api/v1/snapshots/", body).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(answer.json(), expected, "{body}");
    }
    let answer = post(
        &app,
        "/api/v1/snapshots/",
        r#"{"server_id": 1, "name": "a"}"#,
    )
    .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.json(), json!({"detail": "Server not found."}));

    // 64 characters and 500 (multi-byte) characters are still fine.
    let ok = format!(
        r#"{{"server_id": 12348, "name": "{}", "description": "{}"}}"#,
        "a".repeat(64),
        "é".repeat(500)
    );
    assert_eq!(
        post(&app, "/api/v1/snapshots/", &ok).await.status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn limit_of_five_snapshots_per_server() {
    let app = test_app();
    let answer = post(
        &app,
        "/api/v1/snapshots/",
        r#"{"server_id": 12346, "name": "more"}"#,
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        answer.json(),
        json!({"detail": "Snapshot limit reached: server db-server-01 already has 5 snapshots. Delete one before creating another."})
    );
    let answer = call(&app, "DELETE", "/api/v1/snapshots/811/", Some(TOKEN), "").await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    assert_eq!(answer.text, "");
    let answer = post(
        &app,
        "/api/v1/snapshots/",
        r#"{"server_id": 12346, "name": "more"}"#,
    )
    .await;
    assert_eq!(answer.status, StatusCode::CREATED);
}

#[tokio::test]
async fn created_snapshot_completes_after_the_delay() {
    let app = test_app();
    let answer = post(
        &app,
        "/api/v1/snapshots/",
        r#"{"server_id": 12345, "name": "before-update", "description": "Update"}"#,
    )
    .await;
    assert_eq!(answer.status, StatusCode::CREATED);
    let created = answer.json();
    assert_eq!(created["id"], 900);
    assert_eq!(
        created["server"],
        json!({"id": 12345, "name": "web-server-01"})
    );
    assert_eq!(created["status"], "in_progress");
    assert_eq!(created["size_mb"], Value::Null);
    assert_eq!(created["description"], "Update");
    assert_eq!(
        created["message"],
        "Snapshot is being created. This may take 3-10 minutes depending on server size."
    );
    let created_at = created["created_at"].as_str().unwrap();
    assert_eq!(created_at.len(), 20, "{created_at}");
    assert!(created_at.ends_with('Z'));

    let list = get(&app, "/api/v1/snapshots/?server_id=12345").await.json();
    assert_eq!(list["results"][0]["status"], "in_progress");
    // Shortening the delay live also applies to the snapshot in flight.
    control(&app, "/__test/config", json!({"snapshot_delay_ms": 30})).await;
    tokio::time::sleep(Duration::from_millis(60)).await;
    let list = get(&app, "/api/v1/snapshots/?server_id=12345").await.json();
    assert_eq!(list["results"][0]["status"], "completed");
    assert_eq!(list["results"][0]["size_mb"], 3000 + (900 * 37) % 4000);

    // Without a description the new snapshot has an empty one; ids go on.
    let next = post(
        &app,
        "/api/v1/snapshots/",
        r#"{"server_id": 12348, "name": "n"}"#,
    )
    .await;
    assert_eq!(next.json()["id"], 901);
    assert_eq!(next.json()["description"], "");
}

#[tokio::test]
async fn restore_state_machine() {
    let app = test_app();
    control(&app, "/__test/config", json!({"restore_delay_ms": 50})).await;
    let answer = post(&app, "/api/v1/snapshots/801/restore/", "").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.json(),
        json!({"status": "success",
               "message": "Server is being restored from snapshot. This may take 5-15 minutes.",
               "snapshot": {"id": 801, "name": "pre-migration-snapshot", "created_at": "2025-01-15T18:30:00Z"},
               "server": {"id": 12345, "name": "web-server-01", "status": "restoring"}})
    );
    assert_eq!(
        get(&app, "/api/v1/servers/12345/").await.json()["status"],
        "restoring"
    );
    let invalid = json!({"detail": "Server is not in a valid state for restoration."});
    let again = post(&app, "/api/v1/snapshots/798/restore", "{}").await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert_eq!(again.json(), invalid);
    tokio::time::sleep(Duration::from_millis(80)).await;
    assert_eq!(
        get(&app, "/api/v1/servers/12345/").await.json()["status"],
        "active"
    );
    // A stopped server goes back to stopped.
    post(&app, "/api/v1/snapshots/820/restore/", "").await;
    tokio::time::sleep(Duration::from_millis(80)).await;
    assert_eq!(
        get(&app, "/api/v1/servers/12347/").await.json()["status"],
        "stopped"
    );

    // Only completed snapshots can be restored.
    let failed = post(&app, "/api/v1/snapshots/830/restore/", "").await;
    assert_eq!(failed.json(), invalid);
    let id = post(
        &app,
        "/api/v1/snapshots/",
        r#"{"server_id": 12348, "name": "n"}"#,
    )
    .await
    .json()["id"]
        .clone();
    let in_progress = post(&app, &format!("/api/v1/snapshots/{id}/restore/"), "").await;
    assert_eq!(in_progress.status, StatusCode::BAD_REQUEST);
    control(
        &app,
        "/__test/snapshot-status",
        json!({"id": 801, "status": "failed", "size_mb": null}),
    )
    .await;
    assert_eq!(
        post(&app, "/api/v1/snapshots/801/restore/", "")
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    let forced = get(&app, "/api/v1/snapshots/?server_id=12345").await.json();
    assert_eq!(forced["results"][0]["status"], "failed");
    assert_eq!(forced["results"][0]["size_mb"], Value::Null);

    let missing = post(&app, "/api/v1/snapshots/1/restore/", "").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json(), json!({"detail": "Snapshot not found."}));
}

#[tokio::test]
async fn rename_gives_any_name_to_a_server_or_a_snapshot() {
    let app = test_app();
    let hostile = "web\u{202E}10-bd";
    control(
        &app,
        "/__test/rename",
        json!({"server_id": 12345, "name": hostile}),
    )
    .await;
    control(
        &app,
        "/__test/rename",
        json!({"snapshot_id": 801, "name": "snap\u{2069}\u{202E}x"}),
    )
    .await;
    let list = get(&app, "/api/v1/snapshots/?server_id=12345").await.json();
    assert_eq!(list["results"][0]["server"]["name"], hostile);
    assert_eq!(list["results"][0]["name"], "snap\u{2069}\u{202E}x");
    let server = get(&app, "/api/v1/servers/12345/").await.json();
    assert_eq!(server["name"], hostile);

    let both = call(
        &app,
        "POST",
        "/__test/rename",
        None,
        r#"{"server_id": 12345, "snapshot_id": 801, "name": "x"}"#,
    )
    .await;
    assert_eq!(both.status, StatusCode::BAD_REQUEST);
    let missing = call(
        &app,
        "POST",
        "/__test/rename",
        None,
        r#"{"server_id": 1, "name": "x"}"#,
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    control(&app, "/__test/reset", json!({})).await;
    let server = get(&app, "/api/v1/servers/12345/").await.json();
    assert_eq!(server["name"], "web-server-01");
}

#[tokio::test]
async fn a_forced_server_status_holds_until_changed_again() {
    let app = test_app();
    control(&app, "/__test/config", json!({"restore_delay_ms": 20})).await;
    // Forced while this API's own restore runs: the restore is forgotten.
    post(&app, "/api/v1/snapshots/820/restore/", "").await;
    control(
        &app,
        "/__test/server-status",
        json!({"id": 12347, "status": "restoring"}),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(60)).await;
    let status = |answer: Answer| answer.json()["status"].clone();
    assert_eq!(
        status(get(&app, "/api/v1/servers/12347/").await),
        "restoring"
    );
    let listed = get(&app, "/api/v1/servers/").await.json();
    let staging = listed["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == 12347)
        .cloned();
    assert_eq!(
        staging.unwrap()["status"],
        "restoring",
        "the list says so too"
    );
    // The API refuses a restore of a server that is restoring.
    let refused = post(&app, "/api/v1/snapshots/820/restore/", "").await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);

    control(
        &app,
        "/__test/server-status",
        json!({"id": 12347, "status": "stopped"}),
    )
    .await;
    assert_eq!(status(get(&app, "/api/v1/servers/12347/").await), "stopped");

    let unknown = call(
        &app,
        "POST",
        "/__test/server-status",
        None,
        r#"{"id": 1, "status": "active"}"#,
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let bad = call(
        &app,
        "POST",
        "/__test/server-status",
        None,
        r#"{"id": 12347}"#,
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn delete_then_gone() {
    let app = test_app();
    let answer = call(&app, "DELETE", "/api/v1/snapshots/798", Some(TOKEN), "").await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    let answer = call(&app, "DELETE", "/api/v1/snapshots/798/", Some(TOKEN), "").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.json(), json!({"detail": "Snapshot not found."}));
    assert_eq!(
        ids(&get(&app, "/api/v1/snapshots/?server_id=12345").await.json()),
        [801]
    );
    // Reset brings it back.
    control(&app, "/__test/reset", json!({})).await;
    assert_eq!(
        ids(&get(&app, "/api/v1/snapshots/?server_id=12345").await.json()),
        [801, 798]
    );
}

#[tokio::test]
async fn cursor_pagination_links_by_an_opaque_cursor_without_a_count() {
    let app = test_app();
    control(
        &app,
        "/__test/config",
        json!({"page_size": 2, "pagination": "cursor"}),
    )
    .await;
    let page1 = get(&app, "/api/v1/snapshots/?server_id=12346").await.json();
    assert_eq!(page1.get("count"), None);
    assert_eq!(ids(&page1), [815, 814]);
    let next = page1["next"].as_str().unwrap();
    assert!(
        next.starts_with("http://example.test/api/v1/snapshots/?server_id=12346&cursor="),
        "{next}"
    );
    assert!(!next.contains("page="), "{next}");
    let page2 = get(&app, next.trim_start_matches("http://example.test"))
        .await
        .json();
    assert_eq!(ids(&page2), [813, 812]);
    // Reset brings page numbers back.
    control(&app, "/__test/reset", json!({})).await;
    let again = get(&app, "/api/v1/snapshots/").await.json();
    assert!(again["count"].is_number());
}

#[tokio::test]
async fn list_page_faults_change_one_real_page() {
    let app = test_app();
    control(&app, "/__test/config", json!({"page_size": 2})).await;
    // The query in another order, with an empty parameter, as the app may send it.
    let fault = |kind: Value| {
        let mut fault =
            json!({"path_prefix": "/api/v1/snapshots/", "query": "page=2&server_id=12346&"});
        fault
            .as_object_mut()
            .unwrap()
            .extend(kind.as_object().unwrap().clone());
        fault
    };
    control(
        &app,
        "/__test/faults",
        fault(json!({"kind": "count_changed"})),
    )
    .await;
    control(
        &app,
        "/__test/faults",
        fault(json!({"kind": "duplicate_row"})),
    )
    .await;
    control(
        &app,
        "/__test/faults",
        fault(json!({"kind": "next", "next": "https://elsewhere.test/api/v1/snapshots/?page=3"})),
    )
    .await;
    // Another query is left alone.
    let page1 = get(&app, "/api/v1/snapshots/?server_id=12346").await.json();
    assert_eq!(page1["count"], 5);
    let page2 = |app| async move {
        get(app, "/api/v1/snapshots/?server_id=12346&page=2")
            .await
            .json()
    };
    let changed = page2(&app).await;
    assert_eq!(
        (changed["count"].clone(), ids(&changed)),
        (json!(6), vec![813, 812])
    );
    let repeated = page2(&app).await;
    assert_eq!(ids(&repeated), [813, 813]);
    let moved = page2(&app).await;
    assert_eq!(
        moved["next"],
        "https://elsewhere.test/api/v1/snapshots/?page=3"
    );
    // Each fault hit once.
    let plain = page2(&app).await;
    assert_eq!(
        (plain["count"].clone(), ids(&plain)),
        (json!(5), vec![813, 812])
    );
}

#[tokio::test]
async fn pagination_links_are_absolute_and_keep_the_filter() {
    let app = test_app();
    control(&app, "/__test/config", json!({"page_size": 2})).await;
    let page1 = get(&app, "/api/v1/snapshots/?server_id=12346").await.json();
    assert_eq!(page1["count"], 5);
    assert_eq!(ids(&page1), [815, 814]);
    assert_eq!(
        page1["next"],
        "http://example.test/api/v1/snapshots/?server_id=12346&page=2"
    );
    assert_eq!(page1["previous"], Value::Null);
    let page2 = get(&app, "/api/v1/snapshots/?page=2&server_id=12346")
        .await
        .json();
    assert_eq!(ids(&page2), [813, 812]);
    assert_eq!(
        page2["previous"],
        "http://example.test/api/v1/snapshots/?server_id=12346"
    );
    let page3 = get(&app, "/api/v1/snapshots/?server_id=12346&page=3")
        .await
        .json();
    assert_eq!(ids(&page3), [811]);
    assert_eq!(page3["next"], Value::Null);
    assert_eq!(
        page3["previous"],
        "http://example.test/api/v1/snapshots/?server_id=12346&page=2"
    );
    let beyond = get(&app, "/api/v1/snapshots/?server_id=12346&page=4").await;
    assert_eq!(beyond.status, StatusCode::NOT_FOUND);
    assert_eq!(beyond.json(), json!({"detail": "Invalid page."}));
    // An empty list is one empty page.
    let empty = get(&app, "/api/v1/snapshots/?server_id=12348").await.json();
    assert_eq!(
        empty,
        json!({"count": 0, "next": null, "previous": null, "results": []})
    );
    let servers = get(&app, "/api/v1/servers/").await.json();
    assert_eq!(
        servers["next"],
        "http://example.test/api/v1/servers/?page=2"
    );
}

#[tokio::test]
async fn behind_a_proxy_that_names_the_provider_the_links_are_the_providers() {
    let app = test_app();
    control(&app, "/__test/config", json!({"page_size": 2})).await;
    let req = Request::builder()
        .uri("/api/v1/snapshots/")
        .header("host", "admin.vps.org")
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    let res = app.oneshot(req).await.unwrap();
    let bytes = to_bytes(res.into_body(), usize::MAX).await.unwrap();
    let page: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(
        page["next"],
        "https://admin.vps.org/api/v1/snapshots/?page=2"
    );
}

#[tokio::test]
async fn faults_apply_then_are_consumed() {
    let app = test_app();
    control(
        &app,
        "/__test/faults",
        json!({"path_prefix": "/api/v1/snapshots/", "method": "GET", "times": 2, "kind": "status", "status": 503}),
    )
    .await;
    // Another method does not match and does not consume it.
    let created = post(
        &app,
        "/api/v1/snapshots/",
        r#"{"server_id": 12348, "name": "n"}"#,
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED);
    for _ in 0..2 {
        let answer = get(&app, "/api/v1/snapshots/").await;
        assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(answer.json(), json!({"detail": "Service Unavailable."}));
    }
    assert_eq!(get(&app, "/api/v1/snapshots/").await.status, StatusCode::OK);

    control(
        &app,
        "/__test/faults",
        json!({"path_prefix": "/api/", "kind": "html500"}),
    )
    .await;
    let answer = get(&app, "/api/v1/servers/").await;
    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(answer.headers["content-type"], "text/html; charset=utf-8");
    assert_eq!(
        answer.text,
        "<html><body><h1>Internal Server Error</h1></body></html>"
    );

    control(
        &app,
        "/__test/faults",
        json!({"path_prefix": "/api/", "kind": "malformed_json"}),
    )
    .await;
    let answer = get(&app, "/api/v1/snapshots/").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers["content-type"], "application/json");
    assert_eq!(answer.text, r#"{"count": 3, "results": [{"id": 1,"#);

    control(
        &app,
        "/__test/faults",
        json!({"path_prefix": "/api/", "kind": "rate_limit", "retry_after": "2"}),
    )
    .await;
    let answer = get(&app, "/api/v1/snapshots/").await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(answer.headers["retry-after"], "2");
    assert_eq!(answer.json(), json!({"detail": "Request was throttled."}));

    control(
        &app,
        "/__test/faults",
        json!({"path_prefix": "/config.json", "kind": "status", "status": 418, "body": "{\"x\": 1}"}),
    )
    .await;
    let answer = call(&app, "GET", "/config.json", None, "").await;
    assert_eq!(answer.status.as_u16(), 418);
    assert_eq!(answer.text, r#"{"x": 1}"#);

    control(
        &app,
        "/__test/faults",
        json!({"path_prefix": "/api/", "kind": "slow", "delay_ms": 100}),
    )
    .await;
    let started = std::time::Instant::now();
    assert_eq!(get(&app, "/api/v1/snapshots/").await.status, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(100));

    // Every request was logged with the status sent; reset clears faults too.
    let log = call(&app, "GET", "/__test/requests", None, "").await.json();
    let statuses: Vec<u64> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, [201, 503, 503, 200, 500, 200, 429, 418, 200]);
    control(&app, "/__test/faults", json!({"kind": "html500"})).await;
    control(&app, "/__test/reset", json!({})).await;
    assert_eq!(get(&app, "/api/v1/snapshots/").await.status, StatusCode::OK);

    let bad = call(&app, "POST", "/__test/faults", None, r#"{"kind": "nope"}"#).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn request_log_records_what_the_app_sent() {
    let app = test_app();
    call(&app, "GET", "/api/v1/snapshots/?server_id=12345", None, "").await;
    post(
        &app,
        "/api/v1/snapshots/",
        r#"{"server_id": 12345, "name": "a"}"#,
    )
    .await;
    let log = call(&app, "GET", "/__test/requests", None, "").await;
    assert!(!log.text.contains(TOKEN));
    let mut log = log.json();
    for entry in log.as_array_mut().unwrap() {
        // The times are checked by `request_log_times_and_names_faults`.
        entry.as_object_mut().unwrap().remove("at_ms").unwrap();
        entry
            .as_object_mut()
            .unwrap()
            .remove("answered_ms")
            .unwrap();
    }
    assert_eq!(
        log,
        json!([
            {"method": "GET", "path": "/api/v1/snapshots/", "query": "server_id=12345",
             "body": "", "status": 401, "auth": false, "cookie": false, "fault": null},
            {"method": "POST", "path": "/api/v1/snapshots/", "query": "",
             "body": r#"{"server_id": 12345, "name": "a"}"#, "status": 201, "auth": true,
             "cookie": false, "fault": null},
        ])
    );
}

/// Milliseconds since the Unix epoch, as the request log writes `at_ms`.
fn unix_ms() -> u64 {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    u64::try_from(since.as_millis()).unwrap()
}

#[tokio::test]
async fn request_log_times_and_names_faults() {
    let app = test_app();
    let before = unix_ms();
    for kind in [
        json!({"kind": "slow", "delay_ms": 1}),
        json!({"kind": "rate_limit", "retry_after": 1}),
        json!({"kind": "status", "status": 502, "method": "DELETE"}),
    ] {
        control(&app, "/__test/faults", kind).await;
    }
    get(&app, "/api/v1/snapshots/").await;
    get(&app, "/api/v1/servers/").await;
    call(&app, "DELETE", "/api/v1/snapshots/801/", Some(TOKEN), "").await;
    call(&app, "DELETE", "/api/v1/snapshots/798/", Some(TOKEN), "").await;
    let after = unix_ms();

    let log = call(&app, "GET", "/__test/requests", None, "").await.json();
    let entries = log.as_array().unwrap();
    let seen: Vec<(&str, u64, &Value)> = entries
        .iter()
        .map(|e| {
            let path = e["path"].as_str().unwrap();
            (path, e["status"].as_u64().unwrap(), &e["fault"])
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("/api/v1/snapshots/", 200, &json!("slow")),
            ("/api/v1/servers/", 429, &json!("rate_limit")),
            ("/api/v1/snapshots/801/", 502, &json!("status")),
            ("/api/v1/snapshots/798/", 204, &Value::Null),
        ]
    );
    let times: Vec<u64> = entries
        .iter()
        .map(|e| e["at_ms"].as_u64().unwrap())
        .collect();
    assert!(
        times.windows(2).all(|w| w[0] <= w[1]),
        "in order of arrival: {times:?}"
    );
    assert!(
        before <= times[0] && times[3] <= after,
        "{before} ≤ {times:?} ≤ {after}"
    );
    // Each answer is timed too, no sooner than its request arrived.
    for entry in entries {
        let (at, answered) = (entry["at_ms"].as_u64(), entry["answered_ms"].as_u64());
        assert!(at <= answered && answered <= Some(after), "{entry}");
    }
}

#[tokio::test]
async fn queued_faults_can_be_dropped() {
    let app = test_app();
    control(
        &app,
        "/__test/faults",
        json!({"kind": "status", "status": 500, "times": 3}),
    )
    .await;
    assert_eq!(
        get(&app, "/api/v1/snapshots/").await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    let cleared = call(&app, "DELETE", "/__test/faults", None, "").await;
    assert_eq!(cleared.status, StatusCode::NO_CONTENT);
    assert_eq!(get(&app, "/api/v1/snapshots/").await.status, StatusCode::OK);
    // The log is kept: both requests are in it.
    let log = call(&app, "GET", "/__test/requests", None, "").await.json();
    assert_eq!(log.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn request_log_says_whether_a_cookie_came_but_not_what_it_held() {
    let app = test_app();
    let req = Request::builder()
        .uri("/api/v1/servers/")
        .header("authorization", format!("Bearer {TOKEN}"))
        .header("cookie", "portal_session=secret-value")
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        app.clone().oneshot(req).await.unwrap().status(),
        StatusCode::OK
    );
    get(&app, "/api/v1/servers/").await;
    let log = call(&app, "GET", "/__test/requests", None, "").await;
    assert!(!log.text.contains("secret-value"));
    let cookies: Vec<Value> = log
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["cookie"].clone())
        .collect();
    assert_eq!(cookies, [json!(true), json!(false)]);
}

#[tokio::test]
async fn test_routes_exist_only_in_test_mode() {
    let app = app_with(Config::default());
    let answer = call(&app, "POST", "/__test/reset", None, "").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(
        call(&app, "GET", "/__test/requests", None, "").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn wrong_method_is_a_json_405() {
    let app = test_app();
    let answer = call(&app, "PUT", "/api/v1/snapshots/", Some(TOKEN), "{}").await;
    assert_eq!(answer.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(
        answer.json(),
        json!({"detail": "Method \"PUT\" not allowed."})
    );
    assert!(answer.headers.contains_key("allow"));
}

#[tokio::test]
async fn cors_allows_any_origin() {
    let app = test_app();
    let req = Request::builder()
        .method("OPTIONS")
        .uri("/api/v1/snapshots/")
        .header("origin", "http://elsewhere.test")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization,content-type",
        )
        .body(Body::empty())
        .unwrap();
    let res = app.oneshot(req).await.unwrap();
    assert!(res.status().is_success());
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
    let allowed = res.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap();
    assert!(allowed.contains("authorization") && allowed.contains("content-type"));
}

fn temp_dist(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("demo-api-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, content) in files {
        std::fs::write(dir.join(file), content).unwrap();
    }
    dir
}

#[tokio::test]
async fn static_files_with_spa_fallback() {
    let dist = temp_dist(
        "static",
        &[
            ("index.html", "<html>app</html>"),
            ("app-1234.js", "console.log(1)"),
        ],
    );
    let app = app_with(Config {
        dist: dist.clone(),
        ..Config::default()
    });
    for uri in ["/", "/index.html", "/servers/12345", "/deep/link?x=1"] {
        let answer = call(&app, "GET", uri, None, "").await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        assert_eq!(answer.text, "<html>app</html>", "{uri}");
        assert_eq!(answer.headers["cache-control"], "no-cache", "{uri}");
    }
    let js = call(&app, "GET", "/app-1234.js", None, "").await;
    assert_eq!(js.text, "console.log(1)");
    assert!(!js.headers.contains_key("cache-control"));
    let config = call(&app, "GET", "/config.json", None, "").await;
    assert_eq!(config.json(), json!({"api_base_url": ""}));
    assert_eq!(config.headers["cache-control"], "no-cache");
    // API and test paths never fall back to the app.
    assert_eq!(
        call(&app, "GET", "/__test/x", None, "").await.status,
        StatusCode::NOT_FOUND
    );

    std::fs::write(dist.join("config.json"), r#"{"api_base_url": "http://x"}"#).unwrap();
    let config = call(&app, "GET", "/config.json", None, "").await;
    assert_eq!(config.json(), json!({"api_base_url": "http://x"}));

    // Without a build, pages explain what to do; the API still works.
    std::fs::remove_file(dist.join("index.html")).unwrap();
    let answer = call(&app, "GET", "/", None, "").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert!(answer.text.contains("not built"));
    assert_eq!(get(&app, "/api/v1/snapshots/").await.status, StatusCode::OK);
    let _ = std::fs::remove_dir_all(dist);
}

#[tokio::test]
async fn large_seed_pages_through_everything() {
    let app = app_with(Config {
        seed: demo_api::state::Seed::Large {
            servers: 40,
            snapshots: 150,
        },
        settings: Settings {
            page_size: 100,
            ..Settings::default()
        },
        ..Config::default()
    });
    let page1 = get(&app, "/api/v1/snapshots/").await.json();
    assert_eq!(page1["count"], 150);
    assert_eq!(page1["results"].as_array().unwrap().len(), 100);
    let page2 = get(&app, "/api/v1/snapshots/?page=2").await.json();
    assert_eq!(page2["results"].as_array().unwrap().len(), 50);
    let servers = get(&app, "/api/v1/servers/").await.json();
    assert_eq!(servers["count"], 40);
    assert_eq!(servers["results"][0]["name"], "srv-0001");
}

#[tokio::test]
async fn latency_delays_every_api_answer_and_nothing_else() {
    let latency = Duration::from_millis(300);
    let app = app_with(Config {
        test_mode: true,
        settings: Settings {
            latency,
            ..Settings::default()
        },
        ..Config::default()
    });
    let started = std::time::Instant::now();
    assert_eq!(get(&app, "/api/v1/snapshots/").await.status, StatusCode::OK);
    assert!(started.elapsed() >= latency);
    // A refusal crosses the same network.
    let started = std::time::Instant::now();
    let refused = call(&app, "GET", "/api/v1/servers/", None, "").await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert!(started.elapsed() >= latency);
    // The test controls are not the provider's: they answer at once.
    let started = std::time::Instant::now();
    control(&app, "/__test/reset", json!({})).await;
    assert!(started.elapsed() < latency);
}

#[tokio::test]
async fn servers_forbidden_makes_the_servers_api_answer_403_and_nothing_else() {
    let forbidden = json!({"detail": "You do not have permission to perform this action."});
    let app = app_with(Config {
        test_mode: true,
        settings: Settings {
            servers_forbidden: true,
            ..Settings::default()
        },
        ..Config::default()
    });
    for uri in [
        "/api/v1/servers/",
        "/api/v1/servers",
        "/api/v1/servers/12345/",
    ] {
        let answer = get(&app, uri).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{uri}");
        assert_eq!(answer.json(), forbidden);
    }
    // The snapshots still answer, and the token is still checked first.
    assert_eq!(get(&app, "/api/v1/snapshots/").await.json()["count"], 9);
    let refused = call(&app, "GET", "/api/v1/servers/", None, "").await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    // Reset returns to the command line's switch.
    control(&app, "/__test/reset", json!({})).await;
    assert_eq!(
        get(&app, "/api/v1/servers/").await.status,
        StatusCode::FORBIDDEN
    );

    // The test control turns it on and off live.
    let app = test_app();
    control(&app, "/__test/config", json!({"servers_forbidden": true})).await;
    let answer = get(&app, "/api/v1/servers/12345/").await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    control(&app, "/__test/config", json!({"servers_forbidden": false})).await;
    let answer = get(&app, "/api/v1/servers/12345/").await;
    assert_eq!(answer.json()["name"], "web-server-01");
}

/// Sends raw HTTP/1.1 over a fresh connection and returns everything read
/// until the server closes it.
async fn raw(addr: std::net::SocketAddr, request: String) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    // A reset instead of a clean close also counts as "no answer".
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
        .await
        .expect("the server neither answered nor closed");
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn drop_fault_closes_the_connection_without_an_answer() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(demo_api::serve(listener, test_app(), false));

    let fault = r#"{"path_prefix": "/api/v1/snapshots/", "kind": "drop"}"#;
    let answer = raw(
        addr,
        format!(
            "POST /__test/faults HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n{fault}",
            fault.len()
        ),
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 204"), "{answer}");
    // Test mode closes every connection after its answer (no keep-alive).
    assert!(
        answer.to_ascii_lowercase().contains("connection: close"),
        "{answer}"
    );

    let list = format!(
        "GET /api/v1/snapshots/ HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer {TOKEN}\r\n\r\n"
    );
    assert_eq!(raw(addr, list.clone()).await, "");
    // Used up: the next request is answered.
    assert!(raw(addr, list).await.starts_with("HTTP/1.1 200"));

    let log = raw(
        addr,
        "GET /__test/requests HTTP/1.1\r\nHost: t\r\n\r\n".into(),
    )
    .await;
    let body = log.split("\r\n\r\n").nth(1).unwrap();
    let entries: Value = serde_json::from_str(body).unwrap();
    let statuses: Vec<u64> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, [0, 200]);
}

#[tokio::test]
async fn a_hold_keeps_numbered_pages_back_until_released() {
    let app = test_app();
    control(
        &app,
        "/__test/faults",
        json!({"path_prefix": "/api/v1/snapshots/", "with_param": "page", "kind": "hold", "times": 100}),
    )
    .await;
    // Without a `page` parameter: not held.
    assert_eq!(get(&app, "/api/v1/snapshots/").await.status, StatusCode::OK);
    let held = {
        let app = app.clone();
        tokio::spawn(async move { get(&app, "/api/v1/snapshots/?page=1").await.status })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(!held.is_finished(), "the numbered page is held");
    control(&app, "/__test/release", json!({})).await;
    assert_eq!(held.await.unwrap(), StatusCode::OK);
    // Released: later pages are no longer held.
    assert_eq!(
        get(&app, "/api/v1/snapshots/?page=1").await.status,
        StatusCode::OK
    );
}
