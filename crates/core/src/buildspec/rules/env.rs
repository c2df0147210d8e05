//! `env`: plain-text variables, Parameter Store and Secrets Manager references, exports, shell.

use crate::buildspec::Ctx;
use crate::declare_rule;
use crate::schema::Checker;
use crate::source::tree::shorten;
use crate::source::{Node, Pair, Span};

declare_rule! {
    /// ## What it does
    /// Warns about a plain-text variable that looks like a secret: its name contains
    /// `PASSWORD`, `SECRET`, `TOKEN`, `API_KEY`, `PRIVATE_KEY` or ends in `_KEY`, and it holds a
    /// literal value; or its value looks like an AWS access key ID (`AKIA…`, `ASIA…`).
    ///
    /// ## Why is this bad?
    /// The buildspec lives in your repository, so the secret is in its history for everyone
    /// with read access, and plain-text variables show up in build details. CodeBuild reads
    /// secrets at build time from Parameter Store or Secrets Manager and masks them in logs.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   variables:
    ///     DB_PASSWORD: hunter2
    /// phases:
    ///   build:
    ///     commands:
    ///       - ./migrate.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   secrets-manager:
    ///     DB_PASSWORD: prod/db:password
    /// phases:
    ///   build:
    ///     commands:
    ///       - ./migrate.sh
    /// ```
    ///
    /// ## References
    /// - Buildspec `env/variables` ("We strongly discourage the use of plain text environment
    ///   variables to store sensitive values"): <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.variables>
    /// - IAM access key ID format: <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids>
    pub static SECRET_IN_PLAINTEXT = { code: "BS040", name: "secret-in-plaintext", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about a variable whose name starts with `CODEBUILD_`.
    ///
    /// ## Why is this bad?
    /// The reference says: "Do not set any environment variable with a name that starts with
    /// `CODEBUILD_`. This prefix is reserved for internal use." Overriding a built-in such as
    /// `CODEBUILD_SRC_DIR` breaks the build in confusing ways; CodePipeline already rejects such
    /// names ("No user environment variables can start with CODEBUILD_").
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   variables:
    ///     CODEBUILD_STAGE: prod
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   variables:
    ///     STAGE: prod
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec `env/variables`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.variables>
    pub static RESERVED_VARIABLE_PREFIX = { code: "BS041", name: "reserved-variable-prefix", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Reports an `exported-variables` entry whose name starts with `AWS_`.
    ///
    /// ## Why is this bad?
    /// The reference: variables whose names start with `AWS_` cannot be exported. CodePipeline
    /// never receives the value.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   exported-variables:
    ///     - AWS_IMAGE_TAG
    /// phases:
    ///   build:
    ///     commands:
    ///       - export AWS_IMAGE_TAG=$(git rev-parse --short HEAD)
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   exported-variables:
    ///     - IMAGE_TAG
    /// phases:
    ///   build:
    ///     commands:
    ///       - export IMAGE_TAG=$(git rev-parse --short HEAD)
    /// ```
    ///
    /// ## References
    /// - Buildspec `env/exported-variables`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.exported-variables>
    pub static EXPORTED_AWS_PREFIX = { code: "BS042", name: "exported-aws-prefix", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a `secrets-manager` reference that does not follow
    /// `secret-id:json-key:version-stage:version-id`: an empty secret id, too many fields, an
    /// incomplete or non-Secrets-Manager ARN, or both a version stage and a version id.
    ///
    /// ## Why is this bad?
    /// CodeBuild cannot fetch the secret and the build fails. `version-stage` and `version-id`
    /// are mutually exclusive. A secret ARN has seven `:`-separated fields of its own
    /// (`arn:aws:secretsmanager:region:account:secret:name-AbCdEf`); the optional fields follow
    /// it.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   secrets-manager:
    ///     API_KEY: prod/api:key:AWSCURRENT:3f1c2d4e-1111-2222-3333-444455556666
    /// phases:
    ///   build:
    ///     commands:
    ///       - ./deploy.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   secrets-manager:
    ///     API_KEY: prod/api:key:AWSCURRENT
    /// phases:
    ///   build:
    ///     commands:
    ///       - ./deploy.sh
    /// ```
    ///
    /// ## References
    /// - Buildspec `env/secrets-manager`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager>
    /// - Secrets Manager ARN format: <https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_iam-permissions.html#iam-resources>
    pub static INVALID_SECRET_REFERENCE = { code: "BS043", name: "invalid-secret-reference", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Reports a `parameter-store` entry whose parameter name contains characters Systems
    /// Manager does not allow (only letters, digits, `_`, `.`, `-` and `/` are), or starts with
    /// the reserved `aws`/`ssm` prefixes.
    ///
    /// ## Why is this bad?
    /// The parameter can never be found, so the build fails when CodeBuild fetches it. A `$` in
    /// the name is a common cause: values in the buildspec are literal, so `/app/$STAGE/db` is
    /// not expanded.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   parameter-store:
    ///     DB_HOST: /app/$STAGE/db-host
    /// phases:
    ///   build:
    ///     commands:
    ///       - ./migrate.sh
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   parameter-store:
    ///     DB_HOST: /app/prod/db-host
    /// phases:
    ///   build:
    ///     commands:
    ///       - ./migrate.sh
    /// ```
    ///
    /// ## References
    /// - Parameter naming constraints: <https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html>
    /// - Buildspec `env/parameter-store`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.parameter-store>
    pub static INVALID_PARAMETER_NAME = { code: "BS044", name: "invalid-parameter-name", severity: Error };
}

declare_rule! {
    /// ## What it does
    /// Warns about a plain-text variable whose value refers to another variable (`$PATH`,
    /// `${CODEBUILD_BUILD_NUMBER}`).
    ///
    /// ## Why is this bad?
    /// CodeBuild sets the value literally. The reference's own example: setting `PATH` to
    /// `$PATH:/usr/share/ant/bin` replaces the image's `PATH` with the literal text
    /// `$PATH:/usr/share/ant/bin`, which breaks every command. Build such values with `export`
    /// in a command instead.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   variables:
    ///     PATH: $PATH:/opt/tools/bin
    /// phases:
    ///   build:
    ///     commands:
    ///       - mytool build
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// phases:
    ///   build:
    ///     commands:
    ///       - export PATH="$PATH:/opt/tools/bin"
    ///       - mytool build
    /// ```
    ///
    /// ## References
    /// - Buildspec `env/variables`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.variables>
    pub static UNEXPANDED_VARIABLE = { code: "BS045", name: "unexpanded-variable", severity: Warning };
}

declare_rule! {
    /// ## What it does
    /// Warns about an `env.shell` value other than `bash` or `/bin/sh` (Linux) and
    /// `powershell.exe` or `cmd.exe` (Windows).
    ///
    /// ## Why is this bad?
    /// These are the only values the reference documents; whether others (`/bin/bash`, `zsh`)
    /// work is not, so the warning asks for a documented one.
    ///
    /// ## Example
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   shell: zsh
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// version: 0.2
    /// env:
    ///   shell: bash
    /// phases:
    ///   build:
    ///     commands:
    ///       - make
    /// ```
    ///
    /// ## References
    /// - Buildspec `env/shell`: <https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.shell>
    pub static UNKNOWN_SHELL = { code: "BS046", name: "unknown-shell", severity: Warning };
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

/// `secrets-manager` values (BS043).
pub(crate) fn check_secret_reference(node: &Node, _anchor: Span, c: &mut Checker<'_>) {
    if node.is_invalid() {
        return;
    }
    let Some(value) = node.as_str() else {
        if node.is_null() {
            c.push(
                INVALID_SECRET_REFERENCE
                    .at(node.span, format!("`{}` names no secret", c.path()))
                    .with_help("write secret-id[:json-key[:version-stage|:version-id]]"),
            );
        } else {
            c.wrong_type(node, "a secret reference");
        }
        return;
    };
    if let Err(message) = parse_secret_ref(value.trim()) {
        c.push(
            INVALID_SECRET_REFERENCE
                .at(node.span, message)
                .with_help("write secret-id:json-key:version-stage:version-id, leaving out what you do not need (`name:key`, `name::AWSPREVIOUS`)"),
        );
    }
}

/// `parameter-store` values (BS044).
pub(crate) fn check_parameter_name(node: &Node, _anchor: Span, c: &mut Checker<'_>) {
    if node.is_invalid() {
        return;
    }
    let Some(value) = node.as_str() else {
        if node.is_null() {
            c.push(
                INVALID_PARAMETER_NAME
                    .at(node.span, format!("`{}` names no parameter", c.path()))
                    .with_help("write the parameter's name, such as `/app/prod/db-host`"),
            );
        } else {
            c.wrong_type(node, "a parameter name");
        }
        return;
    };
    let name = value.trim();
    if name.starts_with("arn:") {
        return;
    }
    let bare = name.trim_start_matches('/');
    let lower = bare.to_ascii_lowercase();
    if let Some(bad) = name
        .chars()
        .find(|ch| !(ch.is_ascii_alphanumeric() || matches!(ch, '_' | '.' | '-' | '/')))
    {
        let hint = if bad == '$' {
            "buildspec values are literal: a `$` is not expanded here"
        } else {
            "parameter names may contain only letters, digits, `_`, `.`, `-` and `/`"
        };
        c.push(
            INVALID_PARAMETER_NAME
                .at(
                    node.span,
                    format!("parameter name `{}` contains `{bad}`", shorten(name, 60)),
                )
                .with_help(hint),
        );
    } else if lower.starts_with("aws") || lower.starts_with("ssm") {
        c.push(
            INVALID_PARAMETER_NAME
                .at(
                    node.span,
                    format!("parameter name `{name}` starts with a reserved prefix"),
                )
                .with_help("names may not begin with `aws` or `ssm` (in any case)"),
        );
    }
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

fn looks_like_secret_name(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    if METADATA_SUFFIXES.iter().any(|s| upper.ends_with(s)) {
        return false;
    }
    SECRET_WORDS.iter().any(|w| upper.contains(w)) || upper.ends_with("_KEY")
}

fn looks_like_reference(value: &str) -> bool {
    value.starts_with('$')
        || value.starts_with("arn:")
        || value.starts_with('/')
        || value.starts_with("{{resolve:")
}

/// `AKIA`/`ASIA` followed by 16 upper-case letters or digits.
fn find_access_key(value: &str) -> Option<&str> {
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
fn plaintext_variables(root: &Node) -> Vec<&Pair> {
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

/// BS040, BS041, BS042, BS045.
pub(crate) fn variables(cx: &mut Ctx<'_>) {
    let root = cx.root;
    for pair in plaintext_variables(root) {
        let Some(name) = pair.key_str() else { continue };
        let value = pair.value.as_str().unwrap_or("").trim();
        if let Some(key) = find_access_key(value) {
            cx.push(
                SECRET_IN_PLAINTEXT
                    .at(pair.value.span, format!("`{name}` holds what looks like an AWS access key ID (`{key}`)"))
                    .with_help("never commit access keys: give the CodeBuild service role the permissions instead, and rotate this key"),
            );
        } else if looks_like_secret_name(name) && !value.is_empty() && !looks_like_reference(value)
        {
            cx.push(
                SECRET_IN_PLAINTEXT
                    .at(pair.value.span, format!("`{name}` looks like a secret stored as plain text"))
                    .with_help("move it to `env.secrets-manager` or `env.parameter-store` (a SecureString), which CodeBuild fetches at build time and masks in logs"),
            );
        }
        if let Some(var) = variable_reference(value) {
            cx.push(
                UNEXPANDED_VARIABLE
                    .at(pair.value.span, format!("`{var}` in the value of `{name}` is not expanded; the variable is set to the literal text"))
                    .with_help(format!("set it in a command instead: `export {name}=\"{}\"`", shorten(value, 60))),
            );
        }
    }
    let env = root.get("env");
    let named: Vec<&Pair> = plaintext_variables(root)
        .into_iter()
        .chain(
            env.and_then(|e| e.get("parameter-store"))
                .map(Node::entries)
                .unwrap_or(&[]),
        )
        .chain(
            env.and_then(|e| e.get("secrets-manager"))
                .map(Node::entries)
                .unwrap_or(&[]),
        )
        .collect();
    for pair in named {
        if let Some(name) = pair.key_str()
            && name.starts_with("CODEBUILD_")
        {
            cx.push(
                RESERVED_VARIABLE_PREFIX
                    .at(pair.key.span, format!("`{name}` uses the reserved `CODEBUILD_` prefix"))
                    .with_help("CodeBuild reserves names starting with CODEBUILD_ for its own variables; rename it"),
            );
        }
    }
    for item in env
        .and_then(|e| e.get("exported-variables"))
        .map(Node::items)
        .unwrap_or(&[])
    {
        if let Some(name) = item.as_str()
            && name.starts_with("AWS_")
        {
            cx.push(
                EXPORTED_AWS_PREFIX
                    .at(
                        item.span,
                        format!(
                            "`{name}` cannot be exported: names starting with AWS_ are not exported"
                        ),
                    )
                    .with_help("rename the variable, for example without the AWS_ prefix"),
            );
        }
    }
}

/// The first `$NAME` or `${NAME}` in a value (not `$(command)`).
fn variable_reference(value: &str) -> Option<&str> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
