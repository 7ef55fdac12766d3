//! The subset of Go's `text/template` that `go list -f` needs for crossplay's fields:
//! `{{.Field}}`, `{{context.Field}}`, `{{join .List "sep"}}`, `{{len .List}}`,
//! `{{range .List}}…{{.}}…{{end}}`, `{{if PIPE}}…{{else}}…{{end}}`, and text. Values
//! print as Go prints them: a string list as `[a b]`, a bool as `true`.

/// A value a template can reach.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Str(String),
    Bool(bool),
    Int(i64),
    List(Vec<String>),
    /// A missing struct pointer (`<nil>`), e.g. an absent `.Error`.
    Nil,
}

impl Value {
    fn truthy(&self) -> bool {
        match self {
            Value::Str(s) => !s.is_empty(),
            Value::Bool(b) => *b,
            Value::Int(n) => *n != 0,
            Value::List(l) => !l.is_empty(),
            Value::Nil => false,
        }
    }

    fn print(&self) -> String {
        match self {
            Value::Str(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Int(n) => n.to_string(),
            Value::List(l) => format!("[{}]", l.join(" ")),
            Value::Nil => "<nil>".into(),
        }
    }
}

/// Looks up `.Field.Sub` (a dotted path without the leading dot) and
/// `context.Field` names.
pub trait Scope {
    fn field(&self, path: &str) -> Option<Value>;
    fn context(&self, name: &str) -> Option<Value>;
}

/// An open `range` or `if`: its keyword, pipeline, and the `then` branch once
/// `{{else}}` is seen.
type Open = (String, Vec<String>, Option<Vec<Node>>);

#[derive(Clone, Debug)]
enum Node {
    Text(String),
    Action(Vec<String>),
    Range(Vec<String>, Vec<Node>, Vec<Node>),
    If(Vec<String>, Vec<Node>, Vec<Node>),
}

/// A parsed template.
#[derive(Clone, Debug)]
pub struct Template(Vec<Node>);

fn tokenize(action: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut chars = action.trim().chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut s = String::new();
            loop {
                match chars.next() {
                    None => return Err("unterminated quoted string".into()),
                    Some('"') => break,
                    Some('\\') => match chars.next() {
                        Some('n') => s.push('\n'),
                        Some('t') => s.push('\t'),
                        Some(o) => s.push(o),
                        None => return Err("unterminated quoted string".into()),
                    },
                    Some(o) => s.push(o),
                }
            }
            out.push(format!("\"{s}"));
        } else {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                word.push(c);
                chars.next();
            }
            out.push(word);
        }
    }
    Ok(out)
}

impl Template {
    pub fn parse(text: &str) -> Result<Template, String> {
        let mut rest = text;
        let mut stack: Vec<(Vec<Node>, Option<Open>)> = vec![(Vec::new(), None)];
        while !rest.is_empty() {
            let Some(open) = rest.find("{{") else {
                if let Some(top) = stack.last_mut() {
                    top.0.push(Node::Text(rest.to_owned()));
                }
                break;
            };
            if open > 0
                && let Some(top) = stack.last_mut()
            {
                top.0.push(Node::Text(rest[..open].to_owned()));
            }
            let after = &rest[open + 2..];
            let close = after.find("}}").ok_or("template: unclosed action")?;
            let action = tokenize(&after[..close])?;
            rest = &after[close + 2..];
            match action.first().map(String::as_str) {
                Some("range" | "if") => {
                    let kind = action[0].clone();
                    stack.push((Vec::new(), Some((kind, action[1..].to_vec(), None))));
                }
                Some("else") => {
                    let top = stack.last_mut().ok_or("template: unexpected {{else}}")?;
                    let Some(open) = &mut top.1 else { return Err("template: unexpected {{else}}".into()) };
                    open.2 = Some(core::mem::take(&mut top.0));
                }
                Some("end") => {
                    let (body, open) = stack.pop().ok_or("template: unexpected {{end}}")?;
                    let Some((kind, pipe, then)) = open else {
                        return Err("template: unexpected {{end}}".into());
                    };
                    let (then, otherwise) = match then {
                        Some(then) => (then, body),
                        None => (body, Vec::new()),
                    };
                    let node = if kind == "range" {
                        Node::Range(pipe, then, otherwise)
                    } else {
                        Node::If(pipe, then, otherwise)
                    };
                    stack.last_mut().ok_or("template: unexpected {{end}}")?.0.push(node);
                }
                Some(_) => stack.last_mut().ok_or("template: bad nesting")?.0.push(Node::Action(action)),
                None => return Err("template: missing value for command".into()),
            }
        }
        if stack.len() != 1 {
            return Err("template: unexpected EOF".into());
        }
        Ok(Template(stack.pop().map(|s| s.0).unwrap_or_default()))
    }

    pub fn execute(&self, scope: &dyn Scope) -> Result<String, String> {
        let mut out = String::new();
        run(&self.0, scope, None, &mut out)?;
        Ok(out)
    }
}

fn eval(words: &[String], scope: &dyn Scope, dot: Option<&str>) -> Result<Value, String> {
    let arg = |w: &str| -> Result<Value, String> {
        if let Some(s) = w.strip_prefix('"') {
            return Ok(Value::Str(s.to_owned()));
        }
        if w == "." {
            return Ok(dot.map_or(Value::Nil, |d| Value::Str(d.to_owned())));
        }
        if let Some(path) = w.strip_prefix('.') {
            return scope.field(path).ok_or_else(|| format!("can't evaluate field {path}"));
        }
        if let Some(name) = w.strip_prefix("context.") {
            return scope.context(name).ok_or_else(|| format!("can't evaluate field {name}"));
        }
        Err(format!("function \"{w}\" not defined"))
    };
    match words {
        [] => Err("missing value for command".into()),
        [one] => arg(one),
        [f, list, sep] if f == "join" => match (arg(list)?, arg(sep)?) {
            (Value::List(l), Value::Str(s)) => Ok(Value::Str(l.join(&s))),
            _ => Err("wrong type for value; expected []string".into()),
        },
        [f, x] if f == "len" => match arg(x)? {
            Value::List(l) => Ok(Value::Int(l.len() as i64)),
            Value::Str(s) => Ok(Value::Int(s.len() as i64)),
            _ => Err("len of unsupported type".into()),
        },
        [f, x] if f == "not" => Ok(Value::Bool(!arg(x)?.truthy())),
        [f, ..] => Err(format!("function \"{f}\" not defined")),
    }
}

fn run(nodes: &[Node], scope: &dyn Scope, dot: Option<&str>, out: &mut String) -> Result<(), String> {
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Action(words) => out.push_str(&eval(words, scope, dot)?.print()),
            Node::If(pipe, then, otherwise) => {
                let branch = if eval(pipe, scope, dot)?.truthy() { then } else { otherwise };
                run(branch, scope, dot, out)?;
            }
            Node::Range(pipe, body, otherwise) => match eval(pipe, scope, dot)? {
                Value::List(items) if !items.is_empty() => {
                    for item in &items {
                        run(body, scope, Some(item), out)?;
                    }
                }
                Value::List(_) | Value::Nil => run(otherwise, scope, dot, out)?,
                _ => return Err("range can't iterate over value".into()),
            },
        }
    }
    Ok(())
}
