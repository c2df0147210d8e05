//! A declarative schema of keys and value types, and the walker that lowers a tree against it.
//!
//! Each kind describes its file once as static data (which keys exist where, what type each
//! value has, which are required and by which rule); one generic walk records [`Fact`]s: unknown
//! keys with suggestions, wrong types, missing keys, bad enum values, keys in another case, and
//! the nodes of interest to a kind's rules ([`Tagged`]). The walk reports nothing itself: each
//! rule reports the facts addressed to it from its own file ([`Facts::report`]). The same data
//! documents keys in the playground.

use crate::diagnostic::{Diagnostic, Fix};
use crate::rule::Rule;
use crate::source::tree::shorten;
use crate::source::{Map, Node, Pair, Span, Style, Value};
use crate::suggest::{did_you_mean, did_you_mean_value};

/// The rules a kind uses for the generic findings of the walk.
#[derive(Debug)]
pub struct SchemaRules {
    /// A key the schema does not know.
    pub unknown_key: &'static Rule,
    /// A value of the wrong type.
    pub wrong_type: &'static Rule,
    /// A single scalar where a list is documented.
    pub scalar_for_list: &'static Rule,
}

/// What a mapping may contain.
#[derive(Debug)]
pub struct MapSchema {
    /// The known keys.
    pub fields: &'static [Field],
    /// What to do with keys not in `fields`.
    pub unknown: Unknown,
    /// How keys are matched.
    pub case: KeyCase,
}

/// Treatment of keys a mapping's schema does not list.
#[derive(Debug)]
pub enum Unknown {
    /// Report with the kind's `unknown_key` rule.
    Report,
    /// Report with a specific rule (for example unknown build phases, which fail the build).
    ReportWith(&'static Rule),
    /// Accept silently.
    Allow,
}

/// How keys are matched against the schema.
#[derive(Debug)]
pub enum KeyCase {
    /// Exactly.
    Exact,
    /// Ignoring ASCII case; a key spelled in another case than the documented one is reported
    /// with the given rule.
    Insensitive(&'static Rule),
}

/// One known key.
#[derive(Debug)]
pub struct Field {
    /// The key as documented.
    pub key: &'static str,
    /// The type of its value.
    pub ty: Ty,
    /// The rule reporting the key as missing, when it is required.
    pub required: Option<&'static Rule>,
    /// One line on what the key does (shown in the playground).
    pub doc: &'static str,
}

/// An optional key (for the static schema tables).
pub const fn field(key: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field {
        key,
        ty,
        required: None,
        doc,
    }
}

/// A required key, reported as missing with `rule`.
pub const fn required(key: &'static str, ty: Ty, rule: &'static Rule, doc: &'static str) -> Field {
    Field {
        key,
        ty,
        required: Some(rule),
        doc,
    }
}

/// A mapping whose keys are matched exactly; unknown keys are reported.
pub const fn map(fields: &'static [Field]) -> MapSchema {
    MapSchema {
        fields,
        unknown: Unknown::Report,
        case: KeyCase::Exact,
    }
}

/// A mapping whose keys are matched ignoring case (a key in another case than documented is
/// reported with `rule`); unknown keys are reported.
pub const fn map_any_case(fields: &'static [Field], rule: &'static Rule) -> MapSchema {
    MapSchema {
        fields,
        unknown: Unknown::Report,
        case: KeyCase::Insensitive(rule),
    }
}

/// A value type.
#[derive(Debug)]
pub enum Ty {
    /// Anything.
    Any,
    /// A scalar, read as a string (numbers and booleans are accepted: AWS reads them as text).
    Str,
    /// `yes`/`no`/`true`/`false` as a YAML 1.1 reader sees them, or those words quoted.
    Bool,
    /// An integer within bounds.
    Int {
        /// Smallest value.
        min: i64,
        /// Largest value.
        max: i64,
    },
    /// One of a fixed set of words.
    Enum(&'static EnumSpec),
    /// A list of values of a type.
    List(&'static Ty),
    /// A mapping with known keys.
    Map(&'static MapSchema),
    /// A mapping from free-form names to values of a type.
    Dict(&'static Ty),
    /// Lowered by a function, which also sees null values; it gets the node, the span of the key
    /// holding it (where to report what is missing) and the walker, whose facts it records (it
    /// tags the node for the rules that look at it, and may walk on into its parts).
    Custom(for<'a> fn(&'a Node, Span, &mut Checker<'a>)),
    /// Lowered by a function, as [`Ty::Custom`], over a value whose shape is documented as the
    /// given type: the kind's JSON Schema describes it with that type, so the type must accept
    /// every value the function accepts without an error.
    Shaped(&'static Ty, for<'a> fn(&'a Node, Span, &mut Checker<'a>)),
}

/// A fixed set of words.
#[derive(Debug)]
pub struct EnumSpec {
    /// The accepted words, in their documented spelling.
    pub values: &'static [&'static str],
    /// Whether AWS compares them ignoring case.
    pub case_insensitive: bool,
    /// Whether the file is often a template whose values are filled in before AWS reads it (a
    /// task definition rendered by a deploy step): then a value filled in later
    /// (`${NETWORK_MODE}`, [`crate::source::filled_in`]) is not judged. CodeBuild and
    /// CodeDeploy read a buildspec's and an AppSpec's values as written.
    pub filled_in_later: bool,
    /// The rule reporting a value outside the set.
    pub rule: &'static Rule,
    /// What the value is, for messages ("report file format").
    pub what: &'static str,
}

/// A finding of the walk, addressed to the rule that reports it: what a diagnostic of that rule
/// will say. Created by the walk's generic checks (unknown keys, types, required keys, enums, key
/// case); reported by the rule's own file with [`Facts::report`].
#[derive(Clone, Debug)]
pub struct Finding {
    /// The rule that reports it.
    pub rule: &'static Rule,
    /// Where.
    pub span: Span,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: Option<String>,
    /// A mechanical fix.
    pub fix: Option<Fix>,
}

/// A node the walk met under a [`Ty::Custom`] function that tagged it for a kind's rules.
#[derive(Clone, Debug)]
pub struct Tagged<'a> {
    /// The tag (a constant of the kind's schema module).
    pub tag: &'static str,
    /// The node.
    pub node: &'a Node,
    /// The span of the key holding it.
    pub anchor: Span,
    /// The dotted path of the node (`phases.build.commands`).
    pub path: String,
}

/// What one schema walk recorded.
#[derive(Clone, Debug, Default)]
pub struct Facts<'a> {
    /// Findings addressed to rules, in the order found.
    pub findings: Vec<Finding>,
    /// Tagged nodes, in the order met.
    pub tagged: Vec<Tagged<'a>>,
}

impl<'a> Facts<'a> {
    /// The nodes tagged `tag`, in document order.
    pub fn tagged(&self, tag: &'static str) -> impl Iterator<Item = &Tagged<'a>> {
        self.tagged.iter().filter(move |t| t.tag == tag)
    }

    /// Reports the findings addressed to `rule`. Called from the rule's own file.
    #[cfg_attr(debug_assertions, track_caller)]
    pub fn report(&self, rule: &'static Rule, out: &mut Vec<Diagnostic>) {
        for f in &self.findings {
            if std::ptr::eq(f.rule, rule) {
                let mut d = rule.at(f.span, f.message.clone());
                d.help.clone_from(&f.help);
                d.fix.clone_from(&f.fix);
                out.push(d);
            }
        }
    }
}

/// State of one schema walk: where it is and what it found.
pub struct Checker<'a> {
    rules: &'a SchemaRules,
    /// The text being checked.
    pub text: &'a str,
    path: Vec<String>,
    /// What the walk recorded.
    pub facts: Facts<'a>,
}

impl<'a> Checker<'a> {
    /// A walker recording generic findings for `rules`.
    pub fn new(rules: &'a SchemaRules, text: &'a str) -> Self {
        Checker {
            rules,
            text,
            path: Vec::new(),
            facts: Facts::default(),
        }
    }

    /// Records a finding for `rule` (the walk's generic checks).
    fn find(
        &mut self,
        rule: &'static Rule,
        span: Span,
        message: String,
        help: Option<String>,
        fix: Option<Fix>,
    ) {
        self.facts.findings.push(Finding {
            rule,
            span,
            message,
            help,
            fix,
        });
    }

    /// Tags `node` (held by the key at `anchor`) for the rules that look at it.
    pub fn tag(&mut self, tag: &'static str, node: &'a Node, anchor: Span) {
        let path = self.path();
        self.facts.tagged.push(Tagged {
            tag,
            node,
            anchor,
            path,
        });
    }

    /// The dotted path of the value being checked (`phases.build.commands`).
    pub fn path(&self) -> String {
        self.path.join(".")
    }

    /// The last key of the path (`commands`).
    pub fn current_key(&self) -> &str {
        self.path.last().map_or("", String::as_str)
    }

    /// Walks the document root (a mapping described by `schema`).
    pub fn check_root(&mut self, root: &'a Node, schema: &'static MapSchema) {
        if root.is_invalid() {
            return;
        }
        let anchor = first_line(self.text);
        if root.is_null() {
            self.missing_keys(schema, None, anchor, true);
            return;
        }
        self.value(root, &Ty::Map(schema), anchor);
    }

    /// Walks `node` as a value of `ty` under one more segment of the path (`[0]`: an item of a
    /// document that is a list, as an image definitions file's entries).
    pub fn value_under(&mut self, segment: &str, node: &'a Node, ty: &Ty, anchor: Span) {
        self.path.push(segment.to_string());
        self.value(node, ty, anchor);
        self.path.pop();
    }

    /// Walks `node` as a value of `ty`; `anchor` is where to report missing keys of a mapping
    /// (the key that holds it).
    pub fn value(&mut self, node: &'a Node, ty: &Ty, anchor: Span) {
        if node.is_invalid() {
            return;
        }
        if let Ty::Custom(lower) | Ty::Shaped(_, lower) = ty {
            lower(node, anchor, self);
            return;
        }
        if node.is_null() {
            if let Ty::Map(schema) = ty {
                self.missing_keys(schema, None, anchor, true);
            }
            return;
        }
        match ty {
            Ty::Any | Ty::Custom(_) | Ty::Shaped(..) => {}
            Ty::Str => {
                if node.scalar().is_none() {
                    self.wrong_type(node, "a string");
                }
            }
            Ty::Bool => {
                if !is_bool(node) {
                    // JSON has its own words for a boolean.
                    if crate::source::edit::is_json(node) {
                        self.wrong_type(node, "`true` or `false`");
                        self.help_last("write `true` or `false` without quotes");
                    } else {
                        self.wrong_type(node, "`yes` or `no`");
                        self.help_last("write `yes` or `no` (`true` and `false` work too)");
                    }
                }
            }
            Ty::Int { min, max } => match int_value(node) {
                Some(v) if v < *min || v > *max => {
                    let message = format!(
                        "`{}` must be between {min} and {max}, found {v}",
                        self.path()
                    );
                    self.find(self.rules.wrong_type, node.span, message, None, None);
                }
                Some(_) => {}
                // A quoted value filled in later (`"${PORT}"`, `"<MEMORY>"`): a template.
                None if node.scalar().is_some_and(|s| {
                    s.style != Style::Plain
                        && s.style != Style::JsonNumber
                        && crate::source::filled_in(&s.text)
                }) => {}
                None => self.wrong_type(node, "an integer"),
            },
            Ty::Enum(spec) => self.enumeration(node, spec),
            Ty::List(inner) => match &node.value {
                Value::Seq(seq) => {
                    for (i, item) in seq.items.iter().enumerate() {
                        self.path.push(i.to_string());
                        self.value(item, inner, item.span);
                        self.path.pop();
                    }
                }
                Value::Scalar(_) => {
                    let message = format!(
                        "`{}` should be a list, found {}",
                        self.path(),
                        node.describe()
                    );
                    let help = match node.as_str() {
                        _ if crate::source::edit::is_json(node) => format!(
                            "the documentation describes a list; write it as `[{}]`",
                            shorten(node.span.slice(self.text), 40)
                        ),
                        Some(text) if text.trim_end().contains('\n') => {
                            "the documentation describes a list: put each line in its own `- ` item, or keep the block as one item (`- |`)".to_string()
                        }
                        text => format!(
                            "the documentation describes a list; write it as `- {}` on a line of its own",
                            text.map(|s| shorten(s, 40)).unwrap_or_default()
                        ),
                    };
                    // One value where a list is documented: the list of that one value.
                    let fix = crate::source::edit::scalar_to_list(self.text, anchor, node)
                        .map(|e| Fix::replace("make it a list of one item", e.span, e.replacement));
                    self.find(
                        self.rules.scalar_for_list,
                        node.span,
                        message,
                        Some(help),
                        fix,
                    );
                    self.value(node, inner, anchor);
                }
                _ => self.wrong_type(node, &format!("a list of {}", describe(inner))),
            },
            Ty::Dict(inner) => match &node.value {
                Value::Map(map) => {
                    for pair in &map.entries {
                        let key = pair.key_str().unwrap_or("?").to_string();
                        self.path.push(key);
                        self.value(&pair.value, inner, pair.key.span);
                        self.path.pop();
                    }
                }
                _ => self.wrong_type(node, "a mapping"),
            },
            Ty::Map(schema) => match &node.value {
                Value::Map(map) => self.mapping(node, map, schema, anchor),
                _ => self.wrong_type(node, "a mapping"),
            },
        }
    }

    fn mapping(
        &mut self,
        node: &'a Node,
        map: &'a crate::source::Map,
        schema: &'static MapSchema,
        anchor: Span,
    ) {
        for pair in &map.entries {
            let Some(key) = pair.key_str() else {
                continue;
            };
            let field = match schema.case {
                KeyCase::Exact => schema.fields.iter().find(|f| f.key == key),
                KeyCase::Insensitive(rule) => {
                    let found = schema
                        .fields
                        .iter()
                        .find(|f| f.key.eq_ignore_ascii_case(key));
                    if let Some(f) = found
                        && f.key != key
                    {
                        // Renaming onto a key the mapping already has would make a duplicate.
                        let taken = map.entries.iter().any(|p| p.key_str() == Some(f.key));
                        self.find(
                            rule,
                            pair.key.span,
                            format!("`{key}` is documented as `{}`", f.key),
                            Some(format!(
                                "write `{}` as the documentation and AWS's samples do",
                                f.key
                            )),
                            (!taken).then(|| {
                                self.rewrite(format!("rename to `{}`", f.key), pair.key.span, f.key)
                            }),
                        );
                    }
                    found
                }
            };
            match field {
                Some(field) => {
                    self.path.push(field.key.to_string());
                    self.value(&pair.value, &field.ty, pair.key.span);
                    self.path.pop();
                }
                None => self.unknown_key(map, pair, key, schema),
            }
        }
        self.missing_keys(schema, Some(node), anchor, map.complete);
    }

    fn unknown_key(
        &mut self,
        map: &crate::source::Map,
        pair: &crate::source::Pair,
        key: &str,
        schema: &'static MapSchema,
    ) {
        let rule = match schema.unknown {
            Unknown::Allow => return,
            Unknown::Report => self.rules.unknown_key,
            Unknown::ReportWith(rule) => rule,
        };
        let place = if self.path.is_empty() {
            "at the top level".to_string()
        } else {
            format!("in `{}`", self.path())
        };
        let known = schema.fields.iter().map(|f| f.key);
        let (help, fix) = match did_you_mean(key, known.clone()) {
            Some(suggestion) => {
                // With the right key present too, which of the two to keep is not certain.
                let taken = map.entries.iter().any(|p| p.key_str() == Some(suggestion));
                (
                    Some(format!("did you mean `{suggestion}`?")),
                    (!taken).then(|| {
                        self.rewrite(
                            format!("rename to `{suggestion}`"),
                            pair.key.span,
                            suggestion,
                        )
                    }),
                )
            }
            None => {
                let list: Vec<String> = known.map(|k| format!("`{k}`")).collect();
                let help =
                    (!list.is_empty()).then(|| format!("keys allowed here: {}", list.join(", ")));
                (help, None)
            }
        };
        self.find(
            rule,
            pair.key.span,
            format!("unknown key `{key}` {place}"),
            help,
            fix,
        );
    }

    fn missing_keys(
        &mut self,
        schema: &'static MapSchema,
        node: Option<&Node>,
        anchor: Span,
        complete: bool,
    ) {
        if !complete {
            return;
        }
        for field in schema.fields {
            let Some(rule) = field.required else {
                continue;
            };
            let present = node.is_some_and(|n| {
                n.entries().iter().any(|p| {
                    p.key_str().is_some_and(|k| match schema.case {
                        KeyCase::Exact => k == field.key,
                        KeyCase::Insensitive(_) => k.eq_ignore_ascii_case(field.key),
                    }) && !p.value.is_null()
                })
            });
            if !present {
                // A key written next to it that is a misspelling of it (`comands`): say so, and
                // rename it, rather than have a second key added.
                if let Some(typo) = node
                    .and_then(Node::map)
                    .and_then(|m| misspelling(m, schema, field.key))
                {
                    let place = if self.path.is_empty() {
                        "the file".to_string()
                    } else {
                        format!("`{}`", self.path())
                    };
                    let written = typo.key_str().unwrap_or("");
                    let message = format!(
                        "{place} has no `{}`; `{written}` looks like a misspelling of it",
                        field.key
                    );
                    let help = format!("did you mean `{}`? rename `{written}`", field.key);
                    let fix = self.rewrite(
                        format!("rename `{written}` to `{}`", field.key),
                        typo.key.span,
                        field.key,
                    );
                    self.find(rule, anchor, message, Some(help), Some(fix));
                    continue;
                }
                let empty = node.is_some_and(|n| {
                    n.entries()
                        .iter()
                        .any(|p| p.key_str() == Some(field.key) && p.value.is_null())
                });
                let place = if self.path.is_empty() {
                    "the file".to_string()
                } else {
                    format!("`{}`", self.path())
                };
                let message = if empty {
                    format!("`{}` in {place} is empty", field.key)
                } else {
                    format!("{place} has no `{}`", field.key)
                };
                let help = format!("add `{}`: {}", field.key, field.doc);
                self.find(rule, anchor, message, Some(help), None);
            }
        }
    }

    fn enumeration(&mut self, node: &Node, spec: &'static EnumSpec) {
        let Some(value) = node.as_str() else {
            self.wrong_type(node, &format!("a {}", spec.what));
            return;
        };
        let ok = (spec.filled_in_later && crate::source::filled_in(value))
            || if spec.case_insensitive {
                spec.values.iter().any(|v| v.eq_ignore_ascii_case(value))
            } else {
                spec.values.contains(&value)
            };
        if ok {
            return;
        }
        let (help, fix) = match did_you_mean_value(value, spec.values.iter().copied()) {
            Some(s) => (
                format!(
                    "did you mean `{s}`? valid values: {}",
                    spec.values.join(", ")
                ),
                Some(self.rewrite(format!("replace with `{s}`"), node.span, s)),
            ),
            None => (format!("valid values: {}", spec.values.join(", ")), None),
        };
        self.find(
            spec.rule,
            node.span,
            format!("`{value}` is not a valid {}", spec.what),
            Some(help),
            fix,
        );
    }

    /// A fix writing `value` in place of the scalar at `span`, quoted as the original was.
    fn rewrite(&self, title: String, span: Span, value: &str) -> Fix {
        let edit = crate::source::edit::rewrite_scalar(self.text, span, value);
        Fix::replace(title, edit.span, edit.replacement)
    }

    /// Walks into `key` for the duration of `f` (so that paths in messages include it).
    pub fn within<R>(&mut self, key: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(key.to_string());
        let r = f(self);
        self.path.pop();
        r
    }

    /// Records `node` as not being `expected` (for the kind's wrong-type rule).
    pub fn wrong_type(&mut self, node: &Node, expected: &str) {
        let what = if self.path.is_empty() {
            "the file".to_string()
        } else {
            format!("`{}`", self.path())
        };
        let message = format!("{what} must be {expected}, found {}", node.describe());
        self.find(self.rules.wrong_type, node.span, message, None, None);
    }

    /// Sets the help of the finding just recorded (a lowering function refining a generic
    /// finding, such as a wrong type).
    pub fn help_last(&mut self, help: impl Into<String>) {
        if let Some(last) = self.facts.findings.last_mut() {
            last.help = Some(help.into());
        }
    }
}

/// The entry of `map` that misspells `key`: a key `schema` does not know, whose closest known key
/// is `key` (`comands` for `commands`, `Phase` for `phases`).
pub fn misspelling<'a>(map: &'a Map, schema: &MapSchema, key: &str) -> Option<&'a Pair> {
    let known = |k: &str| {
        schema.fields.iter().any(|f| match schema.case {
            KeyCase::Exact => f.key == k,
            KeyCase::Insensitive(_) => f.key.eq_ignore_ascii_case(k),
        })
    };
    map.entries.iter().find(|p| {
        p.key_str().is_some_and(|k| {
            !known(k) && did_you_mean(k, schema.fields.iter().map(|f| f.key)) == Some(key)
        })
    })
}

/// Whether a node is a boolean as CodeBuild reads it: a YAML 1.1 boolean, or `yes`/`no`/`true`
/// /`false` written as a string.
pub fn is_bool(node: &Node) -> bool {
    let Some(s) = node.scalar() else {
        return false;
    };
    s.yaml11_bool().is_some()
        || (s.is_quoted()
            && matches!(
                s.text.to_ascii_lowercase().as_str(),
                "yes" | "no" | "true" | "false"
            ))
}

/// The integer a node holds: a plain or JSON integer, or digits in quotes.
pub fn int_value(node: &Node) -> Option<i64> {
    let s = node.scalar()?;
    if let Some(i) = s.int() {
        return Some(i);
    }
    if s.style != Style::JsonNumber
        && !s.text.is_empty()
        && s.text.trim().bytes().all(|b| b.is_ascii_digit())
    {
        return s.text.trim().parse().ok();
    }
    None
}

/// A short description of a type for messages.
pub fn describe(ty: &Ty) -> String {
    match ty {
        Ty::Any => "any value".into(),
        Ty::Str => "strings".into(),
        Ty::Bool => "`yes`/`no` values".into(),
        Ty::Int { .. } => "integers".into(),
        Ty::Enum(spec) => format!("{} values", spec.what),
        Ty::List(inner) => format!("lists of {}", describe(inner)),
        Ty::Map(_) | Ty::Dict(_) => "mappings".into(),
        Ty::Custom(_) => "values".into(),
        Ty::Shaped(shape, _) => describe(shape),
    }
}

/// The span of the first line of `text` (where "missing key" findings about the whole file go).
pub fn first_line(text: &str) -> Span {
    let len = text.find('\n').unwrap_or(text.len());
    let line = text.get(..len).unwrap_or("").trim_end_matches('\r');
    Span::new(0, line.len())
}
