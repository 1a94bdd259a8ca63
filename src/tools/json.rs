//! Just enough JSON to write `tern bench --json`: a value tree and a
//! pretty printer. The figures are few and flat, so a serialization crate
//! would buy nothing but build time.

/// A JSON value. Objects keep their keys in the order given.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    /// A number, or `null` when it is absent or not finite (JSON has no NaN).
    pub fn num(v: Option<f64>) -> Json {
        match v {
            Some(v) if v.is_finite() => Json::Num(v),
            _ => Json::Null,
        }
    }

    pub fn obj(pairs: Vec<(&str, Json)>) -> Json {
        Json::Obj(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    /// Indented text; an array or object whose members are all scalars
    /// stays on one line (e.g. the list of run times).
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn is_scalar(&self) -> bool {
        !matches!(self, Json::Arr(_) | Json::Obj(_))
    }

    fn write(&self, out: &mut String, indent: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(v) if v.is_finite() => out.push_str(&format!("{v}")),
            Json::Num(_) => out.push_str("null"),
            Json::Str(s) => write_str(out, s),
            Json::Arr(items) => {
                let flat = items.iter().all(Json::is_scalar);
                out.push('[');
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        out.push(',');
                        if flat {
                            out.push(' ');
                        }
                    }
                    if !flat {
                        newline(out, indent + 1);
                    }
                    item.write(out, indent + 1);
                }
                if !flat && !items.is_empty() {
                    newline(out, indent);
                }
                out.push(']');
            }
            Json::Obj(pairs) => {
                let flat = pairs.iter().all(|(_, v)| v.is_scalar());
                out.push('{');
                for (k, (key, value)) in pairs.iter().enumerate() {
                    if k > 0 {
                        out.push(',');
                        if flat {
                            out.push(' ');
                        }
                    }
                    if !flat {
                        newline(out, indent + 1);
                    }
                    write_str(out, key);
                    out.push_str(": ");
                    value.write(out, indent + 1);
                }
                if !flat && !pairs.is_empty() {
                    newline(out, indent);
                }
                out.push('}');
            }
        }
    }
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    out.push_str(&"  ".repeat(indent));
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_values_and_escapes() {
        let v = Json::obj(vec![
            ("name", Json::str("a \"q\"\n\u{1}")),
            ("times", Json::Arr(vec![Json::Num(0.5), Json::Num(2.0)])),
            ("missing", Json::num(None)),
            ("nan", Json::num(Some(f64::NAN))),
            ("ok", Json::Bool(true)),
            ("empty", Json::Arr(vec![])),
        ]);
        assert_eq!(
            v.pretty(),
            "{\n  \"name\": \"a \\\"q\\\"\\n\\u0001\",\n  \"times\": [0.5, 2],\n  \
             \"missing\": null,\n  \"nan\": null,\n  \"ok\": true,\n  \"empty\": []\n}\n"
        );
    }

    #[test]
    fn flat_objects_stay_on_one_line() {
        let v = Json::Arr(vec![Json::obj(vec![("a", Json::Num(1.0))])]);
        assert_eq!(v.pretty(), "[\n  {\"a\": 1}\n]\n");
    }
}
