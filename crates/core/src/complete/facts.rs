//! What the kinds' tables know about places their JSON Schemas leave open, because the checker
//! reads them with a function rather than a key table: each answer comes from the table the
//! rule itself reads, and links that rule's page.
//!
//! - buildspec: `runtime-versions` names and versions of the chosen image
//!   ([`crate::buildspec::runtimes`]), `on-failure` words;
//! - AppSpec: the lifecycle hooks of the file's platform ([`crate::appspec::events`]);
//! - trust policy: condition operators ([`BaseOperator::ALL`]) and GitHub's OIDC condition keys;
//! - pipeline: an action's provider's configuration keys and the providers of its category
//!   ([`crate::pipeline::providers`]);
//! - deployment group: the predefined deployment configurations.

use super::ItemKind;
use super::locate::{Place, Seg};
use crate::appspec::events::{EC2_HOOKS, ECS_HOOKS, LAMBDA_HOOKS};
use crate::appspec::{Detection, Platform};
use crate::buildspec::runtimes::{IMAGES, RUNTIME_NAMES, find_image};
use crate::rule::Rule;
use crate::trust_policy::oidc::{GITHUB_2026_CLAIM_KEYS, GITHUB_HOST};
use crate::trust_policy::operators::{BaseOperator, Family};
use crate::{Kind, Model, Options};

use super::Completion;

/// The place and file a completion is asked for.
pub(super) struct Cx<'a> {
    pub kind: Kind,
    pub text: &'a str,
    pub options: &'a Options,
    pub place: &'a Place,
}

fn item(label: &str, kind: ItemKind, doc: String, rule: &'static Rule) -> Completion {
    Completion {
        label: label.to_string(),
        insert: label.to_string(),
        kind,
        doc,
        rule: Some(rule.code),
    }
}

/// Whether `path` is `pattern` (`"*"` matches any key, `"[]"` a list item), keys in any case.
fn is(path: &[Seg], pattern: &[&str]) -> bool {
    path.len() == pattern.len()
        && path.iter().zip(pattern).all(|(seg, p)| match seg {
            Seg::Item => *p == "[]",
            Seg::Key(k) => *p == "*" || k.eq_ignore_ascii_case(p),
        })
}

/// Whether `path` ends with `pattern`.
fn ends(path: &[Seg], pattern: &[&str]) -> bool {
    path.len() >= pattern.len()
        && path
            .get(path.len() - pattern.len()..)
            .is_some_and(|tail| is(tail, pattern))
}

/// The platform an AppSpec is for, when its content tells.
pub(super) fn appspec_platform(text: &str, options: &Options) -> Option<Platform> {
    match crate::analyze(Kind::Appspec, text, options).ok()?.model {
        Model::Appspec(spec) => match spec.detection {
            Detection::Known(p) => Some(p),
            Detection::Unknown | Detection::Template => None,
        },
        _ => None,
    }
}

/// The schema file of an AppSpec platform.
pub(super) fn appspec_schema(platform: Platform) -> &'static str {
    match platform {
        Platform::Ec2 => "appspec-ec2.json",
        Platform::Ecs => "appspec-ecs.json",
        Platform::Lambda => "appspec-lambda.json",
    }
}

/// Keys the tables know at the place.
pub(super) fn keys(cx: &Cx<'_>, out: &mut Vec<Completion>) {
    let path = &cx.place.path;
    match cx.kind {
        Kind::Buildspec if is(path, &["phases", "install", "runtime-versions"]) => {
            runtimes(cx, out);
        }
        Kind::Appspec => hooks(cx, out),
        Kind::TrustPolicy if ends(path, &["Condition"]) => operators(out),
        Kind::TrustPolicy if ends(path, &["Condition", "*"]) => {
            condition_keys(out);
        }
        Kind::Pipeline if ends(path, &["actions", "[]", "configuration"]) => {
            configuration(cx, out);
        }
        _ => {}
    }
}

/// Values the tables know for `key` at the place.
pub(super) fn values(cx: &Cx<'_>, key: &str, out: &mut Vec<Completion>) {
    let path = &cx.place.path;
    match cx.kind {
        Kind::Buildspec if is(path, &["phases", "install", "runtime-versions"]) => {
            versions(cx, key, out);
        }
        Kind::Buildspec if is(path, &["phases", "*"]) && key == "on-failure" => {
            let rule = &crate::buildspec::rules::invalid_on_failure::RULE;
            for word in crate::buildspec::rules::helpers::ON_FAILURE_WORDS {
                let doc = match *word {
                    "ABORT" => "stop the build when a command of the phase fails (the default)",
                    "CONTINUE" => "go on to the next phase when a command fails",
                    _ => {
                        "run the phase again (`RETRY-<count>`, `RETRY-<regex>` and `RETRY-<count>-<regex>` limit it)"
                    }
                };
                out.push(item(word, ItemKind::Value, doc.to_string(), rule));
            }
        }
        Kind::Pipeline if ends(path, &["actionTypeId"]) && key == "provider" => providers(cx, out),
        // `os` is read by its own function (its table type is custom): its two words.
        Kind::Appspec if path.is_empty() && key == "os" => {
            let rule = &crate::appspec::rules::unsupported_os::RULE;
            for (word, doc) in [
                (
                    "linux",
                    "Amazon Linux, Ubuntu Server, RHEL and the other Linux distributions",
                ),
                ("windows", "Windows Server"),
            ] {
                out.push(item(word, ItemKind::Value, doc.to_string(), rule));
            }
        }
        Kind::TrustPolicy
            if (ends(path, &["Statement"]) || ends(path, &["Statement", "[]"]))
                && (key == "Action" || key == "NotAction") =>
        {
            let rule = &crate::trust_policy::rules::malformed_action::RULE;
            for action in crate::trust_policy::rules::helpers::TRUST_ACTIONS {
                let doc = match *action {
                    "sts:AssumeRole" => "an AWS principal or a service assumes the role",
                    "sts:AssumeRoleWithWebIdentity" => {
                        "an OIDC token (GitHub Actions, GitLab, Cognito…) is exchanged for the role"
                    }
                    "sts:AssumeRoleWithSAML" => "a SAML assertion is exchanged for the role",
                    "sts:TagSession" => "the caller passes session tags",
                    "sts:SetSourceIdentity" => "the caller sets a source identity",
                    _ => "the caller passes context (trusted identity propagation)",
                };
                out.push(item(action, ItemKind::Value, doc.to_string(), rule));
            }
        }
        Kind::DeploymentGroup if key.eq_ignore_ascii_case("deploymentConfigName") => {
            let rule = &crate::deployment_group::rules::unknown_predefined_config::RULE;
            for p in crate::deployment::PREDEFINED {
                let doc = format!("a predefined configuration ({})", p.platform.title());
                out.push(item(p.name, ItemKind::Value, doc, rule));
            }
        }
        _ => {}
    }
}

/// The runtimes of the chosen image, or of every maintained image.
fn runtimes(cx: &Cx<'_>, out: &mut Vec<Completion>) {
    let rule = &crate::buildspec::rules::unknown_runtime::RULE;
    match cx.options.buildspec.image.as_deref().and_then(find_image) {
        Some(image) => {
            for (name, versions) in image.runtimes {
                let doc = format!("on {}: {}", image.id, versions.join(", "));
                out.push(item(name, ItemKind::Key, doc, rule));
            }
        }
        None => {
            for name in RUNTIME_NAMES {
                let on: Vec<&str> = IMAGES
                    .iter()
                    .filter(|i| i.maintained && i.versions(name).is_some())
                    .map(|i| i.id)
                    .collect();
                if on.is_empty() {
                    continue;
                }
                let doc = format!("a runtime of {}", on.join(", "));
                out.push(item(name, ItemKind::Key, doc, rule));
            }
        }
    }
}

/// The versions of `runtime` on the chosen image, or on every maintained image.
fn versions(cx: &Cx<'_>, runtime: &str, out: &mut Vec<Completion>) {
    let rule = &crate::buildspec::rules::runtime_version_not_preinstalled::RULE;
    let images: Vec<_> = match cx.options.buildspec.image.as_deref().and_then(find_image) {
        Some(image) => vec![image],
        None => IMAGES.iter().filter(|i| i.maintained).collect(),
    };
    let mut seen = Vec::new();
    for image in images {
        for v in image.versions(runtime).unwrap_or_default() {
            if !seen.contains(v) {
                seen.push(*v);
            }
        }
    }
    for v in seen {
        let on: Vec<&str> = IMAGES
            .iter()
            .filter(|i| i.versions(runtime).is_some_and(|vs| vs.contains(&v)))
            .filter(|i| match cx.options.buildspec.image.as_deref() {
                Some(_) => true,
                None => i.maintained,
            })
            .map(|i| i.id)
            .collect();
        let doc = format!("{runtime} {v}, preinstalled on {}", on.join(", "));
        out.push(item(v, ItemKind::Value, doc, rule));
    }
}

/// The lifecycle hooks of the AppSpec's platform (EC2/on-premises: keys of `hooks`; ECS and
/// Lambda: the key of each item of the `hooks` list).
fn hooks(cx: &Cx<'_>, out: &mut Vec<Completion>) {
    let path = &cx.place.path;
    let platforms: &[Platform] = if is(path, &["hooks"]) {
        &[Platform::Ec2]
    } else if is(path, &["hooks", "[]"]) {
        &[Platform::Ecs, Platform::Lambda]
    } else {
        return;
    };
    let detected = appspec_platform(cx.text, cx.options);
    let rule = &crate::appspec::rules::unknown_lifecycle_event::RULE;
    for platform in platforms {
        if detected.is_some_and(|d| d != *platform) {
            continue;
        }
        let (hooks, title) = match platform {
            Platform::Ec2 => (EC2_HOOKS, "EC2/on-premises"),
            Platform::Ecs => (ECS_HOOKS, "Amazon ECS"),
            Platform::Lambda => (LAMBDA_HOOKS, "AWS Lambda"),
        };
        for hook in hooks {
            let doc = match platform {
                Platform::Ec2 => format!("{title} lifecycle event: the scripts listed run at it"),
                _ => format!("{title} lifecycle event: the Lambda function named runs at it"),
            };
            out.push(item(hook, ItemKind::Key, doc, rule));
        }
    }
}

/// The condition operators.
fn operators(out: &mut Vec<Completion>) {
    let rule = &crate::trust_policy::rules::unknown_condition_operator::RULE;
    for op in BaseOperator::ALL {
        let what = match op.family() {
            Family::String if op.name().contains("Like") => {
                "compares the key with strings, `*` and `?` as wildcards"
            }
            Family::String => "compares the key with strings",
            Family::Numeric => "compares the key with numbers",
            Family::Date => "compares the key with dates",
            Family::Bool => "compares the key with `true` or `false`",
            Family::Binary => "compares the key with base64 bytes",
            Family::Ip => "compares the key with IP addresses or CIDR ranges",
            Family::Arn => "compares the key with ARNs",
            Family::Null => "`true`: the key is absent; `false`: it is present",
        };
        let doc = if op.is_negated() {
            format!("{what} (negated: true when none matches, or the key is absent)")
        } else {
            what.to_string()
        };
        out.push(item(op.name(), ItemKind::Key, doc, rule));
    }
}

/// GitHub's OIDC condition keys.
fn condition_keys(out: &mut Vec<Completion>) {
    let rule = &crate::trust_policy::rules::unknown_condition_operator::RULE;
    let mut add = |claim: &str, doc: String| {
        out.push(item(
            &format!("{GITHUB_HOST}:{claim}"),
            ItemKind::Key,
            doc,
            rule,
        ));
    };
    add(
        "sub",
        "the GitHub job's subject: `repo:OWNER/REPO:ref:refs/heads/BRANCH`, `…:environment:NAME`, `…:pull_request`"
            .to_string(),
    );
    add(
        "aud",
        format!(
            "the token's audience: `{}`",
            crate::trust_policy::github::DEFAULT_AUDIENCE
        ),
    );
    for claim in GITHUB_2026_CLAIM_KEYS {
        add(
            claim,
            format!(
                "the token's `{claim}` claim (evaluated by STS since 2026 per secondary sources; unconfirmed)"
            ),
        );
    }
}

/// The pipeline action the place is in: its category, owner and provider as written, read from
/// the action's text (the file being typed may not parse).
fn action_at(cx: &Cx<'_>) -> Option<(String, String, String)> {
    let path = &cx.place.path;
    // The list item after `actions`: which item of the path it is.
    let at = path
        .iter()
        .rposition(|s| matches!(s, Seg::Key(k) if k.eq_ignore_ascii_case("actions")))?;
    let nth = path
        .get(..=at + 1)?
        .iter()
        .filter(|s| **s == Seg::Item)
        .count();
    let start = *cx.place.items.get(nth.checked_sub(1)?)?;
    let region = cx.text.get(start..)?;
    let end = region
        .char_indices()
        .map(|(i, _)| i)
        .find(|i| *i >= 4096)
        .unwrap_or(region.len());
    let region = region.get(..end)?;
    let get = |key: &str| value_after(region, key).unwrap_or_default();
    Some((get("category"), get("owner"), get("provider")))
}

/// The value written after the first `key:` (or `"key":`) of `region`.
fn value_after(region: &str, key: &str) -> Option<String> {
    let mut from = 0;
    while let Some(found) = region.get(from..)?.find(key) {
        let at = from + found;
        from = at + key.len();
        let before = region.get(..at)?.chars().next_back();
        if !before.is_none_or(|c| c == '"' || c == '{' || c == ',' || c.is_whitespace()) {
            continue;
        }
        let rest = region.get(at + key.len()..)?;
        let rest = rest
            .strip_prefix('"')
            .unwrap_or(rest)
            .trim_start_matches(' ');
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start_matches(' ');
        let rest = rest.strip_prefix(['"', '\'']).unwrap_or(rest);
        let value: String = rest
            .chars()
            .take_while(|c| !matches!(c, '"' | '\'' | ',' | '}' | '\n' | '\r' | ' ' | '#'))
            .collect();
        return Some(value);
    }
    None
}

/// The configuration keys of the action's provider.
fn configuration(cx: &Cx<'_>, out: &mut Vec<Completion>) {
    let Some((category, owner, provider)) = action_at(cx) else {
        return;
    };
    let Some(action) = crate::pipeline::providers::action_type(&category, &owner, &provider) else {
        return;
    };
    let Some((required, optional)) = action.keys else {
        return;
    };
    for key in required.iter() {
        let doc = format!("required by the {provider} {category} action");
        out.push(item(
            key,
            ItemKind::Key,
            doc,
            &crate::pipeline::rules::missing_configuration_key::RULE,
        ));
    }
    for key in optional.iter() {
        let doc = format!("read by the {provider} {category} action");
        out.push(item(
            key,
            ItemKind::Key,
            doc,
            &crate::pipeline::rules::unknown_configuration_key::RULE,
        ));
    }
}

/// The providers of the action's category.
fn providers(cx: &Cx<'_>, out: &mut Vec<Completion>) {
    let (category, owner) = action_at(cx).map(|(c, o, _)| (c, o)).unwrap_or_default();
    let rule = &crate::pipeline::rules::unknown_action_provider::RULE;
    for t in crate::pipeline::providers::ACTION_TYPES {
        if !category.is_empty() && t.category != category {
            continue;
        }
        // The owner written narrows the list (`AlexaSkillsKit` is `ThirdParty`'s).
        if !owner.is_empty() && t.owner != owner {
            continue;
        }
        let doc = format!("a {} action ({})", t.category, t.owner);
        out.push(item(t.provider, ItemKind::Value, doc, rule));
    }
}
