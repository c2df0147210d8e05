//! IAM condition operators: their names, and the value comparisons each family performs.
//!
//! Everything here follows the IAM User Guide's "Condition operators" page (the reference's
//! Part B4): string operators are case-sensitive unless named `…IgnoreCase`; `StringLike` globs
//! over the whole string with `*` (any run of characters, `/` and `:` included) and `?` (exactly
//! one character); ARN operators glob each of the six colon-separated fields separately; numeric
//! and date operators compare numbers and instants; `IpAddress` tests CIDR membership.

use std::net::IpAddr;

/// The operator families, which decide how values are read and compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// `String…`.
    String,
    /// `Numeric…`.
    Numeric,
    /// `Date…`.
    Date,
    /// `Bool`.
    Bool,
    /// `BinaryEquals`.
    Binary,
    /// `IpAddress`, `NotIpAddress`.
    Ip,
    /// `Arn…`.
    Arn,
    /// `Null`.
    Null,
}

macro_rules! base_operators {
    ($($variant:ident => $family:ident, $negated:expr;)*) => {
        /// A condition operator without its `ForAllValues:`/`ForAnyValue:` qualifier and
        /// `IfExists` suffix.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum BaseOperator {
            $(
                #[doc = concat!("`", stringify!($variant), "`.")]
                $variant,
            )*
        }

        impl BaseOperator {
            /// Every operator, in the order of the IAM User Guide.
            pub const ALL: &'static [BaseOperator] = &[$(BaseOperator::$variant),*];

            /// The documented spelling (`StringEquals`).
            pub fn name(self) -> &'static str {
                match self {
                    $(BaseOperator::$variant => stringify!($variant),)*
                }
            }

            /// The family that decides how values compare.
            pub fn family(self) -> Family {
                match self {
                    $(BaseOperator::$variant => Family::$family,)*
                }
            }

            /// Whether the operator is a negation (`StringNotEquals`, `NotIpAddress`, …): with a
            /// missing key it is true, and with several values the request must match none.
            pub fn is_negated(self) -> bool {
                match self {
                    $(BaseOperator::$variant => $negated,)*
                }
            }
        }
    };
}

base_operators! {
    StringEquals => String, false;
    StringNotEquals => String, true;
    StringEqualsIgnoreCase => String, false;
    StringNotEqualsIgnoreCase => String, true;
    StringLike => String, false;
    StringNotLike => String, true;
    NumericEquals => Numeric, false;
    NumericNotEquals => Numeric, true;
    NumericLessThan => Numeric, false;
    NumericLessThanEquals => Numeric, false;
    NumericGreaterThan => Numeric, false;
    NumericGreaterThanEquals => Numeric, false;
    DateEquals => Date, false;
    DateNotEquals => Date, true;
    DateLessThan => Date, false;
    DateLessThanEquals => Date, false;
    DateGreaterThan => Date, false;
    DateGreaterThanEquals => Date, false;
    Bool => Bool, false;
    BinaryEquals => Binary, false;
    IpAddress => Ip, false;
    NotIpAddress => Ip, true;
    ArnEquals => Arn, false;
    ArnLike => Arn, false;
    ArnNotEquals => Arn, true;
    ArnNotLike => Arn, true;
    Null => Null, false;
}

impl BaseOperator {
    /// Whether `*` and `?` in policy values are wildcards (`StringLike`, `StringNotLike` and the
    /// four ARN operators; `ArnEquals` behaves exactly like `ArnLike`).
    pub fn has_wildcards(self) -> bool {
        matches!(
            self,
            BaseOperator::StringLike
                | BaseOperator::StringNotLike
                | BaseOperator::ArnEquals
                | BaseOperator::ArnLike
                | BaseOperator::ArnNotEquals
                | BaseOperator::ArnNotLike
        )
    }

    /// Whether policy variables (`${aws:username}`) are expanded in this operator's values:
    /// string, ARN and `Bool` operators only.
    pub fn expands_variables(self) -> bool {
        matches!(self.family(), Family::String | Family::Arn | Family::Bool)
    }

    /// Whether the operator compares exactly (a `*` in its values is a literal character).
    pub fn is_exact_string(self) -> bool {
        matches!(
            self,
            BaseOperator::StringEquals
                | BaseOperator::StringNotEquals
                | BaseOperator::StringEqualsIgnoreCase
                | BaseOperator::StringNotEqualsIgnoreCase
        )
    }
}

/// `ForAllValues:` or `ForAnyValue:`, the set operators for multivalued keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SetQualifier {
    /// Every request value must satisfy the operator; true when the key is absent or empty.
    ForAllValues,
    /// At least one request value must satisfy the operator; false when absent or empty.
    ForAnyValue,
}

impl SetQualifier {
    /// The documented prefix, without the colon.
    pub fn name(self) -> &'static str {
        match self {
            SetQualifier::ForAllValues => "ForAllValues",
            SetQualifier::ForAnyValue => "ForAnyValue",
        }
    }
}

/// A complete condition operator such as `ForAnyValue:StringLikeIfExists`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Operator {
    /// The set qualifier, if any.
    pub qualifier: Option<SetQualifier>,
    /// The operator proper.
    pub base: BaseOperator,
    /// Whether `IfExists` is appended (true when the key is absent).
    pub if_exists: bool,
}

/// The outcome of reading an operator name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParsedOperator {
    /// A documented operator; `exact` is false when the text spells it in another case.
    Known {
        /// The operator.
        operator: Operator,
        /// Whether the text is exactly the documented spelling.
        exact: bool,
    },
    /// `NullIfExists` (with or without a qualifier): `IfExists` cannot be added to `Null`.
    NullIfExists,
    /// Not an operator.
    Unknown,
}

impl Operator {
    /// Reads an operator name. Matching ignores ASCII case (so that `stringequals` is recognised
    /// and can be reported as a spelling problem); `exact` tells whether the case was right.
    pub fn parse(text: &str) -> ParsedOperator {
        let (qualifier, rest) = match text.split_once(':') {
            Some((q, rest)) => {
                let q = if q.eq_ignore_ascii_case("ForAllValues") {
                    SetQualifier::ForAllValues
                } else if q.eq_ignore_ascii_case("ForAnyValue") {
                    SetQualifier::ForAnyValue
                } else {
                    return ParsedOperator::Unknown;
                };
                (Some(q), rest)
            }
            None => (None, text),
        };
        let (if_exists, base_text) = match rest.len().checked_sub("IfExists".len()) {
            Some(cut)
                if rest
                    .get(cut..)
                    .is_some_and(|s| s.eq_ignore_ascii_case("IfExists")) =>
            {
                (true, rest.get(..cut).unwrap_or(""))
            }
            _ => (false, rest),
        };
        let Some(base) = BaseOperator::ALL
            .iter()
            .copied()
            .find(|b| b.name().eq_ignore_ascii_case(base_text))
        else {
            return ParsedOperator::Unknown;
        };
        if base == BaseOperator::Null && if_exists {
            return ParsedOperator::NullIfExists;
        }
        let operator = Operator {
            qualifier,
            base,
            if_exists,
        };
        ParsedOperator::Known {
            exact: operator.name() == text,
            operator,
        }
    }

    /// The documented spelling (`ForAllValues:StringLikeIfExists`).
    pub fn name(&self) -> String {
        let mut s = String::new();
        if let Some(q) = self.qualifier {
            s.push_str(q.name());
            s.push(':');
        }
        s.push_str(self.base.name());
        if self.if_exists {
            s.push_str("IfExists");
        }
        s
    }

    /// Every documented operator name without a qualifier (`StringEquals`,
    /// `StringEqualsIfExists`, …), for suggestions.
    pub fn all_names() -> Vec<String> {
        let mut out = Vec::new();
        for base in BaseOperator::ALL {
            out.push(base.name().to_string());
            if *base != BaseOperator::Null {
                out.push(format!("{}IfExists", base.name()));
            }
        }
        out
    }
}

/// One element of a resolved policy value: a literal character or a wildcard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    /// A literal character.
    Char(char),
    /// `*`: any run of characters, possibly empty.
    Star,
    /// `?`: exactly one character.
    One,
}

/// Tokens of `text` where `*` and `?` are wildcards.
pub fn glob_tokens(text: &str) -> Vec<Tok> {
    text.chars()
        .map(|c| match c {
            '*' => Tok::Star,
            '?' => Tok::One,
            c => Tok::Char(c),
        })
        .collect()
}

/// Tokens of `text` taken literally.
pub fn literal_tokens(text: &str) -> Vec<Tok> {
    text.chars().map(Tok::Char).collect()
}

fn chars_eq(a: char, b: char, ignore_case: bool) -> bool {
    if ignore_case {
        a == b || a.to_lowercase().eq(b.to_lowercase())
    } else {
        a == b
    }
}

/// Whether `text` matches the whole `pattern` (anchored at both ends). `*` crosses every
/// character, `/` and `:` included.
///
/// The classic greedy algorithm: literal characters and `?` advance both sides; a `*` is first
/// tried as empty, and on a mismatch only the most recent `*` absorbs one more character. Going
/// back to an earlier `*` is never needed: whatever an earlier `*` could absorb, the later one can
/// absorb too. The last `*`'s starting point only moves forward, so the work is at most
/// (text length + 1) × (pattern length + 1) steps, without a cap and without ever answering
/// "no match" for a value that matches (which would make a matching `Deny` or `StringNotLike`
/// look as if it did not apply).
pub fn glob_match(pattern: &[Tok], text: &str, ignore_case: bool) -> bool {
    let text: Vec<char> = text.chars().collect();
    // `p`/`t`: the positions in the pattern and the text; `star`: the pattern position just after
    // the most recent `*`, and the text position that `*` currently extends to.
    let (mut p, mut t) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while let Some(&tc) = text.get(t) {
        match pattern.get(p) {
            Some(Tok::Star) => {
                p += 1;
                star = Some((p, t));
            }
            Some(Tok::One) => {
                p += 1;
                t += 1;
            }
            Some(Tok::Char(c)) if chars_eq(*c, tc, ignore_case) => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((after_star, absorbed)) => {
                    p = after_star;
                    t = absorbed + 1;
                    star = Some((after_star, absorbed + 1));
                }
                None => return false,
            },
        }
    }
    pattern
        .get(p..)
        .unwrap_or(&[])
        .iter()
        .all(|t| *t == Tok::Star)
}

/// Whether tokens are all literal characters equal to `text` (exact string comparison).
pub fn literal_eq(pattern: &[Tok], text: &str, ignore_case: bool) -> bool {
    let mut chars = text.chars();
    for tok in pattern {
        let Some(c) = chars.next() else {
            return false;
        };
        let expected = match tok {
            Tok::Char(x) => *x,
            Tok::Star => '*',
            Tok::One => '?',
        };
        if !chars_eq(expected, c, ignore_case) {
            return false;
        }
    }
    chars.next().is_none()
}

/// `ArnLike` matching: the pattern and the value are split into the six colon-separated ARN
/// fields (the sixth, the resource, keeps its own colons) and each field is globbed on its own,
/// so a `*` cannot cross a field boundary. A pattern that is exactly `*` matches anything.
pub fn arn_match(pattern: &[Tok], value: &str) -> bool {
    if pattern == [Tok::Star] {
        return true;
    }
    let mut fields: Vec<&[Tok]> = Vec::with_capacity(6);
    let mut start = 0usize;
    for (i, tok) in pattern.iter().enumerate() {
        if fields.len() == 5 {
            break;
        }
        if *tok == Tok::Char(':') {
            fields.push(pattern.get(start..i).unwrap_or(&[]));
            start = i + 1;
        }
    }
    fields.push(pattern.get(start..).unwrap_or(&[]));
    let values: Vec<&str> = value.splitn(6, ':').collect();
    if fields.len() != 6 || values.len() != 6 {
        return false;
    }
    fields
        .iter()
        .zip(values.iter())
        .all(|(p, v)| glob_match(p, v, false))
}

/// A decimal number as the numeric operators read it: an optional sign, digits and an optional
/// fraction (`10`, `-3`, `2.5`).
pub fn parse_number(text: &str) -> Option<f64> {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    text.parse().ok()
}

/// An instant as the date operators read it, in milliseconds since the Unix epoch: either epoch
/// seconds (`1700000000`) or a W3C ISO 8601 date/time (`2026-01-31`, `2026-01-31T12:00:00Z`,
/// `2026-01-31T12:00:00.5+02:00`). A date/time without a zone is read as UTC.
pub fn parse_date(text: &str) -> Option<i64> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse::<i64>().ok()?.checked_mul(1000);
    }
    let b = text.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let s = text.get(from..from + len)?;
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let year = num(0, 4)?;
    let (mut month, mut day) = (1, 1);
    let mut pos = 4;
    if b.get(pos) == Some(&b'-') {
        month = num(pos + 1, 2)?;
        pos += 3;
        if b.get(pos) == Some(&b'-') {
            day = num(pos + 1, 2)?;
            pos += 3;
        }
    }
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut millis_of_day = 0i64;
    let mut offset_minutes = 0i64;
    if b.get(pos) == Some(&b'T') {
        let hour = num(pos + 1, 2)?;
        if b.get(pos + 3) != Some(&b':') {
            return None;
        }
        let minute = num(pos + 4, 2)?;
        pos += 6;
        let mut second = 0;
        let mut millis = 0;
        if b.get(pos) == Some(&b':') {
            second = num(pos + 1, 2)?;
            pos += 3;
            if b.get(pos) == Some(&b'.') {
                let digits = b
                    .get(pos + 1..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                if digits == 0 {
                    return None;
                }
                let frac = text.get(pos + 1..pos + 1 + digits.min(3))?;
                let scale = [100, 10, 1];
                millis = frac.parse::<i64>().ok()? * scale.get(digits.min(3) - 1).copied()?;
                pos += 1 + digits;
            }
        }
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        millis_of_day = ((hour * 60 + minute) * 60 + second) * 1000 + millis;
        match b.get(pos) {
            None => {}
            Some(b'Z') => pos += 1,
            Some(sign @ (b'+' | b'-')) => {
                let oh = num(pos + 1, 2)?;
                let (om, len) = if b.get(pos + 3) == Some(&b':') {
                    (num(pos + 4, 2)?, 6)
                } else {
                    (num(pos + 3, 2)?, 5)
                };
                if oh > 23 || om > 59 {
                    return None;
                }
                offset_minutes = (oh * 60 + om) * if *sign == b'-' { -1 } else { 1 };
                pos += len;
            }
            Some(_) => return None,
        }
    }
    if pos != text.len() {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(days * 86_400_000 + millis_of_day - offset_minutes * 60_000)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Days from 1970-01-01 to the given civil date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A CIDR block (`203.0.113.0/24`, `2001:db8::/32`); a bare address is a /32 (or /128).
pub fn parse_cidr(text: &str) -> Option<(IpAddr, u8)> {
    let (addr, bits) = match text.split_once('/') {
        Some((a, b)) => (a, Some(b)),
        None => (text, None),
    };
    let addr: IpAddr = addr.parse().ok()?;
    let max = if addr.is_ipv4() { 32 } else { 128 };
    let bits = match bits {
        Some(b) if !b.is_empty() && b.bytes().all(|c| c.is_ascii_digit()) => b.parse().ok()?,
        Some(_) => return None,
        None => max,
    };
    (bits <= max).then_some((addr, bits))
}

/// Whether `addr` lies in the block.
pub fn ip_in(network: (IpAddr, u8), addr: IpAddr) -> bool {
    match (network.0, addr) {
        (IpAddr::V4(n), IpAddr::V4(a)) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(network.1)).unwrap_or(0);
            u32::from(n) & mask == u32::from(a) & mask
        }
        (IpAddr::V6(n), IpAddr::V6(a)) => {
            let mask = u128::MAX
                .checked_shl(128 - u32::from(network.1))
                .unwrap_or(0);
            u128::from(n) & mask == u128::from(a) & mask
        }
        _ => false,
    }
}

/// Decodes standard base64 (RFC 4648 alphabet, `=` padding optional, bits after the last byte
/// zero); `None` if malformed.
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    use base64::Engine as _;
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    const STANDARD_PADDING_OPTIONAL: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );
    STANDARD_PADDING_OPTIONAL.decode(text).ok()
}

/// Whether a value is a boolean as `Bool` and `Null` read it (`true`/`false`, any case).
pub fn parse_bool(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn like(p: &str, t: &str) -> bool {
        glob_match(&glob_tokens(p), t, false)
    }

    #[test]
    fn operator_names() {
        let ParsedOperator::Known { operator, exact } =
            Operator::parse("ForAllValues:StringLikeIfExists")
        else {
            panic!()
        };
        assert!(exact);
        assert_eq!(operator.qualifier, Some(SetQualifier::ForAllValues));
        assert_eq!(operator.base, BaseOperator::StringLike);
        assert!(operator.if_exists);
        assert!(matches!(
            Operator::parse("stringequals"),
            ParsedOperator::Known { exact: false, .. }
        ));
        assert_eq!(
            Operator::parse("NullIfExists"),
            ParsedOperator::NullIfExists
        );
        assert_eq!(
            Operator::parse("StringEqualsExists"),
            ParsedOperator::Unknown
        );
        assert_eq!(
            Operator::parse("ForEveryValue:StringLike"),
            ParsedOperator::Unknown
        );
        assert_eq!(Operator::parse("IfExists"), ParsedOperator::Unknown);
        assert_eq!(BaseOperator::ALL.len(), 27);
    }

    #[test]
    fn globs_cross_separators_and_are_anchored() {
        assert!(like("repo:o/r:*", "repo:o/r:ref:refs/heads/main"));
        assert!(like("repo:o/r*", "repo:o/r-x:ref:refs/heads/main"));
        assert!(!like("repo:o/r:*", "repo:o/r-x:ref:refs/heads/main"));
        assert!(like("a?c", "abc"));
        assert!(!like("a?c", "ac"));
        assert!(!like("abc", "abcd"));
        assert!(like("*", ""));
        assert!(like("**a**", "xxa"));
        assert!(!like("Repo:*", "repo:x"));
        assert!(glob_match(&glob_tokens("Repo:*"), "repo:x", true));
        assert!(like("*a*b*c*", "xxaxxbxxcxx"));
        assert!(!like("*a*b*c*d", "xxaxxbxxcxx"));
    }

    /// The definition, written recursively (exponential, for tiny inputs only).
    fn reference(p: &[Tok], t: &[char]) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some((Tok::Star, rest)) => (0..=t.len()).any(|i| reference(rest, &t[i..])),
            Some((Tok::One, rest)) => !t.is_empty() && reference(rest, &t[1..]),
            Some((Tok::Char(c), rest)) => t.first() == Some(c) && reference(rest, &t[1..]),
        }
    }

    /// Every string over `alphabet` of length 0..=max.
    fn all_strings(alphabet: &[char], max: usize) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..max {
            let next: Vec<String> = last
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            out.extend(next.iter().cloned());
            last = next;
        }
        out
    }

    #[test]
    fn glob_agrees_with_the_definition() {
        let patterns = all_strings(&['a', 'b', '*', '?'], 5);
        let texts = all_strings(&['a', 'b'], 6);
        for p in &patterns {
            let tokens = glob_tokens(p);
            for t in &texts {
                let chars: Vec<char> = t.chars().collect();
                assert_eq!(like(p, t), reference(&tokens, &chars), "{p:?} vs {t:?}");
            }
        }
    }

    #[test]
    fn long_values_match_without_a_cap() {
        // The reviewer's case: a 1,000-character pattern against a 4,000-character value needs
        // about 4,000,000 steps; a step cap used to answer "no match" here, so a `Deny` with
        // this pattern did not apply.
        let pattern = format!("*{}b", "a".repeat(1_000));
        let value = format!("{}b", "a".repeat(4_000));
        let start = std::time::Instant::now();
        assert!(like(&pattern, &value));
        assert!(!like(&pattern, &"a".repeat(4_001)));
        assert!(!like(&format!("{pattern}c"), &value));
        assert!(glob_match(
            &glob_tokens(&pattern),
            &value.to_uppercase(),
            true
        ));
        // Per-field ArnLike gets the same matcher.
        let arn_pattern = format!("arn:aws:iam::*:role/*{}b", "a".repeat(1_000));
        let arn = format!("arn:aws:iam::123456789012:role/{value}");
        assert!(arn_match(&glob_tokens(&arn_pattern), &arn));
        // Many stars: still linear in practice, and bounded by text × pattern.
        let stars = format!("{}b", "*a".repeat(2_000));
        assert!(!like(&stars, &"a".repeat(20_000)));
        assert!(like(&stars, &format!("{}b", "a".repeat(20_000))));
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "took {:?}",
            start.elapsed()
        );
    }

    #[test]
    fn arn_fields() {
        let p = glob_tokens("arn:aws:iam::*:role/deploy-*");
        assert!(arn_match(&p, "arn:aws:iam::123456789012:role/deploy-prod"));
        assert!(!arn_match(&p, "arn:aws:iam::123456789012:user/deploy-prod"));
        // A `*` cannot cross a colon between fields.
        let p = glob_tokens("arn:aws:*:role/x");
        assert!(!arn_match(&p, "arn:aws:iam::123456789012:role/x"));
        let p = glob_tokens("arn:aws:logs:*:*:log-group:app:*");
        assert!(arn_match(
            &p,
            "arn:aws:logs:us-east-1:123456789012:log-group:app:log-stream:x"
        ));
        assert!(arn_match(&[Tok::Star], "anything"));
        assert!(!arn_match(
            &glob_tokens("arn:aws:iam::1:role/x"),
            "not-an-arn"
        ));
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("10"), Some(10.0));
        assert_eq!(parse_number("-2.5"), Some(-2.5));
        assert_eq!(parse_number("1e3"), None);
        assert_eq!(parse_number("ten"), None);
        assert_eq!(parse_number("1."), None);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_date("1700000000"), Some(1_700_000_000_000));
        assert_eq!(parse_date("2023-11-14T22:13:20Z"), Some(1_700_000_000_000));
        assert_eq!(
            parse_date("2023-11-15T00:13:20+02:00"),
            Some(1_700_000_000_000)
        );
        assert_eq!(parse_date("2023-11-14"), Some(1_699_920_000_000));
        assert_eq!(parse_date("2024-02-29"), Some(1_709_164_800_000));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2023-13-01"), None);
        assert_eq!(parse_date("2023-11-14T25:00Z"), None);
        assert_eq!(
            parse_date("2023-11-14T22:13:20.250Z"),
            Some(1_700_000_000_250)
        );
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("1969-12-31T23:59:59Z"), Some(-1000));
        // Digits alone are epoch seconds, so a year needs at least its month.
        assert_eq!(parse_date("2023-01"), Some(1_672_531_200_000));
    }

    #[test]
    fn ips() {
        let net = parse_cidr("203.0.113.0/24").unwrap();
        assert!(ip_in(net, "203.0.113.9".parse().unwrap()));
        assert!(!ip_in(net, "203.0.114.9".parse().unwrap()));
        let one = parse_cidr("198.51.100.7").unwrap();
        assert_eq!(one.1, 32);
        assert!(ip_in(one, "198.51.100.7".parse().unwrap()));
        let v6 = parse_cidr("2001:db8::/32").unwrap();
        assert!(ip_in(v6, "2001:db8:1::1".parse().unwrap()));
        assert!(!ip_in(v6, "203.0.113.9".parse().unwrap()));
        assert!(ip_in(
            parse_cidr("0.0.0.0/0").unwrap(),
            "1.2.3.4".parse().unwrap()
        ));
        assert_eq!(parse_cidr("10.0.0.0/33"), None);
        assert_eq!(parse_cidr("10.0.0/8"), None);
    }

    #[test]
    fn base64() {
        assert_eq!(decode_base64("aGVsbG8="), Some(b"hello".to_vec()));
        assert_eq!(decode_base64("aGVsbG8"), Some(b"hello".to_vec()));
        assert_eq!(decode_base64("QQ=="), Some(b"A".to_vec()));
        assert_eq!(decode_base64("a"), None);
        assert_eq!(decode_base64("!!"), None);
        // Bits left over after the last byte must be zero (RFC 4648 §3.5): `QR==` is not a
        // spelling of `A`, and padding goes only at the end.
        assert_eq!(decode_base64("QR=="), None);
        assert_eq!(decode_base64("aGVsbG9="), None);
        assert_eq!(decode_base64("QQ==QQ=="), None);
        assert_eq!(decode_base64("QQ="), Some(b"A".to_vec()));
        assert_eq!(decode_base64(""), Some(Vec::new()));
    }
}
