//! The list as shown, as a CSV or JSON file for a spreadsheet, a ticket or a
//! script.

use super::model::Snapshot;
use super::time::iso_utc;
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
    /// ISO 8601 in UTC (`2025-01-15T18:30:00Z`), or the API's text when it
    /// is not a time.
    pub created: String,
    pub description: String,
}

impl ExportRow {
    /// The row of `snapshot`.
    pub fn of(snapshot: &Snapshot) -> Self {
        Self {
            server_id: snapshot.server.id,
            server_name: snapshot.server.name.clone(),
            snapshot_id: snapshot.id,
            name: snapshot.name.clone(),
            status: snapshot.status.as_api().to_string(),
            size_mb: snapshot.size_mb,
            created: snapshot
                .created
                .map_or_else(|| snapshot.created_at.clone(), iso_utc),
            description: snapshot.description.clone(),
        }
    }

    fn cells(&self) -> [String; 8] {
        [
            self.server_id.to_string(),
            self.server_name.clone(),
            self.snapshot_id.to_string(),
            self.name.clone(),
            self.status.clone(),
            self.size_mb.map(|mb| mb.to_string()).unwrap_or_default(),
            self.created.clone(),
            self.description.clone(),
        ]
    }
}

/// The rows as CSV (RFC 4180: CRLF line ends, a header line), with cells a
/// spreadsheet would run as a formula made inert.
pub fn to_csv(rows: &[ExportRow]) -> String {
    let mut out = String::from(UTF8_BOM);
    let header = COLUMNS.map(String::from);
    for cells in std::iter::once(header).chain(rows.iter().map(ExportRow::cells)) {
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One CSV field: text a spreadsheet would read as a formula gets a leading
/// `'`, and a field holding a separator, quote or line break is quoted with
/// its quotes doubled.
fn csv_cell(text: &str) -> String {
    let inert = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if inert.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", inert.replace('"', "\"\""))
    } else {
        inert
    }
}

/// The rows as a JSON array of objects keyed by the column names.
pub fn to_json(rows: &[ExportRow]) -> String {
    // Plain strings, numbers and null cannot fail to serialise.
    serde_json::to_string_pretty(rows).unwrap_or_else(|_| String::from("[]"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{ServerRef, SnapshotStatus};

    fn row(description: &str) -> ExportRow {
        ExportRow::of(&Snapshot {
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
        })
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
    fn plain_rows_with_a_header() {
        let csv = to_csv(&[row("Nightly")]);
        assert_eq!(
            csv,
            "\u{feff}server_id,server_name,snapshot_id,name,status,size_mb,created,description\r\n\
             12346,db-server-01,812,before-schema-change,completed,19500,2025-01-11T09:15:00Z,Nightly\r\n"
        );
        assert_eq!(to_csv(&[]).lines().count(), 1);
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
            ("\r=x", "'\r=x"),
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
    fn unknown_sizes_and_unreadable_times() {
        let mut snapshot = row("").clone();
        snapshot.size_mb = None;
        assert_eq!(snapshot.cells()[5], "");
        let odd = ExportRow::of(&Snapshot {
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
                created_at: String::new(),
                created: None,
                description: String::new(),
            }
        });
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
