//! Helpers shared by several buildspec rules (none of them reports anything).

use std::collections::HashMap;

use super::Cx;
use crate::buildspec::runtimes::{IMAGES, Image, RUNTIME_NAMES, find_image};
use crate::source::tree::shorten;
use crate::source::{Node, Pair, Span};

/// The phases CodeBuild runs, in order.
pub(crate) const PHASE_NAMES: [&str; 4] = ["install", "pre_build", "build", "post_build"];

/// The last segment of a dotted path (`phases.build` → `build`).
pub(crate) fn last_segment(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// The parsed form of an `on-failure` value.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum OnFailure {
    Abort,
    Continue,
    Retry {
        count: Option<u64>,
        pattern: Option<String>,
    },
}

/// The words `on-failure` takes (besides the `RETRY-…` forms), as documented.
pub(crate) const ON_FAILURE_WORDS: &[&str] = &["ABORT", "CONTINUE", "RETRY"];

/// Parses an `on-failure` value ignoring case; `None` when it matches no documented form.
pub(crate) fn parse_on_failure(value: &str) -> Option<OnFailure> {
    let upper = value.to_ascii_uppercase();
    match upper.as_str() {
        "ABORT" => return Some(OnFailure::Abort),
        "CONTINUE" => return Some(OnFailure::Continue),
        "RETRY" => {
            return Some(OnFailure::Retry {
                count: None,
                pattern: None,
            });
        }
        _ => {}
    }
    if !upper.starts_with("RETRY-") {
        return None;
    }
    let rest = value.get(6..)?;
    if rest.is_empty() {
        return None;
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (count_text, after) = rest.split_at(digits);
    if digits > 0 && after.is_empty() {
        return Some(OnFailure::Retry {
            count: Some(count_text.parse().unwrap_or(u64::MAX)),
            pattern: None,
        });
    }
    if digits > 0
        && let Some(pattern) = after.strip_prefix('-')
        && !pattern.is_empty()
    {
        return Some(OnFailure::Retry {
            count: Some(count_text.parse().unwrap_or(u64::MAX)),
            pattern: Some(pattern.to_string()),
        });
    }
    Some(OnFailure::Retry {
        count: None,
        pattern: Some(rest.to_string()),
    })
}

/// The fields of a Secrets Manager reference.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SecretRef<'a> {
    pub secret_id: &'a str,
    pub json_key: &'a str,
    pub version_stage: &'a str,
    pub version_id: &'a str,
}

/// Splits `secret-id:json-key:version-stage:version-id`, keeping an ARN secret id whole.
pub(crate) fn parse_secret_ref(value: &str) -> Result<SecretRef<'_>, String> {
    let (secret_id, rest) = if value.starts_with("arn:") {
        let mut idx = 0usize;
        let mut seen = 0;
        for (i, ch) in value.char_indices() {
            if ch == ':' {
                seen += 1;
                if seen == 7 {
                    idx = i;
                    break;
                }
            }
        }
        let fields: Vec<&str> = value.split(':').collect();
        if fields.len() < 7 {
            return Err(format!(
                "`{value}` is an incomplete ARN: a secret ARN has 7 fields (arn:aws:secretsmanager:region:account:secret:name)"
            ));
        }
        if fields.get(2) != Some(&"secretsmanager") || fields.get(5) != Some(&"secret") {
            return Err(format!("`{value}` is not a Secrets Manager secret ARN"));
        }
        if seen < 7 {
            (value, "")
        } else {
            (
                value.get(..idx).unwrap_or(value),
                value.get(idx + 1..).unwrap_or(""),
            )
        }
    } else {
        match value.split_once(':') {
            Some((id, rest)) => (id, rest),
            None => (value, ""),
        }
    };
    if secret_id.trim().is_empty() {
        return Err("the secret id (the part before the first `:`) is empty".to_string());
    }
    let parts: Vec<&str> = if rest.is_empty() {
        Vec::new()
    } else {
        rest.split(':').collect()
    };
    if parts.len() > 3 {
        return Err(format!(
            "`{value}` has too many `:`-separated fields; the form is secret-id:json-key:version-stage:version-id"
        ));
    }
    let r = SecretRef {
        secret_id,
        json_key: parts.first().copied().unwrap_or(""),
        version_stage: parts.get(1).copied().unwrap_or(""),
        version_id: parts.get(2).copied().unwrap_or(""),
    };
    if !r.version_stage.is_empty() && !r.version_id.is_empty() {
        return Err(format!(
            "`{value}` sets both a version stage (`{}`) and a version id; they are mutually exclusive",
            r.version_stage
        ));
    }
    Ok(r)
}

/// Name fragments that mark a value as secret.
const SECRET_WORDS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "SECRET",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "PRIVATE_KEY",
    "ACCESS_KEY",
];
/// Name endings that mark a value as a reference to a secret rather than the secret itself.
const METADATA_SUFFIXES: &[&str] = &[
    "_NAME",
    "_ID",
    "_ARN",
    "_PATH",
    "_FILE",
    "_URL",
    "_URI",
    "_REGION",
    "_TYPE",
    "_LENGTH",
    "_HEADER",
    "_PARAM",
    "_PARAMETER",
    "_KEY_ID",
    "_ENDPOINT",
    "_PREFIX",
];

pub(crate) fn looks_like_secret_name(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    if METADATA_SUFFIXES.iter().any(|s| upper.ends_with(s)) {
        return false;
    }
    SECRET_WORDS.iter().any(|w| upper.contains(w)) || upper.ends_with("_KEY")
}

pub(crate) fn looks_like_reference(value: &str) -> bool {
    value.starts_with('$')
        || value.starts_with("arn:")
        || value.starts_with('/')
        || value.starts_with("{{resolve:")
}

/// `AKIA`/`ASIA` followed by 16 upper-case letters or digits.
pub(crate) fn find_access_key(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    (0..bytes.len().saturating_sub(19)).find_map(|i| {
        let cand = value.get(i..i + 20)?;
        let ok = (cand.starts_with("AKIA") || cand.starts_with("ASIA"))
            && cand
                .bytes()
                .skip(4)
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && value
                .as_bytes()
                .get(i + 20)
                .is_none_or(|b| !b.is_ascii_alphanumeric())
            && (i == 0
                || value
                    .as_bytes()
                    .get(i - 1)
                    .is_some_and(|b| !b.is_ascii_alphanumeric()));
        ok.then_some(cand)
    })
}

/// Plain-text variables of the buildspec: `env.variables`, 0.1 `plaintext`, batch overrides.
pub(crate) fn plaintext_variables(root: &Node) -> Vec<&Pair> {
    let mut out = Vec::new();
    for section in [
        root.get("env").and_then(|e| e.get("variables")),
        root.get("env").and_then(|e| e.get("plaintext")),
        root.get("environment_variables")
            .and_then(|e| e.get("plaintext")),
    ]
    .into_iter()
    .flatten()
    {
        out.extend(section.entries());
    }
    if let Some(batch) = root.get("batch") {
        for list in ["build-graph", "build-list"] {
            for task in batch.get(list).map(Node::items).unwrap_or(&[]) {
                if let Some(vars) = task.get("env").and_then(|e| e.get("variables")) {
                    out.extend(vars.entries());
                }
            }
        }
    }
    out
}

/// The first `$NAME` or `${NAME}` in a value (not `$(command)`).
pub(crate) fn variable_reference(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes.get(i) == Some(&b'$') {
            let rest = value.get(i + 1..)?;
            if let Some(inner) = rest.strip_prefix('{') {
                let end = inner.find('}')?;
                let name = inner.get(..end)?;
                if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                {
                    return value.get(i..i + end + 3);
                }
            } else {
                let len = rest
                    .bytes()
                    .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                    .count();
                if len > 0
                    && rest
                        .bytes()
                        .next()
                        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
                {
                    return value.get(i..i + 1 + len);
                }
            }
        }
        i += 1;
    }
    None
}

/// `phases.install.runtime-versions`, when present and readable.
pub(crate) fn runtime_versions<'a>(cx: &Cx<'a>) -> Option<&'a Pair> {
    let pair = cx
        .root
        .get("phases")
        .and_then(|p| p.get("install"))
        .and_then(|i| i.entry("runtime-versions"))?;
    (!pair.value.is_invalid()).then_some(pair)
}

/// The image the buildspec is checked against: its identifier and, when known, its data.
pub(crate) fn image<'a>(cx: &Cx<'a>) -> Option<(&'a str, Option<&'static Image>)> {
    cx.options.image.as_deref().map(|id| (id, find_image(id)))
}

/// Why `docker` or `android` is not a runtime here.
pub(crate) enum Legacy {
    /// The chosen image (its identifier) does not offer it: the build fails.
    NotOnImage(String),
    /// No image is chosen; only these images offer it (older ones, and for `docker` the Arm
    /// images).
    OnlySomeImages(String),
}

/// `docker` and `android` are runtimes only on some images: the reason they are not one here, if
/// they are not.
pub(crate) fn legacy_runtime(
    name: &str,
    image: Option<(&str, Option<&'static Image>)>,
) -> Option<Legacy> {
    if !matches!(name, "docker" | "android") {
        return None;
    }
    match image {
        Some((_, Some(img))) if img.versions(name).is_some() => None,
        Some((id, Some(_))) => Some(Legacy::NotOnImage(id.to_string())),
        Some((_, None)) => None,
        None => {
            let holders: Vec<&str> = IMAGES
                .iter()
                .filter(|i| i.versions(name).is_some())
                .map(|i| i.id)
                .collect();
            Some(Legacy::OnlySomeImages(if holders.is_empty() {
                "only retired images".to_string()
            } else {
                holders.join(", ")
            }))
        }
    }
}

/// The entries of `runtime-versions` whose version is worth checking: known runtimes of the
/// image, as (runtime, version node).
pub(crate) fn checked_runtimes<'a>(cx: &Cx<'a>) -> Vec<(&'a str, &'a Node)> {
    let Some(map) = runtime_versions(cx).and_then(|p| p.value.map()) else {
        return Vec::new();
    };
    let image = image(cx);
    map.entries
        .iter()
        .filter_map(|e| Some((e.key_str()?, &e.value)))
        .filter(|(name, _)| legacy_runtime(name, image).is_none() && RUNTIME_NAMES.contains(name))
        .collect()
}

/// Whether a runtime version is of a form CodeBuild documents.
pub(crate) fn is_version_form(text: &str) -> bool {
    if text == "latest" {
        return true;
    }
    if let Some(var) = text.strip_prefix('$') {
        let var = var
            .strip_prefix('{')
            .and_then(|v| v.strip_suffix('}'))
            .unwrap_or(var);
        return !var.is_empty() && var.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    }
    let body = text.strip_suffix(".x").unwrap_or(text);
    let digits_start = body.find(|c: char| c.is_ascii_digit());
    let Some(start) = digits_start else {
        return false;
    };
    let (prefix, numbers) = body.split_at(start);
    prefix.bytes().all(|b| b.is_ascii_alphabetic())
        && numbers
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// Every command of every phase (`commands` and `finally`).
pub(crate) fn commands(root: &Node) -> impl Iterator<Item = &Node> {
    let phases = root.get("phases");
    ["install", "pre_build", "build", "post_build"]
        .into_iter()
        .filter_map(move |p| phases.and_then(|ph| ph.get(p)))
        .flat_map(|phase| {
            ["commands", "finally"]
                .into_iter()
                .filter_map(move |k| phase.get(k))
        })
        .flat_map(|list| {
            if list.scalar().is_some() {
                std::slice::from_ref(list)
            } else {
                list.items()
            }
        })
}

/// A `<your-…>`-style token or a `YOUR_…`/`REPLACE_ME` word in `text`.
pub(crate) fn placeholder(text: &str) -> Option<String> {
    const WORDS: [&str; 5] = ["your", "account", "replace", "insert", "enter"];
    // Most commands have none of the markers: answer without scanning words (this runs on every
    // command of every keystroke). One pass over the bytes: a `&str` pattern's `contains` sets a
    // searcher up per call, the better part of this rule's time on a large file.
    let bytes = text.as_bytes();
    let at = |i: usize, word: &[u8]| bytes.get(i..).is_some_and(|rest| rest.starts_with(word));
    let marked = bytes.iter().enumerate().any(|(i, b)| match b {
        b'<' => true,
        b'Y' => at(i, b"YOUR_"),
        b'R' => at(i, b"REPLACE_ME"),
        b'C' => at(i, b"CHANGE"),
        _ => false,
    });
    if !marked {
        return None;
    }
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        let after = rest.get(open + 1..).unwrap_or("");
        if after.starts_with('<') || after.starts_with('(') {
            rest = after.get(1..).unwrap_or("");
            continue;
        }
        let len = after
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b' ' | b'.'))
            .count();
        if len > 0 && after.as_bytes().get(len) == Some(&b'>') {
            let inner = after.get(..len).unwrap_or("");
            let lower = inner.to_ascii_lowercase();
            if WORDS.iter().any(|w| lower.contains(w)) {
                return Some(format!("<{inner}>"));
            }
        }
        rest = after;
    }
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .find(|w| {
            (w.starts_with("YOUR_") && w.len() > 5)
                || matches!(*w, "REPLACE_ME" | "CHANGEME" | "CHANGE_ME")
        })
        .map(|w| shorten(w, 40))
}

/// The tasks of a `build-graph` or `build-list`.
pub(crate) fn batch_tasks<'a>(cx: &Cx<'a>, list: &str) -> &'a [Node] {
    cx.root
        .get("batch")
        .filter(|b| b.map().is_some())
        .and_then(|b| b.get(list))
        .map(Node::items)
        .unwrap_or(&[])
}

/// The dependency graph of a `build-graph`: the identifiers, the edges task → dependency (with
/// the span of the `depend-on` item), and the dependencies naming no task.
pub(crate) struct Graph<'a> {
    pub ids: Vec<&'a str>,
    pub edges: HashMap<&'a str, Vec<(&'a str, Span)>>,
    pub unknown: Vec<(&'a str, Span)>,
}

/// Reads the dependency graph of `tasks`.
pub(crate) fn graph(tasks: &[Node]) -> Graph<'_> {
    let ids: Vec<&str> = tasks
        .iter()
        .filter_map(|t| t.get("identifier").and_then(Node::as_str))
        .collect();
    let mut edges: HashMap<&str, Vec<(&str, Span)>> = HashMap::new();
    let mut unknown = Vec::new();
    for task in tasks {
        let Some(id) = task.get("identifier").and_then(Node::as_str) else {
            continue;
        };
        for dep in task.get("depend-on").map(Node::items).unwrap_or(&[]) {
            let Some(name) = dep.as_str() else { continue };
            if ids.contains(&name) {
                edges.entry(id).or_default().push((name, dep.span));
            } else {
                unknown.push((name, dep.span));
            }
        }
    }
    Graph {
        ids,
        edges,
        unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_failure_forms() {
        assert_eq!(parse_on_failure("ABORT"), Some(OnFailure::Abort));
        assert_eq!(parse_on_failure("continue"), Some(OnFailure::Continue));
        assert_eq!(
            parse_on_failure("RETRY-4"),
            Some(OnFailure::Retry {
                count: Some(4),
                pattern: None
            })
        );
        assert_eq!(
            parse_on_failure("RETRY-8-invalid+"),
            Some(OnFailure::Retry {
                count: Some(8),
                pattern: Some("invalid+".into())
            })
        );
        assert_eq!(
            parse_on_failure("Retry-._Error: Unable._"),
            Some(OnFailure::Retry {
                count: None,
                pattern: Some("._Error: Unable._".into())
            })
        );
        assert_eq!(
            parse_on_failure("RETRY-3abc"),
            Some(OnFailure::Retry {
                count: None,
                pattern: Some("3abc".into())
            })
        );
        assert_eq!(parse_on_failure("RETRY-"), None);
        assert_eq!(parse_on_failure("STOP"), None);
        assert_eq!(
            parse_on_failure("RETRY-3-"),
            Some(OnFailure::Retry {
                count: None,
                pattern: Some("3-".into())
            })
        );
    }
    #[test]
    fn secret_refs() {
        let r = parse_secret_ref("prod/api-key:api_key").unwrap();
        assert_eq!((r.secret_id, r.json_key), ("prod/api-key", "api_key"));
        let r = parse_secret_ref("name::AWSPREVIOUS").unwrap();
        assert_eq!((r.json_key, r.version_stage), ("", "AWSPREVIOUS"));
        let arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf";
        assert_eq!(parse_secret_ref(arn).unwrap().secret_id, arn);
        let with_key = format!("{arn}:password");
        let r = parse_secret_ref(&with_key).unwrap();
        assert_eq!((r.secret_id, r.json_key), (arn, "password"));
        assert!(parse_secret_ref("a:b:STAGE:id").is_err());
        assert!(parse_secret_ref(":key").is_err());
        assert!(parse_secret_ref("a:b:c:d:e").is_err());
        assert!(parse_secret_ref("arn:aws:secretsmanager:us-east-1:123").is_err());
        assert!(parse_secret_ref("arn:aws:ssm:us-east-1:123456789012:parameter:x").is_err());
    }

    #[test]
    fn secret_names() {
        assert!(looks_like_secret_name("DB_PASSWORD"));
        assert!(looks_like_secret_name("GITHUB_TOKEN"));
        assert!(looks_like_secret_name("STRIPE_KEY"));
        assert!(!looks_like_secret_name("SECRET_NAME"));
        assert!(!looks_like_secret_name("AWS_ACCESS_KEY_ID"));
        assert!(!looks_like_secret_name("IMAGE_TAG"));
    }

    #[test]
    fn access_keys() {
        assert_eq!(
            find_access_key("AKIAIOSFODNN7EXAMPLE"),
            Some("AKIAIOSFODNN7EXAMPLE")
        );
        assert_eq!(
            find_access_key("x=AKIAIOSFODNN7EXAMPLE;"),
            Some("AKIAIOSFODNN7EXAMPLE")
        );
        assert_eq!(find_access_key("AKIAIOSFODNN7EXAMPLEX"), None);
        assert_eq!(find_access_key("short"), None);
    }

    #[test]
    fn references() {
        assert_eq!(variable_reference("$PATH:/x"), Some("$PATH"));
        assert_eq!(variable_reference("a-${B_1}-c"), Some("${B_1}"));
        assert_eq!(variable_reference("$(date)"), None);
        assert_eq!(variable_reference("100$"), None);
        assert_eq!(variable_reference("$1"), None);
    }
    #[test]
    fn forms() {
        for ok in [
            "20",
            "20.x",
            "3.12",
            "corretto17",
            "corretto17.x",
            "latest",
            "$MY_VAR",
            "${X}",
            "1.26",
        ] {
            assert!(is_version_form(ok), "{ok}");
        }
        for bad in [">=18", "18.x.x", "lts", "$", "3..1", "v"] {
            assert!(!is_version_form(bad), "{bad}");
        }
    }

    #[test]
    fn placeholders() {
        assert_eq!(
            placeholder("docker push <your-ecr-url>:latest").as_deref(),
            Some("<your-ecr-url>")
        );
        assert_eq!(
            placeholder("aws s3 cp x s3://YOUR_BUCKET/x").as_deref(),
            Some("YOUR_BUCKET")
        );
        assert_eq!(
            placeholder("echo <ACCOUNT_ID>").as_deref(),
            Some("<ACCOUNT_ID>")
        );
        assert_eq!(placeholder("echo '<html>'"), None);
        assert_eq!(placeholder("cat <<EOF"), None);
        assert_eq!(placeholder("diff <(a) <(b)"), None);
        assert_eq!(placeholder("echo CHANGEME").as_deref(), Some("CHANGEME"));
        assert_eq!(placeholder("x=REPLACE_ME").as_deref(), Some("REPLACE_ME"));
        assert_eq!(placeholder("echo YOUR"), None);
        assert_eq!(placeholder("make ARG=$VAR_1 CHANGELOG.md"), None);
    }
}
