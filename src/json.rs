//! A small JSON reader and writer for the API's bodies and `config.json`.
//!
//! The bodies are small objects whose fields the app picks out by hand (see
//! `api::types`). serde_json and serde's derives did the same at a cost of
//! about 12 KB gzip of wasm, a large share of the size budget (issue 8). The
//! reader is checked against serde_json by a property test.
//!
//! Numbers are kept as written: the API's numbers are integers (ids, sizes),
//! read exactly as `i64`/`u64`, and a fraction where an integer belongs is an
//! error, as it was with serde.

use std::fmt::Write as _;

/// Nesting deeper than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 128;

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number exactly as written (e.g. `5120`, `-1.5e3`).
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Fields),
}

/// The members of a JSON object, in the order written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields(Vec<(String, Json)>);

/// Reading a value into one of the app's types. The error says what was
/// wrong, in English, for developers (`ApiError::Undecodable`'s detail).
pub trait FromJson: Sized {
    fn from_json(json: Json) -> Result<Self, String>;
}

impl FromJson for Json {
    fn from_json(json: Json) -> Result<Self, String> {
        Ok(json)
    }
}

/// Parses a whole JSON text (surrounding whitespace allowed).
pub fn parse(text: &str) -> Result<Json, String> {
    let mut reader = Reader { text, pos: 0 };
    let value = reader.value(0)?;
    reader.skip_whitespace();
    if reader.pos < text.len() {
        return Err(reader.error("trailing characters"));
    }
    Ok(value)
}

/// `text` as a JSON string literal, quotes included.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Json {
    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    fn expected(&self, what: &str) -> String {
        format!("expected {what}, found {}", self.kind())
    }

    /// The members of an object.
    pub fn into_object(self) -> Result<Fields, String> {
        match self {
            Json::Object(fields) => Ok(fields),
            other => Err(other.expected("an object")),
        }
    }

    /// The items of an array.
    pub fn into_array(self) -> Result<Vec<Json>, String> {
        match self {
            Json::Array(items) => Ok(items),
            other => Err(other.expected("an array")),
        }
    }

    /// A string's text.
    pub fn into_string(self) -> Result<String, String> {
        match self {
            Json::String(text) => Ok(text),
            other => Err(other.expected("a string")),
        }
    }

    /// A whole number that fits an `i64`.
    pub fn into_i64(self) -> Result<i64, String> {
        self.into_whole("a whole number")
    }

    /// A whole number that fits a `u64`.
    pub fn into_u64(self) -> Result<u64, String> {
        self.into_whole("a non-negative whole number")
    }

    fn into_whole<T: std::str::FromStr>(self, what: &str) -> Result<T, String> {
        match &self {
            Json::Number(text) => text
                .parse()
                .map_err(|_| format!("expected {what}, found {text}")),
            other => Err(other.expected(what)),
        }
    }
}

impl Fields {
    /// Takes the member `key` out (the last one, if written twice).
    pub fn take(&mut self, key: &str) -> Option<Json> {
        let index = self.0.iter().rposition(|(k, _)| k == key)?;
        Some(self.0.swap_remove(index).1)
    }

    /// Takes the member `key` out; `None` when missing or null.
    pub fn take_present(&mut self, key: &str) -> Option<Json> {
        self.take(key).filter(|value| *value != Json::Null)
    }

    /// The member `key`, which must be there, read as `T`.
    pub fn required<T: FromJson>(&mut self, key: &str) -> Result<T, String> {
        let value = self
            .take(key)
            .ok_or_else(|| format!("missing field `{key}`"))?;
        T::from_json(value).map_err(|e| format!("`{key}`: {e}"))
    }

    /// The member `key` read as `T`, or `None` when missing or null.
    pub fn optional<T: FromJson>(&mut self, key: &str) -> Result<Option<T>, String> {
        self.take_present(key)
            .map(|value| T::from_json(value).map_err(|e| format!("`{key}`: {e}")))
            .transpose()
    }

    /// Every member, in the order written.
    pub fn into_members(self) -> Vec<(String, Json)> {
        self.0
    }
}

impl FromJson for String {
    fn from_json(json: Json) -> Result<Self, String> {
        json.into_string()
    }
}

impl FromJson for u64 {
    fn from_json(json: Json) -> Result<Self, String> {
        json.into_u64()
    }
}

impl FromJson for i64 {
    fn from_json(json: Json) -> Result<Self, String> {
        json.into_i64()
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(json: Json) -> Result<Self, String> {
        json.into_array()?.into_iter().map(T::from_json).collect()
    }
}

/// A position in the text being read.
struct Reader<'a> {
    text: &'a str,
    pos: usize,
}

impl Reader<'_> {
    fn error(&self, what: &str) -> String {
        let before = &self.text[..self.pos.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        format!("{what} at line {line} column {column}")
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    fn expect_word(&mut self, word: &str, value: Json) -> Result<Json, String> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error("unexpected end")),
            Some(b'n') => self.expect_word("null", Json::Null),
            Some(b't') => self.expect_word("true", Json::Bool(true)),
            Some(b'f') => self.expect_word("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'[') => self.array(depth),
            Some(b'{') => self.object(depth),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, String> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, String> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(Fields(members)));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key"));
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:`"));
            }
            self.pos += 1;
            members.push((key, self.value(depth + 1)?));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(Fields(members)));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let first = self.peek();
        let whole = self.digits();
        if whole == 0 || (first == Some(b'0') && whole > 1) {
            return Err(self.error("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        Ok(Json::Number(self.text[start..self.pos].to_string()))
    }

    /// A string literal; the reader is on its opening quote.
    fn string(&mut self) -> Result<String, String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character.
            let rest = &self.text.as_bytes()[self.pos..];
            let run = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .ok_or_else(|| self.error("unterminated string"))?;
            out.push_str(&self.text[self.pos..self.pos + run]);
            self.pos += run;
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                _ => return Err(self.error("control character in string")),
            }
        }
    }

    /// One escape sequence; the reader is just past its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), String> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let c = self.unicode_escape()?;
                out.push(c);
                return Ok(());
            }
            _ => return Err(self.error("invalid escape")),
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    /// `XXXX` of `\uXXXX`, with the second half of a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let high = self.hex4()?;
        let code = match high {
            0xD800..=0xDBFF => {
                if !self.text[self.pos..].starts_with("\\u") {
                    return Err(self.error("lone surrogate in string"));
                }
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error("lone surrogate in string"));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone surrogate in string")),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid escape"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("invalid escape"))?;
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid escape"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The same value as serde_json reads it, in this module's terms.
    fn from_serde(value: &serde_json::Value) -> Json {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(n) => Json::Number(n.to_string()),
            serde_json::Value::String(s) => Json::String(s.clone()),
            serde_json::Value::Array(items) => Json::Array(items.iter().map(from_serde).collect()),
            serde_json::Value::Object(map) => Json::Object(Fields(
                map.iter()
                    .map(|(k, v)| (k.clone(), from_serde(v)))
                    .collect(),
            )),
        }
    }

    fn arb_json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<u64>().prop_map(serde_json::Value::from),
            any::<String>().prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// Whatever serde_json writes, this reads back to the same value
        /// (pretty-printed too).
        #[test]
        fn reads_what_serde_json_writes(value in arb_json()) {
            let expected = from_serde(&value);
            let compact = serde_json::to_string(&value).unwrap();
            prop_assert_eq!(parse(&compact), Ok(expected.clone()));
            let pretty = serde_json::to_string_pretty(&value).unwrap();
            prop_assert_eq!(parse(&pretty), Ok(expected));
        }

        /// On any text, this and serde_json agree on whether it is JSON,
        /// and never panic.
        #[test]
        fn accepts_exactly_what_serde_json_accepts(text in "[ \\[\\]{}:,\"\\\\a-z0-9.eE+-]{0,24}") {
            let ours = parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?} vs {:?}", ours, theirs.err());
        }

        /// Any string survives `quote` and `parse`.
        #[test]
        fn quoted_text_reads_back(text in any::<String>()) {
            prop_assert_eq!(parse(&quote(&text)), Ok(Json::String(text)));
        }
    }

    #[test]
    fn reads_escapes_and_surrogate_pairs() {
        assert_eq!(
            parse(r#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#),
            Ok(Json::String("a\"b\\c/d\né😀".into()))
        );
        assert!(parse(r#""\ud83d""#).is_err());
        assert!(parse(r#""\ude00""#).is_err());
        assert!(parse("\"tab\there\"").is_err());
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).unwrap_err().contains("nested too deeply"));
    }

    #[test]
    fn says_where_the_text_went_wrong() {
        assert_eq!(
            parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err(),
            "expected `:` at line 3 column 7"
        );
        assert_eq!(parse("").unwrap_err(), "unexpected end at line 1 column 1");
    }

    #[test]
    fn numbers_are_whole_or_errors() {
        assert_eq!(parse("5120").and_then(Json::into_u64), Ok(5120));
        assert_eq!(parse("-5").and_then(Json::into_i64), Ok(-5));
        assert!(parse("-5").and_then(Json::into_u64).is_err());
        assert!(parse("1.5").and_then(Json::into_i64).is_err());
        assert!(parse("\"7\"").and_then(Json::into_u64).is_err());
        assert!(parse("01").is_err());
    }

    #[test]
    fn fields_take_the_last_duplicate_and_skip_null() {
        let mut fields = parse(r#"{"a": 1, "a": 2, "b": null}"#)
            .and_then(Json::into_object)
            .unwrap();
        assert_eq!(fields.required::<u64>("a"), Ok(2));
        assert_eq!(fields.optional::<u64>("b"), Ok(None));
        assert_eq!(
            fields.required::<u64>("c"),
            Err("missing field `c`".to_string())
        );
        assert_eq!(
            fields.required::<String>("a"),
            Err("`a`: expected a string, found a number".to_string())
        );
    }
}
