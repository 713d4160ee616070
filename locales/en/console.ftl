# The snapshot console in English: the reference catalogue. Every other
# catalogue has exactly these messages, with the same variables (checked by
# `cargo test`). Raw API data (names, descriptions, the API's messages) is
# never in here: it comes in variables.

## Language menu

language = Language
# The language's own name, shown in the language menu.
language-name = English
language-unavailable = { $language } could not be loaded (is the connection down?), so the console stays in the language it was in.

## App shell

skip-to-content = Skip to content
config-problem-title = The console cannot start
config-problem-hint = Whoever hosts this console should check the config.json file beside index.html.
reload = Reload
not-found-title = Page not found
not-found-link = Go to the snapshots
config-network = config.json could not be fetched (network error).
config-http = config.json could not be fetched (HTTP { $status }).
config-unreadable = config.json could not be read.
config-invalid = config.json is not valid: { $detail }.
config-bad-base = config.json: api_base_url must be empty or an origin such as https://admin.vps.org (scheme, host and port only), not “{ $value }”.
config-bad-origin = config.json: allowed_portal_origins must hold origins such as https://portal.example.com, not “{ $value }”.

## Sign-in and session

brand = VPS.org snapshots
sign-in = Sign in
signing-in = Signing in…
sign-in-hint = Paste an API token of your VPS.org account. It is kept in this browser tab only and forgotten when the tab is closed.
token-label = API token
show-token = Show token
token-missing = Paste your API token first.
token-rejected = This token was rejected by the API. Check it and try again.
token-check-failed = The token could not be checked: { $error }
signed-out-rejected = You were signed out because the API rejected the token (it may have been revoked or expired).
signed-out-rejected-outcome = { signed-out-rejected } { $outcome }
# Writes (create, restore, delete) sent before the session ended whose answer had not come: whether they were done is unknown.
signed-out-unanswered = { $count ->
    [one] One change sent before the session ended was still waiting for the API's answer: it may have been made. Sign in again and check the list before you repeat it.
   *[other] { $count } changes sent before the session ended were still waiting for the API's answer: they may have been made. Sign in again and check the list before you repeat them.
}
portal-sign-in-failed = The portal's sign-in did not work: { $error }
sign-out = Sign out

## Snapshot list

page-title = Snapshots — VPS.org
page-title-busy = ({ $count }) { page-title }
offline-banner = You are offline. Updates are paused and will resume when the connection is back.
unreadable-snapshots = { $count } snapshot(s) in the API's answer could not be read and are not shown. Refresh, or check them in the provider's panel.
label-server = Server
all-servers = All servers
label-search = Search
search-placeholder = Server, hostname, IP or snapshot
label-sort = Sort snapshots
sort-date = Newest first
sort-name = Name (A–Z)
sort-size = Largest first
updated = Updated { $time }
refresh = Refresh
refreshing = Refreshing…
new-snapshot = New snapshot
stale-notice = Could not refresh: { $error } Showing the list as it was { $age }.
retry = Retry
load-failed = The snapshots could not be loaded
list-empty = This account has no servers or snapshots yet.
no-match = No server or snapshot matches “{ $query }”.
loading-snapshots = Loading snapshots…

## A server's group

group-count = { $count } / { $limit } snapshots
new-snapshot-of = New snapshot of { $server }
group-limit-reached = Limit reached: this server has { $limit } snapshots. Delete one before taking a new one.
group-empty = No snapshots yet. Take one before your next risky change.
# A server's state "active", as the Servers API calls it.
server-state-active = running
restore-line-running = Restoring from “{ $snapshot }” (started { $started }): { $progress }
restore-line-finished = Restored from “{ $snapshot }” (started { $started }).
restore-line-untracked = Restore from “{ $snapshot }” started { $started }. This console cannot see when it ends (no access to the Servers API); it usually takes { $min }–{ $max } minutes.

## A snapshot's row

label-size = Size
label-created = Created
time-unknown = unknown time
status-completed = Completed
status-in-progress = In progress
restore-note-in-progress = Can be restored once completed.
restore-note-other = Cannot be restored (status: { $status }).
restore-note-server-restoring = Its server is being restored; wait until that ends.
restore = Restore
delete = Delete
restore-aria = Restore { $server } from { $snapshot }
delete-aria = Delete snapshot { $snapshot } of { $server }

## Sizes, dates and durations

size-unknown = —
size-mb = { $amount } MB
size-gb = { $amount } GB
size-tb = { $amount } TB
time-just-now = just now
time-minutes-ago =
    { $count ->
        [one] { $count } minute ago
       *[other] { $count } minutes ago
    }
time-hours-ago =
    { $count ->
        [one] { $count } hour ago
       *[other] { $count } hours ago
    }
time-days-ago =
    { $count ->
        [one] { $count } day ago
       *[other] { $count } days ago
    }
time-months-ago =
    { $count ->
        [one] { $count } month ago
       *[other] { $count } months ago
    }
time-years-ago =
    { $count ->
        [one] { $count } year ago
       *[other] { $count } years ago
    }
# An exact time in UTC; the parts are zero-padded numbers.
datetime-at = { $year }-{ $month }-{ $day } { $hour }:{ $minute }:{ $second } { $zone }
# When a snapshot was taken: the exact time, then how long ago.
taken-at = { $exact } ({ $relative })
elapsed-under-minute = < 1 min
elapsed-minutes = { $count } min
progress = { $elapsed } elapsed — usually { $min }–{ $max } min
progress-overdue = { $elapsed } elapsed — taking longer than usual (usually { $min }–{ $max } min)

## New snapshot dialog

create-purpose = A snapshot is a quick rollback point before a risky change: { $limit } per server, kept on the same infrastructure. For long-term protection, use backups.
choose-server = Choose a server
server-note-full = { $count } / { $limit } — limit reached
label-name = Name
name-rule = Use letters, digits, hyphens (-) and underscores (_) only, at most { $max } characters.
name-empty = A name is required.
name-too-long = The name is longer than { $max } characters.
name-space = Spaces are not allowed.
name-bad-char = “{ $char }” is not allowed.
label-description = Description
optional = (optional)
char-count = { $count } / { $max } characters
cancel = Cancel
create-snapshot = Create snapshot
creating = Creating…
limit-reached-oldest = { $server } has reached the limit of { $limit } snapshots. Delete one first (oldest first: { $names }).
# A snapshot name in quotes, in a list of names.
quoted = “{ $text }”
warn-running = { $server } is running. A snapshot of a running server may leave its filesystem inconsistent; for the best result, stop the server first.
warn-maybe-running = If the server is running, its filesystem may be inconsistent in the snapshot; for the best result, stop the server first.
create-server-gone = This server no longer exists, so nothing was created. Refresh the list.
create-refused-plain = The API refused the snapshot: { $error }
create-refused = { $error } Nothing was created.
create-not-created = { $error } Nothing was created (the list has no such snapshot). You can try again.
create-unknown = { $error } It is not known whether the snapshot was created: refresh the list before trying again.
toast-creating = Snapshot “{ $snapshot }” of { $server } is being created.

## Restore dialog

restore-title = Restore { $server } from “{ $snapshot }”?
restore-replaced = All current data on { $server } (#{ $id }) will be replaced
restore-replaced-by = by the snapshot “{ $snapshot }”, taken { $taken }. This cannot be undone.
restore-stop-note = The server is stopped automatically before the restore begins. A restore usually takes { $min }–{ $max } minutes.
restore-wait-running = A snapshot of { $server } is in progress. Restore once it has completed, so it is not cut short.
restore-safety-advice = Take a safety snapshot of { $server } first, so its current state can be brought back.
safety-take = Take a safety snapshot
safety-starting = Starting snapshot…
restore-no-room = { $server } has { $limit } / { $limit } snapshots, so there is no room for a safety snapshot.
# The description the console gives a safety snapshot it creates.
safety-description = Safety snapshot before restoring from { $snapshot }
restore-confirm-label = To confirm, type the server name
restore-server = Restore server
restoring = Restoring…
restore-refused = The API refused the restore: the server is not in a valid state for it. { $error }
restore-snapshot-gone = This snapshot no longer exists, so nothing was restored. Refresh the list.
restore-maybe = { $error } The restore may or may not have started: check the server's state before trying again.
restore-failed = { $error } The server was not restored.
safety-not-created = The safety snapshot was not created: { $error }
safety-unknown = { $error } It is not known whether the safety snapshot was created.

## Delete dialog

delete-title = Delete snapshot “{ $snapshot }”?
delete-warning = The snapshot “{ $snapshot }” of { $server } (#{ $id }), taken { $taken }, will be deleted permanently.
delete-last-point = This is the last completed snapshot of { $server }: after it is deleted, the server has no rollback point.
delete-maybe = { $error } The snapshot may not have been deleted: refresh the list to check.
delete-failed = { $error } The snapshot was not deleted.
delete-snapshot = Delete snapshot
deleting = Deleting…

## Notices

dismiss-notice = Dismiss notice
toast-restore-finished = The restore of { $server } from “{ $snapshot }” has finished.
# The console's words, not the API's English estimate: the dialog gave the one estimate.
toast-restore-started = { $server }: the restore has started.
toast-deleted = Snapshot “{ $snapshot }” was deleted.
toast-already-deleted = Snapshot “{ $snapshot }” had already been deleted.
toast-snapshot-complete = Snapshot “{ $snapshot }” of { $server } is complete ({ $size }).
toast-snapshot-failed = Snapshot “{ $snapshot }” of { $server } did not complete.
outcome-not-created = The snapshot “{ $snapshot }” was not created.
outcome-not-restored = The server { $server } was not restored.
outcome-not-deleted = The snapshot “{ $snapshot }” was not deleted.
# A server whose name is not known.
server-fallback = server #{ $id }

## API errors

error-unauthorized = The API rejected the token (it may have been revoked or expired).
error-forbidden = This token is not allowed to do that.
error-not-found = Not found: it may have been deleted already.
error-rejected = The API refused the request.
error-rate-limited = The API is limiting requests right now. Wait a moment and try again.
error-server = The API had a problem (HTTP { $status }). Try again in a moment.
error-network = Could not reach the API. Check your connection and try again.
error-timeout = The API did not answer in time.
error-undecodable = The API sent an answer this console cannot read.
# $generic is one of the messages above; $detail the API's own words.
error-with-detail = { $generic } The API said: “{ $detail }”

## Delete many, undo window, make room

select-snapshot = Select { $snapshot } of { $server }
select-all-of = Select all snapshots of { $server }
selection-summary = { $count } selected · { $size }
delete-selected = Delete selected
clear-selection = Clear
delete-many-title =
    { $count ->
        [one] Delete { $count } snapshot?
       *[other] Delete { $count } snapshots?
    }
delete-many-lead = These snapshots will be deleted permanently, freeing { $size }. A deleted snapshot cannot be restored.
delete-many-last-point = { $server } would be left without a completed snapshot: its last rollback point would go.
delete-many-confirm-label = To confirm, type the number of snapshots to delete ({ $count })
delete-many-confirm =
    { $count ->
        [one] Delete { $count } snapshot
       *[other] Delete { $count } snapshots
    }
deleting-in = Deleting in { $seconds } s
undo = Undo
undo-aria = Undo deleting { $snapshot } of { $server }
undo-all = Undo all
pending-summary =
    { $count ->
        [one] { $count } snapshot is waiting to be deleted. Leaving this page cancels it.
       *[other] { $count } snapshots are waiting to be deleted. Leaving this page cancels them.
    }
toast-delete-undone = The delete of “{ $snapshot }” was cancelled: nothing was sent.
toast-deleted-many =
    { $count ->
        [one] { $count } snapshot was deleted.
       *[other] { $count } snapshots were deleted.
    }
toast-deletes-cancelled =
    { $count ->
        [one] The delete that was waiting was cancelled: nothing was sent.
       *[other] The { $count } deletes that were waiting were cancelled: nothing was sent.
    }
delete-failures-title =
    { $count ->
        [one] { $count } snapshot was not deleted
       *[other] { $count } snapshots were not deleted
    }
delete-failure-line = “{ $snapshot }” of { $server }: { $error }
retry-failed = Try the failed ones again
dismiss-failures = Dismiss
outcome-delete-stopped = Deleted: { $deleted }. Not deleted: { $kept }.
none-listed = none
make-room-offer = Make room: first delete “{ $snapshot }”, the oldest completed snapshot of { $server }, taken { $taken }.
make-room-none = No snapshot of { $server } can go to make room: it has no older completed snapshot besides its last one, and snapshots in progress are never deleted.
make-room-submit = Delete “{ $snapshot }”, then create
toast-make-room-create-failed = { $old } was deleted, but the new snapshot “{ $new }” was not taken: { $error }
toast-make-room-create-unknown = { $old } was deleted; whether the new snapshot “{ $new }” was taken is unknown: { $error } Refresh to check.
toast-make-room-not-deleted = { $old } was not deleted, so no new snapshot was taken: { $error }
make-room-open = Make room…
make-room-open-aria = Make room on { $server } for a new snapshot

## Snapshot several servers

create-many = Snapshot several servers
create-many-purpose = One snapshot of each chosen server, all with the same name. Each server is asked once, at most { $max } at a time, and nothing is retried automatically.
create-many-servers = Servers
create-many-select-room = Select all that have room
create-many-filter = Find servers
create-many-filter-hint = Name, number, hostname or IP
create-many-filter-none = No server matches “{ $query }”.
create-many-select-found = Select all found that have room
create-many-partial = { $shown } of { $total } servers are listed. Find servers by name or number to narrow the list.
create-many-list-more = List { $count } more
create-many-chosen =
    { $count ->
        [one] { $count } server chosen
       *[other] { $count } servers chosen
    }
create-many-no-servers = No servers are known yet. Refresh the list and try again.
create-many-count = { $count } / { $limit }
create-many-full = Limit reached: delete a snapshot of this server first.
create-many-running = Running: stop it first for a consistent snapshot.
create-many-confirm =
    { $count ->
        [0] Snapshot the chosen servers
        [one] Snapshot { $count } server
       *[other] Snapshot { $count } servers
    }
create-many-progress = Progress
create-many-summary =
    { $refused ->
        [0]
            { $left ->
                [0] { $created } of { $total } created
               *[other] { $created } of { $total } created, { $left } in progress
            }
       *[other]
            { $left ->
                [0] { $created } of { $total } created, { $refused } refused
               *[other] { $created } of { $total } created, { $refused } refused, { $left } in progress
            }
    }
create-many-close-note = Closing this dialog does not stop what was sent: the list shows each new snapshot.
close = Close
step-waiting = Waiting
step-sent = Sent, waiting for the API
step-in-progress = In progress
step-completed = Completed ({ $size })
step-ended = Ended with the status “{ $status }”
step-started = Started
step-not-asked = Not asked: nothing was sent
step-no-answer = No answer: it may or may not have been created. Check the list before trying again.
list-none = none
batch-signed-out = The batch was stopped. Snapshot started on: { $started }. Not asked (nothing sent): { $not_asked }. Asked, but no snapshot started: { $failed }.

## Rollback readiness, export, keyboard shortcuts

# $ago is a relative time such as “3 days ago”.
readiness-fresh = Last rollback point { $ago }
readiness-stale =
    { $days ->
        [one] Stale: last rollback point { $ago }, more than { $days } day old
       *[other] Stale: last rollback point { $ago }, more than { $days } days old
    }
readiness-undated = Stale: the time of the last rollback point is unknown
readiness-none = No rollback point: this server has no completed snapshot
readiness-summary =
    { $count ->
        [one] { $count } of { $total } servers has no rollback point from the last { $days } days.
       *[other] { $count } of { $total } servers have no rollback point from the last { $days } days.
    }
readiness-summary-ok = Every server has a rollback point from the last { $days } days.
readiness-show-missing = Show only these servers
readiness-filter-empty = Every server here has a recent rollback point.
export-label = Export the list as shown
export-csv = Export CSV
export-json = Export JSON
export-failed = The file could not be prepared for download. Try again.
shortcuts-button = Keyboard shortcuts
shortcuts-title = Keyboard shortcuts
shortcuts-intro = These keys work on the snapshot list, except while you type in a field or a dialog is open.
shortcuts-then = then
shortcut-new-snapshot = New snapshot
shortcut-focus-search = Search
shortcut-refresh = Refresh the list
shortcut-activity = Go to Activity
shortcut-help = Show this list
shortcuts-close = Close

## Activity page, notifications, idle sign-out

activity-link = Activity
activity-back-to-snapshots = Snapshots
activity-title = Activity in this tab
activity-intro = Every create, restore and delete this tab sent, newest first. It is kept until you sign out or close the tab.
activity-empty = This tab has not sent any create, restore or delete yet.
activity-export-json = Export as JSON
activity-col-time = Time
activity-col-action = Action
activity-col-server = Server
activity-col-snapshot = Snapshot
activity-col-outcome = Outcome
activity-col-duration = Took
activity-col-command = Command
activity-create = Create
activity-restore = Restore
activity-delete = Delete
# $status is the HTTP status code the API answered with.
activity-status = HTTP { $status }
activity-no-answer = No answer
# $ms is a whole number of milliseconds.
activity-duration = { $ms } ms
activity-copy-curl = Copy as cURL
activity-copied = Copied. The command reads the token from $VPS_API_TOKEN.
activity-copy-fallback = The browser did not allow copying. Select this command and copy it:
idle-warning-title = Are you still there?
# $seconds is a whole number of seconds.
idle-warning-text = This tab has not been used for a while. For safety you will be signed out in { $seconds } s.
idle-stay = Stay signed in
idle-signed-out = You were signed out because this tab was not used for a while. Sign in again to continue.
notify-me = Notify me
notify-denied = The browser does not allow notifications for this page, so they stay off. You can allow them in the site settings.
notify-unsupported = This browser cannot show notifications here.
notify-snapshot-complete-title = Snapshot complete
notify-snapshot-failed-title = Snapshot failed
notify-restore-finished-title = Restore finished

## Make room when snapshotting several servers

# $server is a server's name, $snapshot the name of its oldest completed snapshot.
create-many-make-room = Make room on { $server }: delete “{ $snapshot }” first
create-many-room-lead =
    { $count ->
        [one] This snapshot will be deleted first, to make room:
       *[other] These { $count } snapshots will be deleted first, to make room:
    }
create-many-room-item = { $server }: “{ $snapshot }”, taken { $taken }
create-many-room-warning =
    { $seconds ->
        [0] The deletes come first and are sent at once when you confirm; once sent, they cannot be undone. Each of these servers gets its new snapshot only after its delete succeeded.
       *[other] The deletes come first and cannot be undone once sent. They wait { $seconds } s, during which Undo on a snapshot cancels its delete and that server's new snapshot. Each of these servers gets its new snapshot only after its delete succeeded.
    }
step-making-room = Making room: deleting “{ $snapshot }” first; the new snapshot waits for it
step-room-undone = Cancelled: the delete of “{ $snapshot }” was undone, so no new snapshot was taken
step-room-not-deleted = Not taken: the old snapshot “{ $snapshot }” was not deleted. { $error }
step-room-create-failed = The old snapshot “{ $snapshot }” is gone, and the new one was not taken: { $error }
step-room-create-unknown = The old snapshot “{ $snapshot }” is gone; whether the new one was taken is unknown: { $error } Check the list before trying again.
step-room-not-asked = Not asked: no new snapshot was taken, and the old snapshot “{ $snapshot }” was already deleted
batch-signed-out-room = The batch was stopped. Snapshot started on: { $started }. Not asked (nothing sent): { $not_asked }. Asked, but no snapshot started: { $failed }. Old snapshot deleted to make room, but no new snapshot started: { $room_gone }.

## Session safety: a new portal token, leaving the page with deletes waiting

portal-session-ended = The portal handed over a new token, so the previous session was ended first: nothing it had waiting will be sent.
toast-deletes-not-sent-left =
    { $count ->
        [one] You left this page while a delete was waiting, so it was cancelled: nothing was sent. Delete the snapshot again if you still want it gone.
       *[other] You left this page while { $count } deletes were waiting, so they were cancelled: nothing was sent. Delete the snapshots again if you still want them gone.
    }

## Hidden characters in names

# $name is a name from the API, with each hidden character written out as <U+…>.
hidden-chars-server = The server name { $name } holds hidden characters that can change how it reads. Each one is written out here as <U+…>, its Unicode code point.
hidden-chars-snapshot = The snapshot name { $name } holds hidden characters that can change how it reads. Each one is written out here as <U+…>, its Unicode code point.
restore-confirm-label-written = To confirm, type the server name as it is written out here, each <U+…> included
# Beside a server in "Snapshot several servers".
hidden-chars-short = its name holds hidden characters

## A server being restored is locked

# $server is a server's name.
server-locked-restoring = { $server } is being restored. Until the restore ends, you cannot take a new snapshot of it, restore it, or delete its snapshots.
restore-source-badge = Restoring from this snapshot
# $server is a server's name, $id its number.
server-note-restoring = being restored
create-many-restoring = Being restored: it can be chosen once the restore ends.
# $servers is a list of server names, $count how many there are.
toast-selection-dropped-restoring =
    { $count ->
        [one] The snapshots of { $servers } were taken out of your selection: that server is being restored. Nothing was deleted.
       *[other] The snapshots of { $servers } were taken out of your selection: those servers are being restored. Nothing was deleted.
    }
error-server-restoring = Not sent: the server is being restored. Try again once the restore has ended.

## Undo windows, make room bound to its snapshot, statuses

# What a delete confirmation says of the undo window (delete_undo_seconds).
undo-window-one =
    { $seconds ->
        [0] The delete is sent as soon as you confirm, and cannot be undone.
       *[other] The delete is sent { $seconds } s after you confirm; you can undo it until then. Once sent, it cannot be undone.
    }
undo-window-many =
    { $seconds ->
        [0] The deletes are sent as soon as you confirm, and cannot be undone.
       *[other] The deletes are sent { $seconds } s after you confirm; you can undo them until then. Once sent, they cannot be undone.
    }
make-room-follows =
    { $seconds ->
        [0] Then a new snapshot of { $server } is taken, only if the delete succeeded.
       *[other] Then a new snapshot of { $server } is taken, only if the delete succeeded. Undo cancels both.
    }
# A waiting delete that makes room: the row says what follows it.
deleting-in-then-create = Deleting in { $seconds } s, then taking a new snapshot of { $server }
deleting-then-create = Deleting, then taking a new snapshot of { $server }…
# The snapshot "make room" would delete changed under the open dialog.
make-room-changed = The list changed while this dialog was open: “{ $new }” is now the snapshot of { $server } to delete, not “{ $old }”. Your confirmation was cleared; check and confirm again.
status-failed = Failed
restore-note-failed = Cannot be restored (status: failed).
server-state-stopped = stopped
server-state-suspended = suspended
server-state-restoring = restoring

## Security review: the API's address and its next-page links

# $value is the api_base_url of config.json, as written there.
config-base-not-https = config.json: api_base_url must use https://, because every request carries the API token and plain http:// would send it unencrypted (http:// is accepted only for localhost and 127.0.0.1), not “{ $value }”.
# $next is the address the API gave for the next page of a list, as it wrote it.
error-next-page-refused = The list stopped before its end: the API gave “{ $next }” as the address of its next page, which is not this API's list. The API token is sent nowhere else, so the rest was not asked for.

## Search and sort: servers found by name, number, hostname or IP; the server sort

label-server-sort = Sort servers
# Servers without a rollback point first, then those whose newest one is oldest.
server-sort-readiness = Readiness, worst first
server-sort-count = Most snapshots first
server-sort-size = Largest in total first
server-sort-newest = Newest snapshot first
# What a search shows, said as the list changes: $servers is count-servers, $snapshots count-snapshots.
list-shown = Showing { $servers } and { $snapshots }.
count-servers =
    { $count ->
        [one] { $count } server
       *[other] { $count } servers
    }
count-snapshots =
    { $count ->
        [one] { $count } snapshot
       *[other] { $count } snapshots
    }

## The server page (…/servers/{id})

# The tab's title on a server's page; $server is its name.
server-page-title = { $server } — { page-title }
server-page-back = Back to the list
server-page-details = Details
server-page-hostname = Hostname
server-page-ip = IP address
server-page-status = Status
server-page-location = Location
server-page-plan = Plan
server-page-os = Operating system
server-page-created = Created
# A plan's name and hardware; $memory and $storage are sizes (“4.0 GB”).
server-page-plan-value = { $plan } · { $vcpus } vCPU · { $memory } RAM · { $storage } disk
# A detail the Servers API did not give.
server-page-not-given = Not given
server-page-forbidden = This token may not read the Servers API: the hostname, IP address, location, plan, operating system and creation date are not shown. The snapshots below come from the snapshot list.
server-page-failed = The server's details could not be read: { $reason } The snapshots below come from the snapshot list.
server-page-activity = Sent from this tab
server-page-activity-empty = This tab has not sent any create, restore or delete for this server.
server-page-loading = Loading the server…
# An address …/servers/{id} naming no server of the account.
server-page-unknown = No server #{ $id }
server-page-unknown-hint = This account has no server with that number, or this token may not see it.

# The server pickers (ui/combobox): how many options the typed text finds, said politely.
combobox-found =
    { $count ->
        [0] No match
        [one] { $count } match
       *[other] { $count } matches
    }

## A big account loading behind its first screen (store/load.rs)

# $loaded and $total are numbers of snapshots.
list-progress = Loaded { $loaded } of { $total } snapshots. Search and the server filter cover what has loaded so far, the readiness summary only the servers shown; the others are added below when loading ends, and the order may change then.
list-progress-done = All { $total } snapshots loaded. Search, the server filter and the readiness summary now cover them all.
list-progress-label = Snapshots loaded
# Said with a search's results while the list is still loading, then once it has loaded.
search-partial = Searching only what has loaded so far: { $loaded } of { $total } snapshots loaded…
search-complete = Searched all { $total } snapshots.
# On a server's section found among the rows read so far, while the account loads.
server-still-loading = This server's snapshots are still loading: only those read so far are shown, and it takes no new snapshot until all are read.

## Phone-sized screens, notices, times (issue 27)
more-tools = More
toasts-more = +{ $count } more
toast-details = Details
time-zone-label = Times in
time-zone-local = Local time
time-zone-utc = UTC
activity-export-csv = Export as CSV
