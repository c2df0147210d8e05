//! Reading the text of policy values: IAM policy variables (`${aws:username}`), their escapes
//! (`${*}`), and template placeholders left by Terraform, CloudFormation or copy-paste
//! (`${var.org}`, `${AWS::AccountId}`, `<ACCOUNT_ID>`, `YOUR_GITHUB_USERNAME`).

use crate::source::Node;
use crate::source::tree::shorten;

/// A part of a policy value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Plain text (wildcards included, as written).
    Text(&'a str),
    /// `${*}`, `${?}` or `${$}`: the literal character.
    Escape(char),
    /// An IAM policy variable `${key}` or `${key, 'default'}`.
    Variable {
        /// The context key.
        key: &'a str,
        /// The default used when the key is absent.
        default: Option<&'a str>,
    },
    /// `${…}` that is not an IAM policy variable: a template placeholder (Terraform,
    /// CloudFormation `!Sub`), which IAM would read literally.
    Template(&'a str),
}

/// Splits a value into text, escapes, policy variables and template placeholders.
pub fn pieces(value: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = value;
    // Bounded by the value's length: each turn consumes at least two bytes.
    while let Some(open) = rest.find("${") {
        if open > 0 {
            out.push(Piece::Text(rest.get(..open).unwrap_or("")));
        }
        let after = rest.get(open + 2..).unwrap_or("");
        let Some(close) = after.find('}') else {
            out.push(Piece::Text(rest.get(open..).unwrap_or("")));
            return out;
        };
        let inner = after.get(..close).unwrap_or("");
        let whole = rest.get(open..open + 2 + close + 1).unwrap_or("");
        out.push(match inner {
            "*" => Piece::Escape('*'),
            "?" => Piece::Escape('?'),
            "$" => Piece::Escape('$'),
            _ => match variable(inner) {
                Some((key, default)) => Piece::Variable { key, default },
                None => Piece::Template(whole),
            },
        });
        rest = after.get(close + 1..).unwrap_or("");
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Reads the inside of `${…}` as a policy variable: a context key such as `aws:username` or
/// `aws:PrincipalTag/team` (a service prefix, one colon, a name), optionally followed by
/// `, 'default'`.
fn variable(inner: &str) -> Option<(&str, Option<&str>)> {
    let (key, default) = match inner.split_once(',') {
        Some((k, d)) => {
            let d = d.trim();
            let d = d.strip_prefix('\'')?.strip_suffix('\'')?;
            (k.trim_end(), Some(d))
        }
        None => (inner, None),
    };
    is_context_key(key).then_some((key, default))
}

/// Whether `key` has the shape of an IAM condition key: `prefix:name`, the prefix being a service
/// or an identity-provider host (`token.actions.githubusercontent.com`), one colon, no spaces.
pub fn is_context_key(key: &str) -> bool {
    let Some((prefix, name)) = key.split_once(':') else {
        return false;
    };
    !prefix.is_empty()
        && !name.is_empty()
        && !name.starts_with(':')
        && prefix
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'))
        && !name
            .bytes()
            .any(|b| b.is_ascii_whitespace() || b == b'$' || b == b'{')
}

/// Whether `key` can be a condition key in a policy: the shape of [`is_context_key`], where the
/// tag-key part after a `/` (`aws:PrincipalTag/Cost Center`, `aws:RequestTag/a+b=c@d`) may also
/// hold what AWS tag keys may: letters, digits, spaces and `+ - = . _ : / @`. (Inside a policy
/// variable a space is not allowed: Access Analyzer reports "Unsupported space in variable".)
pub fn is_condition_key(key: &str) -> bool {
    if is_context_key(key) {
        return true;
    }
    let Some((head, tag)) = key.split_once('/') else {
        return false;
    };
    head.contains(':')
        && is_context_key(head)
        && !tag.trim().is_empty()
        && tag
            .chars()
            .all(|c| c.is_alphanumeric() || " +-=._:/@".contains(c))
}

/// Whether a value contains an IAM policy variable.
pub fn has_variable(value: &str) -> bool {
    pieces(value)
        .iter()
        .any(|p| matches!(p, Piece::Variable { .. }))
}

/// The first template placeholder in a value, if any: `${…}` that is not an IAM policy
/// variable, `<…>`, `__NAME__`, or a `YOUR_…`-style word.
pub fn placeholder(value: &str) -> Option<String> {
    for piece in pieces(value) {
        if let Piece::Template(t) = piece {
            return Some(shorten(t, 60));
        }
    }
    if let Some(open) = value.find('<') {
        let after = value.get(open + 1..).unwrap_or("");
        if let Some(close) = after.find('>') {
            let inner = after.get(..close).unwrap_or("");
            if !inner.trim().is_empty() && !inner.contains('<') {
                return Some(shorten(&format!("<{inner}>"), 60));
            }
        }
    }
    let words = value.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
    for w in words {
        let upper_word = w.len() > 4
            && w.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        if w.len() > 4 && w.starts_with("__") && w.ends_with("__") {
            return Some(w.to_string());
        }
        if upper_word
            && (w.starts_with("YOUR_")
                || matches!(w, "REPLACE_ME" | "CHANGEME" | "CHANGE_ME" | "PLACEHOLDER"))
        {
            return Some(w.to_string());
        }
    }
    None
}

/// Whether `text` stands where an account ID belongs but is a placeholder word such as
/// `AWS_ACCOUNT_ID` or `ACCOUNT_ID` (upper-case letters and underscores).
pub fn account_placeholder(text: &str) -> bool {
    placeholder(text).is_some()
        || (text.len() > 2
            && text.contains('_')
            && text
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'_' || b.is_ascii_digit()))
}

/// Whether a node is a CloudFormation intrinsic function left in the policy (`{"Ref": …}`,
/// `{"Fn::Sub": …}`, `{"Fn::If": …}`): the template fills it in before IAM sees the policy.
pub fn is_intrinsic(node: &Node) -> bool {
    let entries = node.entries();
    entries.len() == 1
        && entries
            .first()
            .and_then(|p| p.key_str())
            .is_some_and(|k| k == "Ref" || k.starts_with("Fn::"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_escapes_and_templates() {
        assert_eq!(
            pieces("home/${aws:username}/*"),
            vec![
                Piece::Text("home/"),
                Piece::Variable {
                    key: "aws:username",
                    default: None
                },
                Piece::Text("/*")
            ]
        );
        assert_eq!(
            pieces("${aws:PrincipalTag/team, 'company-wide'}"),
            vec![Piece::Variable {
                key: "aws:PrincipalTag/team",
                default: Some("company-wide")
            }]
        );
        assert_eq!(
            pieces("a${*}b"),
            vec![Piece::Text("a"), Piece::Escape('*'), Piece::Text("b")]
        );
        assert_eq!(
            pieces("repo:${var.org}/x"),
            vec![
                Piece::Text("repo:"),
                Piece::Template("${var.org}"),
                Piece::Text("/x")
            ]
        );
        assert_eq!(
            pieces("arn:aws:iam::${AWS::AccountId}:root"),
            vec![
                Piece::Text("arn:aws:iam::"),
                Piece::Template("${AWS::AccountId}"),
                Piece::Text(":root")
            ]
        );
        assert_eq!(pieces("a${b"), vec![Piece::Text("a"), Piece::Text("${b")]);
    }

    #[test]
    fn placeholders() {
        assert_eq!(
            placeholder("${GithubOidc}").as_deref(),
            Some("${GithubOidc}")
        );
        assert_eq!(placeholder("repo:${aws:username}/x"), None);
        assert_eq!(
            placeholder("arn:aws:iam::<ACCOUNT_ID>:root").as_deref(),
            Some("<ACCOUNT_ID>")
        );
        assert_eq!(
            placeholder("repo:<github_org/repo:*>").as_deref(),
            Some("<github_org/repo:*>")
        );
        assert_eq!(
            placeholder("arn:aws:iam::__AWS_ACCOUNT_ID__:root").as_deref(),
            Some("__AWS_ACCOUNT_ID__")
        );
        assert_eq!(
            placeholder("repo:YOUR_GITHUB_USERNAME/*:*").as_deref(),
            Some("YOUR_GITHUB_USERNAME")
        );
        assert_eq!(placeholder("repo:octo-org/octo-repo:*"), None);
        assert_eq!(placeholder("sts.amazonaws.com"), None);
        assert!(account_placeholder("AWS_ACCOUNT_ID"));
        assert!(is_condition_key("aws:PrincipalTag/Cost Center"));
        assert!(is_condition_key("aws:RequestTag/a+b=c@d.e_f:g/h"));
        assert!(is_condition_key("aws:PrincipalTag/Kostenstelle Zürich"));
        assert!(!is_condition_key("aws:PrincipalTag/ "));
        assert!(!is_condition_key("aws:PrincipalTag/a$b"));
        assert!(!is_condition_key("aws:Principal Tag/x"));
        assert!(!is_condition_key("token.actions.githubusercontent.com/sub"));
        assert!(!is_condition_key("sub"));
        assert!(!is_condition_key(""));
        // Variables keep the strict shape.
        assert!(matches!(
            pieces("${aws:PrincipalTag/Cost Center}").first(),
            Some(Piece::Template(_))
        ));
        assert!(!account_placeholder("12345"));
    }
}
