//! JSON values printed exactly as Go's `encoding/json` prints them, so that crossplay's
//! `-json` outputs (`tool dist list -json`, `env -json`, later `list -json`) are
//! byte-identical to the go command's.
//!
//! Go escapes `<`, `>` and `&` (HTML-safe mode is the default for both `Marshal` and
//! `Encoder`), writes U+2028 and U+2029 as `\u2028`/`\u2029`, uses the short escapes
//! `\b \f \n \r \t \\ \"`, and `\u00XX` with lowercase hex for the other control bytes
//! (`encoding/json/encode.go`, `appendString`).

/// A JSON value. Objects keep their members in the order given: Go prints struct fields
/// in declaration order and map keys sorted, and the caller knows which applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    /// The text of `json.MarshalIndent(v, prefix, indent)`: no trailing newline.
    pub fn to_indented(&self, prefix: &str, indent: &str) -> String {
        let mut out = String::new();
        self.write_indented(&mut out, prefix, indent, 0);
        out
    }

    /// The text of a `json.Encoder` with `SetIndent(prefix, indent)`: like
    /// `MarshalIndent`, followed by a newline.
    pub fn to_encoder_output(&self, prefix: &str, indent: &str) -> String {
        let mut out = self.to_indented(prefix, indent);
        out.push('\n');
        out
    }

    fn write_indented(&self, out: &mut String, prefix: &str, indent: &str, depth: usize) {
        let newline = |out: &mut String, depth: usize| {
            out.push('\n');
            out.push_str(prefix);
            for _ in 0..depth {
                out.push_str(indent);
            }
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => out.push_str(&n.to_string()),
            Json::Str(s) => write_string(out, s),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    item.write_indented(out, prefix, indent, depth + 1);
                }
                newline(out, depth);
                out.push(']');
            }
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    write_string(out, key);
                    out.push_str(": ");
                    value.write_indented(out, prefix, indent, depth + 1);
                }
                newline(out, depth);
                out.push('}');
            }
        }
    }
}

/// Appends `s` as a quoted JSON string with Go's escaping.
pub fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{0}'..='\u{1f}' => {
                let b = c as u32 as u8;
                out.push_str("\\u00");
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 0xf)] as char);
            }
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(s: &str) -> String {
        let mut out = String::new();
        write_string(&mut out, s);
        out
    }

    #[test]
    fn strings_escape_like_encoding_json() {
        assert_eq!(quoted("plain"), r#""plain""#);
        assert_eq!(quoted("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(quoted("\u{8}\u{c}\n\r\t"), r#""\b\f\n\r\t""#);
        assert_eq!(quoted("\u{1}\u{1f}"), r#""\u0001\u001f""#);
        assert_eq!(quoted("<a&b>"), r#""\u003ca\u0026b\u003e""#);
        assert_eq!(quoted("\u{2028}\u{2029}é\u{7f}"), "\"\\u2028\\u2029é\u{7f}\"");
    }

    #[test]
    fn indentation_matches_marshal_indent() {
        let value = Json::Array(vec![
            Json::Object(vec![
                ("GOOS".into(), Json::str("aix")),
                ("CgoSupported".into(), Json::Bool(true)),
                ("N".into(), Json::Int(-3)),
                ("Empty".into(), Json::Array(vec![])),
                ("None".into(), Json::Object(vec![])),
                ("Null".into(), Json::Null),
            ]),
            Json::Object(vec![]),
        ]);
        let expected = "[\n\t{\n\t\t\"GOOS\": \"aix\",\n\t\t\"CgoSupported\": true,\n\t\t\"N\": -3,\n\
                        \t\t\"Empty\": [],\n\t\t\"None\": {},\n\t\t\"Null\": null\n\t},\n\t{}\n]";
        assert_eq!(value.to_indented("", "\t"), expected);
        assert_eq!(Json::Array(vec![]).to_encoder_output("", "\t"), "[]\n");
    }
}
