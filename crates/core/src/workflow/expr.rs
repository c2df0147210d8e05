//! GitHub Actions expressions (`${{ … }}`): where they are in a value, a parser for the
//! expression language, and an evaluator that knows only part of the run.
//!
//! The evaluator is three-valued: a context it is not given (`secrets.X`, `needs.build.result`,
//! `github.event.pull_request.head.repo.fork`) is *unknown*, and so is anything computed from it,
//! except where the answer does not depend on it (`false && x`). The cross-check uses it to drop
//! the runs a job's `if:` excludes (`github.ref == 'refs/heads/main'`) and to work out an
//! environment name written as an expression; the rules use the parser to find the contexts an
//! expression reads (`secrets` where it is not available).
//!
//! Semantics follow GitHub's expression reference: `==` compares strings ignoring case and
//! converts mismatched types to numbers; `&&` and `||` return one of their operands; `false`,
//! `0`, `''` and `null` are falsy.

/// Deepest nesting the parser follows; deeper input is unreadable (never a stack overflow).
const MAX_DEPTH: usize = 64;

/// A piece of a value: literal text or an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text outside `${{ }}`.
    Text(&'a str),
    /// The inside of a `${{ }}` (without the braces).
    Expr(&'a str),
}

/// Splits a value into text and `${{ }}` expressions. A `}}` inside a string literal of the
/// expression does not close it; an unclosed `${{` makes the rest of the value one expression.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("${{") {
        if open > 0 {
            out.push(Segment::Text(rest.get(..open).unwrap_or("")));
        }
        let inner = rest.get(open + 3..).unwrap_or("");
        let close = closing(inner);
        match close {
            Some(end) => {
                out.push(Segment::Expr(inner.get(..end).unwrap_or("")));
                rest = inner.get(end + 2..).unwrap_or("");
            }
            None => {
                out.push(Segment::Expr(inner));
                rest = "";
            }
        }
    }
    if !rest.is_empty() {
        out.push(Segment::Text(rest));
    }
    out
}

/// The offset of the `}}` that closes an expression, skipping string literals.
fn closing(inner: &str) -> Option<usize> {
    let bytes = inner.as_bytes();
    let mut i = 0;
    let mut quoted = false;
    while let Some(&b) = bytes.get(i) {
        if quoted {
            if b == b'\'' {
                if bytes.get(i + 1) == Some(&b'\'') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == b'\'' {
            quoted = true;
        } else if b == b'}' && bytes.get(i + 1) == Some(&b'}') {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Whether a value contains an expression.
pub fn has_expression(text: &str) -> bool {
    text.contains("${{")
}

/// The expression of a value that is exactly one `${{ }}` (surrounding blanks allowed).
pub fn whole_expression(text: &str) -> Option<&str> {
    match segments(text.trim()).as_slice() {
        [Segment::Expr(e)] => Some(e),
        _ => None,
    }
}

/// The expression an `if:` evaluates: the value itself when it has no `${{ }}` (the wrapper is
/// optional there), the inside of its only `${{ }}`, and `None` when text is left outside an
/// expression (then GitHub evaluates a non-empty string, which is always true).
pub fn condition(text: &str) -> Option<&str> {
    if !has_expression(text) {
        return Some(text);
    }
    whole_expression(text)
}

/// A value of the expression language.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A string.
    Str(String),
}

impl Val {
    /// Truthiness: `false`, `0`, `''` and `null` are falsy.
    pub fn truthy(&self) -> bool {
        match self {
            Val::Null => false,
            Val::Bool(b) => *b,
            Val::Num(n) => *n != 0.0 && !n.is_nan(),
            Val::Str(s) => !s.is_empty(),
        }
    }

    fn number(&self) -> f64 {
        match self {
            Val::Null => 0.0,
            Val::Bool(b) => f64::from(u8::from(*b)),
            Val::Num(n) => *n,
            Val::Str(s) => {
                let t = s.trim();
                if t.is_empty() {
                    0.0
                } else {
                    t.parse().unwrap_or(f64::NAN)
                }
            }
        }
    }

    /// The value as a string (how GitHub writes values into text).
    pub fn text(&self) -> String {
        match self {
            Val::Null => String::new(),
            Val::Bool(b) => b.to_string(),
            Val::Num(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    n.to_string()
                }
            }
            Val::Str(s) => s.clone(),
        }
    }
}

/// Loose equality: strings ignoring case; otherwise both sides as numbers.
fn loose_eq(a: &Val, b: &Val) -> bool {
    match (a, b) {
        (Val::Str(x), Val::Str(y)) => x.eq_ignore_ascii_case(y),
        (Val::Null, Val::Null) => true,
        (Val::Bool(x), Val::Bool(y)) => x == y,
        _ => {
            let (x, y) = (a.number(), b.number());
            x == y
        }
    }
}

/// A part of a property path after its root.
#[derive(Clone, Debug, PartialEq)]
pub enum PathPart {
    /// `.name` or `['name']`.
    Name(String),
    /// `.*`.
    Star,
    /// `[expr]` that is not a literal.
    Index(Box<Expr>),
}

/// A parsed expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A literal.
    Lit(Val),
    /// A context and a property path (`github.event.inputs.env`).
    Path(String, Vec<PathPart>),
    /// A function call.
    Call(String, Vec<Expr>),
    /// `!x`.
    Not(Box<Expr>),
    /// A binary operator.
    Bin(BinOp, Box<Expr>, Box<Expr>),
}

/// A binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `&&`.
    And,
    /// `||`.
    Or,
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    LParen,
    RParen,
    LBracket,
    RBracket,
    Dot,
    Comma,
    Star,
    Not,
    Op(BinOp),
    Str(String),
    Num(f64),
    Ident(String),
}

fn tokenize(src: &str) -> Option<Vec<Tok>> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        match c {
            _ if c.is_whitespace() => i += 1,
            '(' => {
                out.push(Tok::LParen);
                i += 1;
            }
            ')' => {
                out.push(Tok::RParen);
                i += 1;
            }
            '[' => {
                out.push(Tok::LBracket);
                i += 1;
            }
            ']' => {
                out.push(Tok::RBracket);
                i += 1;
            }
            ',' => {
                out.push(Tok::Comma);
                i += 1;
            }
            '*' => {
                out.push(Tok::Star);
                i += 1;
            }
            '.' if !next.is_some_and(|n| n.is_ascii_digit()) => {
                out.push(Tok::Dot);
                i += 1;
            }
            '!' if next == Some('=') => {
                out.push(Tok::Op(BinOp::Ne));
                i += 2;
            }
            '!' => {
                out.push(Tok::Not);
                i += 1;
            }
            '=' if next == Some('=') => {
                out.push(Tok::Op(BinOp::Eq));
                i += 2;
            }
            '&' if next == Some('&') => {
                out.push(Tok::Op(BinOp::And));
                i += 2;
            }
            '|' if next == Some('|') => {
                out.push(Tok::Op(BinOp::Or));
                i += 2;
            }
            '<' if next == Some('=') => {
                out.push(Tok::Op(BinOp::Le));
                i += 2;
            }
            '<' => {
                out.push(Tok::Op(BinOp::Lt));
                i += 1;
            }
            '>' if next == Some('=') => {
                out.push(Tok::Op(BinOp::Ge));
                i += 2;
            }
            '>' => {
                out.push(Tok::Op(BinOp::Gt));
                i += 1;
            }
            '\'' => {
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return None,
                        Some('\'') if chars.get(i + 1) == Some(&'\'') => {
                            s.push('\'');
                            i += 2;
                        }
                        Some('\'') => {
                            i += 1;
                            break;
                        }
                        Some(&ch) => {
                            s.push(ch);
                            i += 1;
                        }
                    }
                }
                out.push(Tok::Str(s));
            }
            _ if c.is_ascii_digit() || c == '.' || c == '-' || c == '+' => {
                let start = i;
                i += 1;
                while chars
                    .get(i)
                    .is_some_and(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '+' | '-'))
                {
                    i += 1;
                }
                let text: String = chars.get(start..i)?.iter().collect();
                let n = if let Some(hex) = text.strip_prefix("0x") {
                    i64::from_str_radix(hex, 16).ok().map(|v| v as f64)
                } else {
                    text.parse::<f64>().ok()
                };
                out.push(Tok::Num(n?));
            }
            _ if c.is_alphabetic() || c == '_' => {
                let start = i;
                while chars
                    .get(i)
                    .is_some_and(|ch| ch.is_alphanumeric() || matches!(ch, '_' | '-'))
                {
                    i += 1;
                }
                out.push(Tok::Ident(chars.get(start..i)?.iter().collect()));
            }
            _ => return None,
        }
    }
    Some(out)
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn eat(&mut self, t: &Tok) -> bool {
        if self.peek() == Some(t) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn binary(&mut self, level: u8) -> Option<Expr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let ops: &[BinOp] = match level {
            0 => &[BinOp::Or],
            1 => &[BinOp::And],
            2 => &[BinOp::Eq, BinOp::Ne],
            _ => &[BinOp::Lt, BinOp::Le, BinOp::Gt, BinOp::Ge],
        };
        let mut left = if level >= 3 {
            self.unary()?
        } else {
            self.binary(level + 1)?
        };
        while let Some(Tok::Op(op)) = self.peek() {
            let op = *op;
            if !ops.contains(&op) {
                break;
            }
            self.pos += 1;
            let right = if level >= 3 {
                self.unary()?
            } else {
                self.binary(level + 1)?
            };
            left = Expr::Bin(op, Box::new(left), Box::new(right));
        }
        self.depth -= 1;
        Some(left)
    }

    fn unary(&mut self) -> Option<Expr> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let e = if self.eat(&Tok::Not) {
            Expr::Not(Box::new(self.unary()?))
        } else {
            self.postfix()?
        };
        self.depth -= 1;
        Some(e)
    }

    fn postfix(&mut self) -> Option<Expr> {
        let mut e = self.primary()?;
        loop {
            if self.eat(&Tok::Dot) {
                let part = match self.peek().cloned() {
                    Some(Tok::Ident(name)) => PathPart::Name(name),
                    Some(Tok::Star) => PathPart::Star,
                    _ => return None,
                };
                self.pos += 1;
                e = push_part(e, part)?;
            } else if self.eat(&Tok::LBracket) {
                let index = self.binary(0)?;
                if !self.eat(&Tok::RBracket) {
                    return None;
                }
                let part = match index {
                    Expr::Lit(Val::Str(s)) => PathPart::Name(s),
                    other => PathPart::Index(Box::new(other)),
                };
                e = push_part(e, part)?;
            } else {
                return Some(e);
            }
        }
    }

    fn primary(&mut self) -> Option<Expr> {
        let tok = self.peek().cloned()?;
        self.pos += 1;
        match tok {
            Tok::Str(s) => Some(Expr::Lit(Val::Str(s))),
            Tok::Num(n) => Some(Expr::Lit(Val::Num(n))),
            Tok::LParen => {
                let e = self.binary(0)?;
                self.eat(&Tok::RParen).then_some(e)
            }
            Tok::Ident(name) => match name.as_str() {
                "true" => Some(Expr::Lit(Val::Bool(true))),
                "false" => Some(Expr::Lit(Val::Bool(false))),
                "null" => Some(Expr::Lit(Val::Null)),
                "NaN" => Some(Expr::Lit(Val::Num(f64::NAN))),
                "Infinity" => Some(Expr::Lit(Val::Num(f64::INFINITY))),
                _ if self.eat(&Tok::LParen) => {
                    let mut args = Vec::new();
                    if !self.eat(&Tok::RParen) {
                        loop {
                            args.push(self.binary(0)?);
                            if self.eat(&Tok::RParen) {
                                break;
                            }
                            if !self.eat(&Tok::Comma) {
                                return None;
                            }
                        }
                    }
                    Some(Expr::Call(name.to_ascii_lowercase(), args))
                }
                _ => Some(Expr::Path(name.to_ascii_lowercase(), Vec::new())),
            },
            _ => None,
        }
    }
}

fn push_part(e: Expr, part: PathPart) -> Option<Expr> {
    match e {
        Expr::Path(root, mut parts) => {
            parts.push(part);
            Some(Expr::Path(root, parts))
        }
        // `fromJSON(x).key`: a property of a computed value, unknown to the evaluator.
        other @ Expr::Call(..) => Some(Expr::Call(
            "(property)".to_string(),
            vec![other, Expr::Lit(Val::Null)],
        )),
        _ => None,
    }
}

/// Parses the inside of a `${{ }}` (or an `if:` without one); `None` when it is not a valid
/// expression.
pub fn parse(src: &str) -> Option<Expr> {
    let toks = tokenize(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let e = p.binary(0)?;
    (p.pos == p.toks.len()).then_some(e)
}

impl Expr {
    /// Every context path the expression reads (`["secrets", "AWS_KEY"]`), lower-cased roots.
    pub fn paths(&self) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        self.collect_paths(&mut out);
        out
    }

    fn collect_paths(&self, out: &mut Vec<(String, Vec<String>)>) {
        match self {
            Expr::Lit(_) => {}
            Expr::Path(root, parts) => {
                let names = parts
                    .iter()
                    .map(|p| match p {
                        PathPart::Name(n) => n.clone(),
                        PathPart::Star => "*".to_string(),
                        PathPart::Index(_) => "[]".to_string(),
                    })
                    .collect();
                out.push((root.clone(), names));
                for p in parts {
                    if let PathPart::Index(e) = p {
                        e.collect_paths(out);
                    }
                }
            }
            Expr::Call(_, args) => args.iter().for_each(|a| a.collect_paths(out)),
            Expr::Not(e) => e.collect_paths(out),
            Expr::Bin(_, a, b) => {
                a.collect_paths(out);
                b.collect_paths(out);
            }
        }
    }

    /// Evaluates the expression; `resolve` answers a context path (root and names, lower-case
    /// root) or `None` when it is unknown. The answer is `None` when it depends on something
    /// unknown.
    pub fn eval(&self, resolve: &dyn Fn(&str, &[String]) -> Option<Val>) -> Option<Val> {
        self.eval_depth(resolve, 0)
    }

    fn eval_depth(
        &self,
        resolve: &dyn Fn(&str, &[String]) -> Option<Val>,
        depth: usize,
    ) -> Option<Val> {
        if depth > MAX_DEPTH {
            return None;
        }
        let ev = |e: &Expr| e.eval_depth(resolve, depth + 1);
        match self {
            Expr::Lit(v) => Some(v.clone()),
            Expr::Path(root, parts) => {
                let mut names = Vec::with_capacity(parts.len());
                for p in parts {
                    match p {
                        PathPart::Name(n) => names.push(n.clone()),
                        PathPart::Star => return None,
                        PathPart::Index(e) => names.push(ev(e)?.text()),
                    }
                }
                resolve(root, &names)
            }
            Expr::Not(e) => ev(e).map(|v| Val::Bool(!v.truthy())),
            Expr::Bin(BinOp::And, a, b) => match ev(a) {
                Some(l) if !l.truthy() => Some(l),
                Some(_) => ev(b),
                None => ev(b).filter(|r| !r.truthy()),
            },
            Expr::Bin(BinOp::Or, a, b) => match ev(a) {
                Some(l) if l.truthy() => Some(l),
                Some(_) => ev(b),
                None => ev(b).filter(Val::truthy),
            },
            Expr::Bin(op, a, b) => {
                let (l, r) = (ev(a)?, ev(b)?);
                let b = match op {
                    BinOp::Eq => loose_eq(&l, &r),
                    BinOp::Ne => !loose_eq(&l, &r),
                    _ => {
                        let ord = match (&l, &r) {
                            (Val::Str(x), Val::Str(y)) => {
                                Some(x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase()))
                            }
                            _ => l.number().partial_cmp(&r.number()),
                        };
                        match (op, ord) {
                            (_, None) => false,
                            (BinOp::Lt, Some(o)) => o.is_lt(),
                            (BinOp::Le, Some(o)) => o.is_le(),
                            (BinOp::Gt, Some(o)) => o.is_gt(),
                            (_, Some(o)) => o.is_ge(),
                        }
                    }
                };
                Some(Val::Bool(b))
            }
            Expr::Call(name, args) => {
                let text = |i: usize| args.get(i).and_then(ev).map(|v| v.text().to_lowercase());
                match name.as_str() {
                    // A job or step that runs at all: earlier steps and needed jobs succeeded.
                    "always" | "success" => Some(Val::Bool(true)),
                    "failure" | "cancelled" => Some(Val::Bool(false)),
                    "startswith" => Some(Val::Bool(text(0)?.starts_with(&text(1)?))),
                    "endswith" => Some(Val::Bool(text(0)?.ends_with(&text(1)?))),
                    "contains" => match args.first() {
                        // `contains(fromJSON('["a","b"]'), x)` and arrays: unknown.
                        Some(Expr::Lit(_) | Expr::Path(..)) => {
                            Some(Val::Bool(text(0)?.contains(&text(1)?)))
                        }
                        _ => None,
                    },
                    "format" => {
                        let template = args.first().and_then(ev)?.text();
                        let mut values = Vec::new();
                        for a in args.iter().skip(1) {
                            values.push(ev(a)?.text());
                        }
                        Some(Val::Str(format_template(&template, &values)))
                    }
                    _ => None,
                }
            }
        }
    }
}

/// `format('{0}-{1}', a, b)`, with `{{`/`}}` escapes.
fn format_template(template: &str, values: &[String]) -> String {
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut digits = String::new();
                while let Some(&d) = chars.peek() {
                    chars.next();
                    if d == '}' {
                        break;
                    }
                    digits.push(d);
                }
                if let Some(v) = digits.parse::<usize>().ok().and_then(|i| values.get(i)) {
                    out.push_str(v);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Evaluates a value that may hold expressions into text (`prod-${{ matrix.region }}`); `None`
/// when a part is unknown or unreadable.
pub fn interpolate(text: &str, resolve: &dyn Fn(&str, &[String]) -> Option<Val>) -> Option<String> {
    let mut out = String::new();
    for seg in segments(text) {
        match seg {
            Segment::Text(t) => out.push_str(t),
            Segment::Expr(e) => out.push_str(&parse(e)?.eval(resolve)?.text()),
        }
    }
    Some(out)
}

/// The contexts every expression of a value reads; unreadable expressions are skipped.
pub fn contexts_read(text: &str) -> Vec<(String, Vec<String>)> {
    segments(text)
        .into_iter()
        .filter_map(|s| match s {
            Segment::Expr(e) => parse(e),
            Segment::Text(_) => None,
        })
        .flat_map(|e| e.paths())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str) -> Option<Val> {
        let e = parse(src).unwrap_or_else(|| panic!("parse {src}"));
        e.eval(&|root, names| match (root, names) {
            ("github", [n]) if n == "ref" => Some(Val::Str("refs/heads/main".into())),
            ("github", [n]) if n == "event_name" => Some(Val::Str("push".into())),
            ("matrix", [n]) if n == "env" => Some(Val::Str("prod".into())),
            _ => None,
        })
    }

    #[test]
    fn segments_and_conditions() {
        assert_eq!(
            segments("a-${{ x }}-b"),
            vec![
                Segment::Text("a-"),
                Segment::Expr(" x "),
                Segment::Text("-b")
            ]
        );
        assert_eq!(segments("${{ '}}' }}"), vec![Segment::Expr(" '}}' ")]);
        assert_eq!(condition("github.ref == 'x'"), Some("github.ref == 'x'"));
        assert_eq!(condition("  ${{ a }}\n"), Some(" a "));
        assert_eq!(condition("${{ a }} && ${{ b }}"), None);
        assert_eq!(condition("true && ${{ false }}"), None);
    }

    #[test]
    fn evaluation() {
        assert_eq!(
            run("github.ref == 'refs/heads/MAIN'"),
            Some(Val::Bool(true))
        );
        assert_eq!(
            run("github.event_name != 'push' && secrets.X"),
            Some(Val::Bool(false))
        );
        assert_eq!(run("secrets.X && false"), Some(Val::Bool(false)));
        assert_eq!(run("secrets.X || 'dev'"), Some(Val::Str("dev".into())));
        assert_eq!(run("secrets.X == 'a'"), None);
        assert_eq!(
            run("startsWith(github.ref, 'refs/tags/')"),
            Some(Val::Bool(false))
        );
        assert_eq!(
            run("github.ref == 'refs/heads/main' && 'production' || 'staging'"),
            Some(Val::Str("production".into()))
        );
        assert_eq!(
            run("format('{0}-{1}', matrix.env, 'x')"),
            Some(Val::Str("prod-x".into()))
        );
        assert_eq!(run("!(1 < 2)"), Some(Val::Bool(false)));
        assert_eq!(
            run("success() && github.event_name == 'push'"),
            Some(Val::Bool(true))
        );
        assert_eq!(
            interpolate("app-${{ matrix.env }}", &|_, _| Some(Val::Str("x".into()))),
            Some("app-x".into())
        );
    }

    #[test]
    fn paths_and_bad_input() {
        let e = parse("secrets.AWS_KEY != '' && github.event['inputs'].env").unwrap();
        let paths = e.paths();
        assert!(paths.contains(&("secrets".to_string(), vec!["AWS_KEY".to_string()])));
        assert!(paths.contains(&(
            "github".to_string(),
            vec!["event".to_string(), "inputs".to_string(), "env".to_string()]
        )));
        assert!(parse("a ==").is_none());
        assert!(parse("'open").is_none());
        assert!(parse(&"(".repeat(10_000)).is_none());
        assert!(parse(&"!".repeat(10_000)).is_none());
        assert_eq!(contexts_read("x ${{ secrets.A }} ${{ bad( }}").len(), 1);
    }
}
