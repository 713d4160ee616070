//! The list as shown, and the Activity page's writes, as a CSV or JSON file
//! for a spreadsheet, a ticket or a script.

use super::model::Snapshot;
use super::time::{iso_in, Zone};
use serde::Serialize;

/// The columns, in order; also the JSON keys.
const COLUMNS: [&str; 8] = [
    "server_id",
    "server_name",
    "snapshot_id",
    "name",
    "status",
    "size_mb",
    "created",
    "description",
];

/// A byte order mark, so spreadsheets read the file as UTF-8.
const UTF8_BOM: &str = "\u{feff}";

/// One exported snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExportRow {
    pub server_id: u64,
    pub server_name: String,
    pub snapshot_id: u64,
    pub name: String,
    pub status: String,
    pub size_mb: Option<u64>,
    /// ISO 8601 with its zone (`2025-01-15T18:30:00Z`,
    /// `2025-01-15T19:30:00+01:00`), or the API's text when it is not a time.
    pub created: String,
    pub description: String,
}

impl ExportRow {
    /// The row of `snapshot`, its time in the zone `zone` gives for it.
    pub fn of(snapshot: &Snapshot, zone: impl Fn(i64) -> Zone) -> Self {
        Self {
            server_id: snapshot.server.id,
            server_name: snapshot.server.name.to_string(),
            snapshot_id: snapshot.id,
            name: snapshot.name.to_string(),
            status: snapshot.status.as_api().to_string(),
            size_mb: snapshot.size_mb,
            created: snapshot.created.map_or_else(
                || snapshot.created_at.to_string(),
                |at| iso_in(at, zone(at)),
            ),
            description: snapshot.description.to_string(),
        }
    }

    fn cells(&self) -> Vec<Cell<'_>> {
        vec![
            Cell::Number(self.server_id.to_string()),
            Cell::Text(&self.server_name),
            Cell::Number(self.snapshot_id.to_string()),
            Cell::Text(&self.name),
            Cell::Text(&self.status),
            Cell::Number(self.size_mb.map(|mb| mb.to_string()).unwrap_or_default()),
            Cell::Text(&self.created),
            Cell::Text(&self.description),
        ]
    }
}

/// The columns of the Activity export, in order; also the JSON keys.
const ACTIVITY_COLUMNS: [&str; 12] = [
    "time",
    "action",
    "server_id",
    "server_name",
    "snapshot_id",
    "snapshot_name",
    "method",
    "url",
    "status",
    "api_words",
    "duration_ms",
    "body",
];

/// One write of the Activity page, exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActivityRow {
    /// When it was sent, ISO 8601 with its zone (`2025-01-15T19:30:00+01:00`).
    pub time: String,
    /// `create`, `restore` or `delete`.
    pub action: &'static str,
    pub server_id: Option<u64>,
    pub server_name: Option<String>,
    pub snapshot_id: Option<u64>,
    pub snapshot_name: Option<String>,
    pub method: String,
    pub url: String,
    /// The HTTP status; none when no answer came.
    pub status: Option<u16>,
    pub api_words: Option<String>,
    pub duration_ms: i64,
    pub body: Option<String>,
}

impl ActivityRow {
    fn cells(&self) -> Vec<Cell<'_>> {
        let number = |n: Option<u64>| Cell::Number(n.map(|n| n.to_string()).unwrap_or_default());
        vec![
            Cell::Text(&self.time),
            Cell::Text(self.action),
            number(self.server_id),
            Cell::Text(self.server_name.as_deref().unwrap_or_default()),
            number(self.snapshot_id),
            Cell::Text(self.snapshot_name.as_deref().unwrap_or_default()),
            Cell::Text(&self.method),
            Cell::Text(&self.url),
            number(self.status.map(u64::from)),
            Cell::Text(self.api_words.as_deref().unwrap_or_default()),
            Cell::Number(self.duration_ms.to_string()),
            Cell::Text(self.body.as_deref().unwrap_or_default()),
        ]
    }
}

/// The writes as CSV, as [`to_csv`] writes the list.
pub fn activity_csv(rows: &[ActivityRow]) -> String {
    csv(&ACTIVITY_COLUMNS, rows.iter().map(ActivityRow::cells))
}

/// The writes as a JSON array of objects keyed by the column names.
pub fn activity_json(rows: &[ActivityRow]) -> String {
    serde_json::to_string_pretty(rows).unwrap_or_else(|_| String::from("[]"))
}

/// One CSV field before it is written: a number as it is, or text.
enum Cell<'a> {
    Number(String),
    Text(&'a str),
}

/// What a spreadsheet may read as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The rows as CSV (RFC 4180: CRLF line ends, a header line), every text
/// field quoted and made inert for a spreadsheet.
pub fn to_csv(rows: &[ExportRow]) -> String {
    csv(&COLUMNS, rows.iter().map(ExportRow::cells))
}

/// A header line of `columns`, then a line per row of cells.
fn csv<'a>(columns: &'a [&'a str], rows: impl Iterator<Item = Vec<Cell<'a>>>) -> String {
    let mut out = String::from(UTF8_BOM);
    let header = columns.iter().map(|c| Cell::Text(c)).collect();
    for cells in std::iter::once(header).chain(rows) {
        let line: Vec<String> = cells
            .iter()
            .map(|cell| match cell {
                Cell::Number(digits) => digits.clone(),
                Cell::Text(text) => text_field(text),
            })
            .collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A text field: always quoted (its quotes doubled) and without NUL, which
/// cuts the text short in some readers. A formula start gets a `'` before it
/// at the start of the field, and also after a `;`, `,` or line break: a
/// spreadsheet that splits lines at `;` (as in many locales) starts a new
/// cell there, whatever the quotes say.
fn text_field(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut cell_may_start = true;
    for c in text.chars().filter(|&c| c != '\0') {
        if cell_may_start && FORMULA_STARTS.contains(&c) {
            out.push('\'');
        }
        if c == '"' {
            out.push('"');
        }
        out.push(c);
        cell_may_start = matches!(c, ';' | ',' | '\n' | '\r');
    }
    out.push('"');
    out
}

/// The rows as a JSON array of objects keyed by the column names.
pub fn to_json(rows: &[ExportRow]) -> String {
    // Plain strings, numbers and null cannot fail to serialise.
    serde_json::to_string_pretty(rows).unwrap_or_else(|_| String::from("[]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_rows_keep_every_id_and_stay_inert() {
        let row = ActivityRow {
            time: "2025-01-15T19:30:00+01:00".into(),
            action: "create",
            server_id: Some(12345),
            server_name: Some("web-server-01".into()),
            snapshot_id: Some(901),
            snapshot_name: Some("=HYPERLINK(\"x\")".into()),
            method: "POST".into(),
            url: "/api/v1/snapshots/".into(),
            status: Some(201),
            api_words: None,
            duration_ms: 42,
            body: None,
        };
        let csv = activity_csv(std::slice::from_ref(&row));
        let lines: Vec<&str> = csv.trim_start_matches(UTF8_BOM).split("\r\n").collect();
        assert!(lines[0].starts_with("\"time\",\"action\",\"server_id\""));
        assert_eq!(
            lines[1],
            "\"2025-01-15T19:30:00+01:00\",\"create\",12345,\"web-server-01\",901,\"'=HYPERLINK(\"\"x\"\")\",\"POST\",\"/api/v1/snapshots/\",201,\"\",42,\"\""
        );
        let json: serde_json::Value = serde_json::from_str(&activity_json(&[row])).unwrap();
        assert_eq!(json[0]["snapshot_id"], 901);
        assert_eq!(json[0]["server_id"], 12345);
        assert_eq!(json[0]["time"], "2025-01-15T19:30:00+01:00");
    }
    use crate::domain::model::{ServerRef, SnapshotStatus};

    fn row(description: &str) -> ExportRow {
        ExportRow::of(
            &Snapshot {
                id: 812,
                server: ServerRef {
                    id: 12346,
                    name: "db-server-01".into(),
                },
                name: "before-schema-change".into(),
                status: SnapshotStatus::Completed,
                size_mb: Some(19500),
                created_at: "2025-01-11T10:15:00+01:00".into(),
                created: crate::domain::time::parse_rfc3339("2025-01-11T10:15:00+01:00"),
                description: description.into(),
            },
            |_| Zone::Utc,
        )
    }

    /// A minimal RFC 4180 reader, to check that what is written reads back.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix(UTF8_BOM).expect("BOM");
        let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'));
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        assert!(row.is_empty() && cell.is_empty(), "ends with CRLF");
        rows
    }

    #[test]
    fn hostile_descriptions_survive_and_stay_inert() {
        for (description, expected) in [
            ("a, b", "a, b"),
            ("say \"hi\"", "say \"hi\""),
            ("line 1\nline 2\r\nline 3", "line 1\nline 2\r\nline 3"),
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tTAB", "'\tTAB"),
            ("\r=x", "'\r'=x"),
            (
                "<script>x</script> & é 日本 🚀",
                "<script>x</script> & é 日本 🚀",
            ),
            ("", ""),
        ] {
            let rows = parse_csv(&to_csv(&[row(description)]));
            assert_eq!(rows.len(), 2, "{description:?}");
            assert_eq!(rows[1].len(), COLUMNS.len(), "{description:?}");
            assert_eq!(rows[1][7], expected, "{description:?}");
        }
    }

    #[test]
    fn every_text_field_is_quoted_and_numbers_are_not() {
        assert_eq!(
            to_csv(&[row("Nightly")]),
            "\u{feff}\"server_id\",\"server_name\",\"snapshot_id\",\"name\",\"status\",\"size_mb\",\"created\",\"description\"\r\n\
             12346,\"db-server-01\",812,\"before-schema-change\",\"completed\",19500,\"2025-01-11T09:15:00Z\",\"Nightly\"\r\n"
        );
        let mut unknown_size = row("");
        unknown_size.size_mb = None;
        assert!(
            to_csv(&[unknown_size]).ends_with(",\"completed\",,\"2025-01-11T09:15:00Z\",\"\"\r\n")
        );
        assert_eq!(to_csv(&[]).lines().count(), 1);
    }

    #[test]
    fn a_formula_after_a_separator_or_line_break_is_inert_too() {
        for (description, expected) in [
            // A `;` spreadsheet splits this cell at the `;`.
            ("x;=cmd|' /C calc'!A0", "x;'=cmd|' /C calc'!A0"),
            ("a,+1", "a,'+1"),
            ("a;-1;@b", "a;'-1;'@b"),
            ("line 1\n=A1", "line 1\n'=A1"),
            ("line 1\r\n@A1", "line 1\r\n'@A1"),
            ("a;\tb", "a;'\tb"),
            ("\r=x", "'\r'=x"),
            ("a; =x", "a; =x"),
            ("2025-01-11, a-b", "2025-01-11, a-b"),
        ] {
            let rows = parse_csv(&to_csv(&[row(description)]));
            assert_eq!(rows[1][7], expected, "{description:?}");
        }
    }

    #[test]
    fn nul_is_removed_before_the_formula_check() {
        for (description, expected) in [("a\0b", "ab"), ("\0=x", "'=x"), ("a;\0+x", "a;'+x")] {
            let rows = parse_csv(&to_csv(&[row(description)]));
            assert_eq!(rows[1][7], expected, "{description:?}");
        }
        let json: serde_json::Value = serde_json::from_str(&to_json(&[row("a\0b")])).unwrap();
        assert_eq!(json[0]["description"], "a\0b", "JSON keeps the raw text");
    }

    proptest::proptest! {
        /// Whatever the text, every piece a spreadsheet could take for a cell
        /// (split at `;`, `,` or a line break, its opening quote dropped)
        /// does not start a formula, and the text reads back whole.
        #[test]
        fn no_piece_of_a_written_line_starts_a_formula(text in "[=+@;,\"\\t\\r\\n\\x00a -]{0,12}") {
            let csv = to_csv(&[row(&text)]);
            for piece in csv.split([';', ',', '\r', '\n']) {
                let piece = piece.strip_prefix('"').unwrap_or(piece);
                proptest::prop_assert!(!piece.starts_with(FORMULA_STARTS), "{:?} in {:?}", piece, csv);
            }
            let read = parse_csv(&csv)[1][7].clone();
            proptest::prop_assert_eq!(read.replace('\'', ""), text.replace(['\0', '\''], ""));
        }
    }

    #[test]
    fn unknown_sizes_and_unreadable_times() {
        let odd = ExportRow::of(
            &Snapshot {
                created_at: "=yesterday".into(),
                status: SnapshotStatus::Other("failed".into()),
                ..Snapshot {
                    id: 1,
                    server: ServerRef {
                        id: 2,
                        name: "-srv".into(),
                    },
                    name: "n".into(),
                    status: SnapshotStatus::InProgress,
                    size_mb: None,
                    created_at: "".into(),
                    created: None,
                    description: "".into(),
                }
            },
            |_| Zone::Utc,
        );
        let rows = parse_csv(&to_csv(&[odd]));
        assert_eq!(
            rows[1],
            ["2", "'-srv", "1", "n", "failed", "", "'=yesterday", ""]
        );
    }

    #[test]
    fn json_has_every_column_and_keeps_text_as_is() {
        let hostile = "=HYPERLINK(\"x\"), \"q\"\n日本";
        let json: serde_json::Value = serde_json::from_str(&to_json(&[row(hostile)])).unwrap();
        let object = json[0].as_object().unwrap();
        assert_eq!(object.keys().count(), COLUMNS.len());
        for column in COLUMNS {
            assert!(object.contains_key(column), "{column}");
        }
        assert_eq!(json[0]["description"], hostile);
        assert_eq!(json[0]["size_mb"], 19500);
        assert_eq!(json[0]["created"], "2025-01-11T09:15:00Z");
        assert_eq!(to_json(&[]), "[]");
    }
}
